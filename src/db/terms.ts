import type pg from 'pg';

type Queryable = pg.Pool | pg.PoolClient;

const INSERT_BATCH = 1000;

/** Document frequencies of folded words and word pairs, per corpus version. */
export function createTermsRepository(pool: pg.Pool) {
  return {
    async insert(
      client: Queryable,
      versionId: number,
      language: string,
      frequencies: Map<string, number>,
    ): Promise<void> {
      const entries = [...frequencies];
      for (let start = 0; start < entries.length; start += INSERT_BATCH) {
        const batch = entries.slice(start, start + INSERT_BATCH);
        await client.query(
          `INSERT INTO corpus_terms (version_id, language, term, df)
           SELECT $1, $2, term, df FROM unnest($3::text[], $4::int[]) AS t (term, df)`,
          [versionId, language, batch.map(([term]) => term), batch.map(([, df]) => df)],
        );
      }
    },

    /** Frequencies of the given terms; a term the version never mentions is absent from the map. */
    async frequencies(versionId: number, languages: string[], terms: string[]): Promise<Map<string, number>> {
      const result = await pool.query<{ term: string; df: number }>(
        `SELECT term, sum(df)::int AS df FROM corpus_terms
         WHERE version_id = $1 AND language = ANY($2::text[]) AND term = ANY($3::text[]) GROUP BY term`,
        [versionId, languages, terms],
      );
      return new Map(result.rows.map((row) => [row.term, row.df]));
    },
  };
}

export type TermsRepository = ReturnType<typeof createTermsRepository>;
