import type pg from 'pg';

/** What the metrics report about the queue of work waiting on people and on Telegram. */
export interface OperationalFigures {
  escalations: { open: number; claimed: number };
  /** Age of the oldest escalation nobody has answered yet (open or claimed); null when there is none. */
  oldestUnansweredSeconds: number | null;
  outbox: { pending: number; failed: number };
  /** Age of the oldest message still waiting for Telegram; null when none waits. */
  oldestPendingSeconds: number | null;
}

/**
 * Counts read at each metrics scrape: a read-only view across the escalation tables, like the stats. Open
 * escalations come from the partial index escalations_open; the outbox stays small because the retention purge
 * deletes delivered and failed messages after RETENTION_DAYS (so `failed` counts the failures kept, not all).
 */
export function createGaugesRepository(pool: pg.Pool) {
  return {
    async read(): Promise<OperationalFigures> {
      const result = await pool.query<{
        open: number;
        claimed: number;
        oldest_unanswered: number | null;
        pending: number;
        failed: number;
        oldest_pending: number | null;
      }>(
        `SELECT
           (SELECT count(*) FROM escalations WHERE state = 'open')::int AS open,
           (SELECT count(*) FROM escalations WHERE state = 'claimed')::int AS claimed,
           (SELECT extract(epoch FROM now() - min(created_at))::float8 FROM escalations
             WHERE state IN ('open', 'claimed')) AS oldest_unanswered,
           (SELECT count(*) FROM outbox WHERE state = 'pending')::int AS pending,
           (SELECT count(*) FROM outbox WHERE state = 'failed')::int AS failed,
           (SELECT extract(epoch FROM now() - min(created_at))::float8 FROM outbox
             WHERE state = 'pending') AS oldest_pending`,
      );
      const row = result.rows[0];
      if (!row) throw new Error('the gauges query returned no row');
      return {
        escalations: { open: row.open, claimed: row.claimed },
        oldestUnansweredSeconds: row.oldest_unanswered,
        outbox: { pending: row.pending, failed: row.failed },
        oldestPendingSeconds: row.oldest_pending,
      };
    },
  };
}

export type GaugesRepository = ReturnType<typeof createGaugesRepository>;
