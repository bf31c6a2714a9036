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

export type SectionChange = 'changed' | 'removed';

/** A curated answer hidden by a re-index, with the sections of it that the re-index changed or removed. */
export interface FlaggedAnswer {
  id: number;
  escalationId: number | undefined;
  language: string;
  question: string;
  sections: { documentId: string; sectionId: string; change: SectionChange }[];
}

type Queryable = pg.Pool | pg.PoolClient;

/**
 * Flags for review every curated answer linked to a touched section (by `documentId/sectionId`, in any
 * language: section ids align translations), in the caller's transaction. Answers already flagged stay as
 * they are and are not reported again.
 */
export async function flagForReview(
  client: Queryable,
  touched: Map<string, SectionChange>,
): Promise<FlaggedAnswer[]> {
  if (touched.size === 0) return [];
  const result = await client.query<{
    id: number;
    escalation_id: string | null;
    language: string;
    question: string;
    sections: { documentId: string; sectionId: string }[];
  }>(
    `UPDATE curated_answers SET needs_review = true
     WHERE NOT needs_review AND EXISTS (SELECT 1 FROM jsonb_array_elements(sections) s
       WHERE (s->>'documentId') || '/' || (s->>'sectionId') = ANY($1::text[]))
     RETURNING id::int, escalation_id, language, question, sections`,
    [[...touched.keys()]],
  );
  return result.rows
    .map((row) => {
      const keys = new Set(row.sections.map((s) => `${s.documentId}/${s.sectionId}`));
      const sections = [...keys].flatMap((key) => {
        const change = touched.get(key);
        if (!change) return [];
        const [documentId = '', ...section] = key.split('/');
        return [{ documentId, sectionId: section.join('/'), change }];
      });
      return {
        id: row.id,
        escalationId: row.escalation_id === null ? undefined : Number(row.escalation_id),
        language: row.language,
        question: row.question,
        sections,
      };
    })
    .sort((a, b) => a.id - b.id);
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
      const result = await pool.query({
        name: 'curated.nearest',
        text: `SELECT id::int, language, question, answer, corpus_version AS "corpusVersion", published_at AS "publishedAt",
           1 - (embedding <=> $2) AS similarity
         FROM curated_answers WHERE embedder = $1 AND language = $3 AND NOT needs_review
           AND vector_dims(embedding) = vector_dims($2::vector)
         ORDER BY embedding <=> $2, id LIMIT $4`,
        values: [embedder, pgvector.toSql(embedding), language, limit],
      });
      return result.rows.map((r) => ({
        ...r,
        corpusVersion: r.corpusVersion ?? undefined,
        similarity: Number(r.similarity),
      }));
    },
  };
}

export type CuratedRepository = ReturnType<typeof createCuratedRepository>;
