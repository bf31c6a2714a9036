import type pg from 'pg';
import { type Param, parameters } from './params.ts';

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

/** The statement that writes one audit record, its values numbered by `param` among the caller's. */
export function auditStatement(entry: AuditEntry, param: Param): string {
  const values = [
    entry.actor ?? null,
    entry.action,
    entry.subject ?? null,
    JSON.stringify(entry.details ?? {}),
  ];
  return `INSERT INTO audit_log (actor, action, subject, details) VALUES (${values.map(param).join(', ')})`;
}

/** Writes one audit record, in the caller's transaction when given its client. */
export async function audit(client: Queryable, entry: AuditEntry): Promise<void> {
  const { values, param } = parameters();
  await client.query(auditStatement(entry, param), values);
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
