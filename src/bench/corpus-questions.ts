import type pg from 'pg';
import { createChunksRepository } from '../db/chunks.ts';
import { isGeneratedDocument } from './synthetic-corpus.ts';

/** Words per question: about as many as the development questions have. */
const QUESTION_WORDS = 12;
/** Skipped at an article's start, where the real corpus's sentence openings make articles alike. */
const SKIPPED_WORDS = 3;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Questions spread over a generated corpus's documents, for judging its approximate (HNSW) search: an index
 * of all the organisation's regulations is asked about all of them, and an approximate index is judged, as
 * approximate search is, on queries like the data it holds. (The development questions ask about the real
 * corpus alone: at 100,000 passages they ask about a quarter of one percent of it.) Each question is a run of
 * words from one article, the articles evenly spaced over the corpus; none where nothing is generated.
 */
export async function questionsAcrossCorpus(
  pool: pg.Pool,
  versionId: number,
  count: number,
): Promise<string[]> {
  const listed = await pool.query<{ id: number; document_id: string }>(
    'SELECT id::int AS id, document_id FROM chunks WHERE version_id = $1 ORDER BY id',
    [versionId],
  );
  const generated = listed.rows.filter((row) => isGeneratedDocument(row.document_id)).map((row) => row.id);
  if (generated.length === 0) return [];
  const asked = Math.min(count, generated.length);
  const picked = Array.from(
    { length: asked },
    (_, i) => generated[Math.floor(((i + 0.5) * generated.length) / asked)] as number,
  );
  const passages = (await createChunksRepository(pool).byIds(picked)).sort((a, b) => a.id - b.id);
  return passages.map((passage) => {
    const words = passage.content.match(WORD) ?? [];
    return `${words.slice(SKIPPED_WORDS, SKIPPED_WORDS + QUESTION_WORDS).join(' ')}?`;
  });
}
