import type pg from 'pg';
import { AppError } from '../errors.ts';
import type { Database } from './connect.ts';

/** The advisory lock a running re-index holds from start to end (storing takes its own, shorter one). */
const RUN_LOCK_KEY = 7_310_003;

/** Lets go of the lock; safe to call once. */
export type ReleaseLock = () => Promise<void>;

const busy = () =>
  new AppError(
    'Another re-index is running on this database, so this one stopped before loading anything. ' +
      'Try again when it has finished.',
  );

/**
 * Held for a whole re-index, so that a second one (another process on the same server, or a second /reindex
 * in this one) stops at once and says why, instead of embedding the corpus only to be refused at the end.
 * On a server it is a session advisory lock on a connection of its own: when the process dies, the server
 * ends the session and frees the lock. The embedded database belongs to one process (the data-folder lock),
 * so there a flag in memory is the whole story.
 */
export function createReindexLock(database: Database): () => Promise<ReleaseLock> {
  let running = false;
  return async function acquire() {
    if (running) throw busy();
    running = true;
    if (database.kind === 'embedded') {
      return async () => {
        running = false;
      };
    }
    let client: pg.PoolClient | undefined;
    try {
      client = await database.pool.connect();
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
        RUN_LOCK_KEY,
      ]);
      if (!rows[0]?.ok) throw busy();
    } catch (error) {
      client?.release();
      running = false;
      throw error;
    }
    const held = client;
    return async () => {
      try {
        await held.query('SELECT pg_advisory_unlock($1)', [RUN_LOCK_KEY]);
        held.release();
      } catch (error) {
        // A connection that cannot unlock is closed instead, which frees the lock on the server as well.
        held.release(error as Error);
      } finally {
        running = false;
      }
    };
  };
}
