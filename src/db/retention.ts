import type pg from 'pg';
import { audit } from './audit.ts';

export interface RetentionPolicy {
  /** Questions, answers, feedback and delivered messages older than this are deleted. */
  days: number;
  /** Escalations are kept until closed (or declined) and this long after. */
  escalationDays: number;
}

export interface PurgeCounts {
  exchanges: number;
  feedback: number;
  escalations: number;
  deliveredMessages: number;
}

/**
 * What is past its keeping time (`exchanges` and their `feedback`, closed escalations with their
 * conversation, delivered outbox messages). An exchange an escalation still in progress points at is kept.
 * Curated answers are published material and stay; the audit log is append-only and stays.
 */
const SCOPES = {
  exchanges: `FROM exchanges x WHERE x.created_at < now() - make_interval(days => $1)
    AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.exchange_id = x.id AND e.state IN ('open', 'claimed', 'answered'))`,
  feedback: `FROM feedback f WHERE f.exchange_id IN (SELECT x.id FROM exchanges x WHERE x.created_at < now() - make_interval(days => $1)
    AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.exchange_id = x.id AND e.state IN ('open', 'claimed', 'answered')))`,
  escalations: `FROM escalations e WHERE e.state IN ('closed', 'declined') AND e.updated_at < now() - make_interval(days => $1)`,
  deliveredMessages: `FROM outbox o WHERE o.state <> 'pending' AND o.created_at < now() - make_interval(days => $1)`,
} as const;

/** Each scope's $1: escalations have their own, longer keeping time. */
const daysFor = (key: keyof PurgeCounts, policy: RetentionPolicy) =>
  key === 'escalations' ? policy.escalationDays : policy.days;

export function createRetentionRepository(pool: pg.Pool) {
  const count = async (client: pg.Pool | pg.PoolClient, policy: RetentionPolicy): Promise<PurgeCounts> => {
    const counts = {} as PurgeCounts;
    for (const [key, scope] of Object.entries(SCOPES) as [keyof PurgeCounts, string][]) {
      const result = await client.query<{ n: number }>(`SELECT count(*)::int AS n ${scope}`, [
        daysFor(key, policy),
      ]);
      counts[key] = result.rows[0]?.n ?? 0;
    }
    return counts;
  };

  return {
    /** What a purge would delete now. */
    preview: (policy: RetentionPolicy) => count(pool, policy),

    /** Deletes what is past its keeping time, in one transaction, and records the counts in the audit log. */
    async purge(policy: RetentionPolicy): Promise<PurgeCounts> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const counts = await count(client, policy);
        // Feedback goes with its exchange (ON DELETE CASCADE); escalation messages and outbox rows with theirs.
        await client.query(`DELETE FROM outbox WHERE id IN (SELECT o.id ${SCOPES.deliveredMessages})`, [
          policy.days,
        ]);
        await client.query(`DELETE FROM escalations WHERE id IN (SELECT e.id ${SCOPES.escalations})`, [
          policy.escalationDays,
        ]);
        await client.query(`DELETE FROM exchanges WHERE id IN (SELECT x.id ${SCOPES.exchanges})`, [
          policy.days,
        ]);
        await audit(client, { actor: undefined, action: 'purged', details: { ...counts } });
        await client.query('COMMIT');
        return counts;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
