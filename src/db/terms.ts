import type pg from 'pg';

type Queryable = pg.Pool | pg.PoolClient;

/** 'gaps': passages listing what the public reports do not give; 'answers': every other passage. */
export type TermScope = 'answers' | 'gaps';

export interface TermFrequencies {
  answers: Map<string, number>;
  gaps: Map<string, number>;
}

const INSERT_BATCH = 1000;

/** Document frequencies of folded words and word pairs, per corpus version, language and scope. */
export function createTermsRepository(pool: pg.Pool) {
  return {
    async insert(
      client: Queryable,
      versionId: number,
      language: string,
      scope: TermScope,
      frequencies: Map<string, number>,
    ): Promise<void> {
      const entries = [...frequencies];
      for (let start = 0; start < entries.length; start += INSERT_BATCH) {
        const batch = entries.slice(start, start + INSERT_BATCH);
        await client.query(
          `INSERT INTO corpus_terms (version_id, language, scope, term, df)
           SELECT $1, $2, $3, term, df FROM unnest($4::text[], $5::int[]) AS t (term, df)`,
          [versionId, language, scope, batch.map(([term]) => term), batch.map(([, df]) => df)],
        );
      }
    },

    /**
     * Frequencies of the given terms by scope; a term a scope never mentions is absent from its map. Both
     * scopes are named so that the primary key (version, language, scope, term) serves the look-up: without
     * them a large corpus's millions of terms were scanned (300 ms at 100,000 passages).
     */
    async frequencies(versionId: number, languages: string[], terms: string[]): Promise<TermFrequencies> {
      const result = await pool.query<{ scope: TermScope; term: string; df: number }>({
        name: 'terms.frequencies',
        text: `SELECT scope, term, sum(df)::int AS df FROM corpus_terms
         WHERE version_id = $1 AND language = ANY($2::text[]) AND scope IN ('answers', 'gaps')
           AND term = ANY($3::text[])
         GROUP BY scope, term`,
        values: [versionId, languages, terms],
      });
      const frequencies: TermFrequencies = { answers: new Map(), gaps: new Map() };
      for (const row of result.rows) frequencies[row.scope].set(row.term, row.df);
      return frequencies;
    },
  };
}

export type TermsRepository = ReturnType<typeof createTermsRepository>;
