import type pg from 'pg';

export interface Stats {
  days: { day: string; answered: number; escalated: number }[];
  totals: { questions: number; answered: number; escalated: number };
  /** Median time from an escalation to the coordinator's answer, in minutes; undefined when none answered. */
  medianMinutesToAnswer: number | undefined;
  open: number;
  /** The escalated questions of the period, for the caller to find their frequent topics. */
  escalatedQuestions: { question: string; language: string }[];
}

/** Activity figures for coordinators (/stats): exchanges by day and outcome, and escalation handling. */
export function createStatsRepository(pool: pg.Pool) {
  return {
    async since(days: number): Promise<Stats> {
      const byDay = await pool.query<{ day: string; answered: number; escalated: number }>(
        `SELECT to_char(date_trunc('day', created_at), 'YYYY-MM-DD') AS day,
           count(*) FILTER (WHERE kind = 'answered')::int AS answered,
           count(*) FILTER (WHERE kind = 'escalated')::int AS escalated
         FROM exchanges WHERE created_at >= now() - make_interval(days => $1)
         GROUP BY 1 ORDER BY 1`,
        [days],
      );
      const handling = await pool.query<{ median: number | null; open: number }>(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - created_at) / 60)
             FILTER (WHERE state IN ('answered', 'closed')) AS median,
           count(*) FILTER (WHERE state IN ('open', 'claimed'))::int AS open
         FROM escalations WHERE created_at >= now() - make_interval(days => $1)`,
        [days],
      );
      const escalated = await pool.query<{ question: string; language: string }>(
        `SELECT question, language FROM escalations WHERE created_at >= now() - make_interval(days => $1)`,
        [days],
      );
      const sum = (key: 'answered' | 'escalated') => byDay.rows.reduce((n, r) => n + r[key], 0);
      const median = handling.rows[0]?.median;
      return {
        days: byDay.rows,
        totals: {
          questions: sum('answered') + sum('escalated'),
          answered: sum('answered'),
          escalated: sum('escalated'),
        },
        medianMinutesToAnswer:
          median === null || median === undefined ? undefined : Math.round(Number(median)),
        open: handling.rows[0]?.open ?? 0,
        escalatedQuestions: escalated.rows,
      };
    },

    /** Every escalation with its handling, oldest first, for export. */
    async escalationHistory(): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
      const result = await pool.query(
        `SELECT e.id, e.created_at, e.state, e.trigger, e.language, e.question, e.corpus_version,
           e.claimed_by, e.claimed_by_name, e.claimed_at, e.answered_by, e.answered_at, e.answer, e.decline_reason,
           (SELECT count(*) FROM escalation_messages m WHERE m.escalation_id = e.id AND m.author = 'asker')::int
             AS follow_ups
         FROM escalations e ORDER BY e.created_at, e.id`,
      );
      return { columns: result.fields.map((f) => f.name), rows: result.rows };
    },
  };
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;
