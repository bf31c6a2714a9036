import type pg from 'pg';
import { audit } from '../db/audit.ts';
import type { CorpusVersion, VersionsRepository } from '../db/versions.ts';
import type { Embedder } from '../embeddings/create.ts';
import { AppError } from '../errors.ts';
import { REINDEX_LOCK_KEY } from './store-version.ts';

export interface RollbackDeps {
  pool: pg.Pool;
  versions: VersionsRepository;
  embedder: Embedder;
}

/**
 * Re-activates the version built before the active one, in one transaction under the re-index lock. A
 * version made by another embedder is refused: its vectors cannot be searched with this one's questions.
 */
export function createRollback({ pool, versions, embedder }: RollbackDeps) {
  return async function rollback(actor?: number): Promise<{ from: CorpusVersion; to: CorpusVersion }> {
    const all = await versions.list();
    const active = all.find((v) => v.isActive);
    if (!active) throw new AppError('Nothing is indexed yet: there is no version to roll back from.');
    const previous = all.filter((v) => v.id < active.id).at(-1);
    if (!previous)
      throw new AppError(`${active.label} is the oldest version kept: there is none to roll back to.`);
    if (previous.embedder !== embedder.id) {
      throw new AppError(
        `${previous.label} was built with ${previous.embedder}, but the configured embedder is ${embedder.id}: ` +
          'configure that embedder to roll back to it.',
      );
    }
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const locked = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [
        REINDEX_LOCK_KEY,
      ]);
      if (!locked.rows[0]?.ok) throw new AppError('A re-index is running on this database; try again later.');
      await versions.activate(client, previous.id);
      await audit(client, {
        actor,
        action: 'rolled_back',
        subject: `version:${previous.label}`,
        details: { from: active.label },
      });
      await client.query('COMMIT');
      versions.forgetActive();
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    return { from: active, to: { ...previous, isActive: true } };
  };
}

export type Rollback = ReturnType<typeof createRollback>;
