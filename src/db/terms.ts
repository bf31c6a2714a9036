import type pg from 'pg';

type Queryable = pg.Pool | pg.PoolClient;

const INSERT_BATCH = 1000;

/** Document frequencies of folded words and word pairs, per corpus version. */
export function createTermsRepository(pool: pg.Pool) {
  return {
    async insert(client: Queryable, versionId: number, frequencies: Map<string, number>): Promise<void> {
      const entries = [...frequencies];
      for (let start = 0; start < entries.length; start += INSERT_BATCH) {
        const batch = entries.slice(start, start + INSERT_BATCH);
        await client.query(
          `INSERT INTO corpus_terms (version_id, term, df)
           SELECT $1, term, df FROM unnest($2::text[], $3::int[]) AS t (term, df)`,
          [versionId, batch.map(([term]) => term), batch.map(([, df]) => df)],
        );
      }
    },

    /** Frequencies of the given terms; a term the version never mentions is absent from the map. */
    async frequencies(versionId: number, terms: string[]): Promise<Map<string, number>> {
      const result = await pool.query<{ term: string; df: number }>(
        'SELECT term, df FROM corpus_terms WHERE version_id = $1 AND term = ANY($2::text[])',
        [versionId, terms],
      );
      return new Map(result.rows.map((row) => [row.term, row.df]));
    },
  };
}

export type TermsRepository = ReturnType<typeof createTermsRepository>;
