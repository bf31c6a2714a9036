import type pg from 'pg';

type Queryable = pg.Pool | pg.PoolClient;

export type AuditAction =
  | 'escalated'
  | 'claimed'
  | 'answered'
  | 'declined'
  | 'closed'
  | 'published'
  | 'reindexed'
  | 'rolled_back'
  | 'access_refused'
  | 'purged';

export interface AuditEntry {
  actor: number | undefined;
  action: AuditAction;
  subject?: string;
  details?: Record<string, unknown>;
}

/** Writes one audit record, in the caller's transaction when given its client. */
export async function audit(client: Queryable, entry: AuditEntry): Promise<void> {
  await client.query('INSERT INTO audit_log (actor, action, subject, details) VALUES ($1, $2, $3, $4)', [
    entry.actor ?? null,
    entry.action,
    entry.subject ?? null,
    JSON.stringify(entry.details ?? {}),
  ]);
}

/** The append-only audit log (migration 005), for maintainers' export. */
export function createAuditRepository(pool: pg.Pool) {
  return {
    record: (entry: AuditEntry) => audit(pool, entry),
    async export(sinceDays: number): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
      const result = await pool.query(
        `SELECT id, at, actor, action, subject, details::text AS details FROM audit_log
         WHERE at >= now() - make_interval(days => $1) ORDER BY id`,
        [sinceDays],
      );
      return { columns: result.fields.map((f) => f.name), rows: result.rows };
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
