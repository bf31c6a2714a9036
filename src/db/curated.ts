import type pg from 'pg';
import pgvector from 'pgvector/pg';

export interface NewCuratedAnswer {
  escalationId: number;
  language: string;
  question: string;
  answer: string;
  sections: { documentId: string; sectionId: string; language: string }[];
  corpusVersion: string | undefined;
  publishedBy: number;
  embedder: string;
  embedding: number[];
}

export interface CuratedAnswer {
  id: number;
  language: string;
  question: string;
  answer: string;
  corpusVersion: string | undefined;
  publishedAt: Date;
  /** Cosine similarity of its question to the one asked. */
  similarity: number;
}

/** Published curated answers (table of migration 004). */
export function createCuratedRepository(pool: pg.Pool) {
  return {
    /** Publishes, or re-publishes an escalation's newer answer in place of the old one. */
    async publish(c: NewCuratedAnswer): Promise<number> {
      const result = await pool.query<{ id: string }>(
        `INSERT INTO curated_answers (escalation_id, language, question, answer, sections, corpus_version,
           published_by, embedder, embedding)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (escalation_id) DO UPDATE SET answer = EXCLUDED.answer, sections = EXCLUDED.sections,
           corpus_version = EXCLUDED.corpus_version, published_by = EXCLUDED.published_by,
           published_at = now(), needs_review = false
         RETURNING id`,
        [
          c.escalationId,
          c.language,
          c.question,
          c.answer,
          JSON.stringify(c.sections),
          c.corpusVersion ?? null,
          c.publishedBy,
          c.embedder,
          pgvector.toSql(c.embedding),
        ],
      );
      return Number(result.rows[0]?.id);
    },

    /**
     * The most similar published answers in a language, by the same embedder, never one flagged for review.
     * An exact scan: curated answers number in the hundreds, not the hundreds of thousands.
     */
    async nearest(
      embedder: string,
      embedding: number[],
      language: string,
      limit = 3,
    ): Promise<CuratedAnswer[]> {
      const result = await pool.query(
        `SELECT id::int, language, question, answer, corpus_version AS "corpusVersion", published_at AS "publishedAt",
           1 - (embedding <=> $2) AS similarity
         FROM curated_answers WHERE embedder = $1 AND language = $3 AND NOT needs_review
           AND vector_dims(embedding) = vector_dims($2::vector)
         ORDER BY embedding <=> $2, id LIMIT $4`,
        [embedder, pgvector.toSql(embedding), language, limit],
      );
      return result.rows.map((r) => ({
        ...r,
        corpusVersion: r.corpusVersion ?? undefined,
        similarity: Number(r.similarity),
      }));
    },
  };
}

export type CuratedRepository = ReturnType<typeof createCuratedRepository>;
