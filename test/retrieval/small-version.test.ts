import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.ts';
import { type ChunksRepository, createChunksRepository, type SearchScope } from '../../src/db/chunks.ts';
import { createTermsRepository } from '../../src/db/terms.ts';
import type { VersionSummary } from '../../src/db/versions.ts';
import { ANSWER_KINDS } from '../../src/retrieval/retrieve.ts';
import { createTextLeg } from '../../src/retrieval/text-leg.ts';
import { createVectorLeg, IN_MEMORY_PASSAGES } from '../../src/retrieval/vector-leg.ts';
import type { Language } from '../../src/text/language.ts';
import { BACKENDS, CORPUS_DIR, type TestDatabase } from '../helpers/backends.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** The tuning questions (never the held-out ones), in every language and category. */
const TUNING_QUESTIONS = ['qa.tuning.jsonl', 'qa.tuning-2.jsonl'].flatMap((file) =>
  readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { question: string; lang: Language }),
);

const QUESTIONS = [
  'Có được đưa tài liệu mật lên nền tảng trí tuệ nhân tạo công cộng không?',
  'Ai chịu trách nhiệm về nội dung văn bản do AI hỗ trợ soạn thảo?',
  'Đơn vị nào là đầu mối hướng dẫn sử dụng AI?',
];

/** The repository, counting the calls the vector leg makes (the database behind it is real). */
function counted(chunks: ChunksRepository, failFirstRead = false) {
  const calls = { nearest: 0, embeddings: 0 };
  let failing = failFirstRead;
  return {
    calls,
    chunks: {
      nearest: (...args: Parameters<ChunksRepository['nearest']>) => {
        calls.nearest += 1;
        return chunks.nearest(...args);
      },
      embeddings: (versionId: number) => {
        calls.embeddings += 1;
        if (failing) {
          failing = false;
          return Promise.reject(new Error('connection reset'));
        }
        return chunks.embeddings(versionId);
      },
    },
  };
}

describe.each(BACKENDS)('a small version searched in memory [$name]', (backend) => {
  let db: TestDatabase;
  let app: App;
  let chunks: ChunksRepository;
  let version: VersionSummary;

  beforeAll(async () => {
    db = await backend.create();
    app = await openApp(db.config);
    await app.reindex(CORPUS_DIR);
    chunks = createChunksRepository(app.database.pool);
    const active = await app.versions.activeSummary();
    if (!active) throw new Error('nothing indexed');
    version = active;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** The database's exact scan: the distance is not the indexed expression, so no index can serve it. */
  async function exactScan(scope: SearchScope, embedding: number[], limit: number) {
    const { rows } = await app.database.pool.query<{ id: number; score: number }>(
      `SELECT id::int AS id, 1 - (embedding <=> $4::vector) AS score FROM chunks
       WHERE version_id = $1 AND language = ANY($2::text[]) AND kind = ANY($3::text[])
       ORDER BY (embedding <=> $4::vector) + 0, id LIMIT $5`,
      [version.id, scope.languages, scope.kinds, JSON.stringify(embedding), limit],
    );
    return rows;
  }

  it("the vector leg finds the passages the database's exact scan finds, in its order, with its similarities", async () => {
    const nearest = createVectorLeg({ chunks });
    const scope = { languages: ['vi'], kinds: ANSWER_KINDS };
    for (const question of QUESTIONS) {
      const embedding = await app.embedder.embedQuery(question);
      const found = await nearest(version, scope, embedding, 20);
      const exact = await exactScan(scope, embedding, 20);
      expect(found.map((hit) => hit.id)).toEqual(exact.map((row) => row.id));
      for (const [i, hit] of found.entries()) expect(hit.score).toBeCloseTo(Number(exact[i]?.score), 5);
    }
  });

  it('keeps to the languages and kinds asked for', async () => {
    const nearest = createVectorLeg({ chunks });
    const embedding = await app.embedder.embedQuery('Which details do the public reports not give?');
    const english = await nearest(version, { languages: ['en'], kinds: ['gaps'] }, embedding, 50);
    expect(english.length).toBeGreaterThan(0);
    const { rows } = await app.database.pool.query<{ id: number; language: string; kind: string }>(
      'SELECT id::int AS id, language, kind FROM chunks WHERE id = ANY($1::bigint[])',
      [english.map((hit) => hit.id)],
    );
    for (const row of rows) expect(row).toMatchObject({ language: 'en', kind: 'gaps' });
    expect(rows).toHaveLength(english.length);
  });

  it("reads a version's embeddings once, again for another version, and not a failed read", async () => {
    const { calls, chunks: counting } = counted(chunks, true);
    const nearest = createVectorLeg({ chunks: counting });
    const scope = { languages: ['vi'], kinds: ANSWER_KINDS };
    const embedding = await app.embedder.embedQuery(QUESTIONS[0] as string);
    await expect(nearest(version, scope, embedding, 5)).rejects.toThrow('connection reset');
    const first = await nearest(version, scope, embedding, 5);
    await nearest(version, scope, embedding, 5);
    expect(calls).toEqual({ nearest: 0, embeddings: 2 });
    // The same id with another creation time: a database restored or rebuilt under the same version id.
    const rebuilt = { ...version, createdAt: new Date(new Date(version.createdAt).getTime() + 1000) };
    expect(await nearest(rebuilt, scope, embedding, 5)).toEqual(first);
    expect(calls).toEqual({ nearest: 0, embeddings: 3 });
  });

  it('leaves a version larger than the limit to the HNSW index', async () => {
    const { calls, chunks: counting } = counted(chunks);
    const nearest = createVectorLeg({ chunks: counting, inMemoryPassages: version.chunkCount - 1 });
    const scope = { languages: ['vi'], kinds: ANSWER_KINDS };
    const embedding = await app.embedder.embedQuery(QUESTIONS[1] as string);
    const found = await nearest(version, scope, embedding, 10);
    expect(calls).toEqual({ nearest: 1, embeddings: 0 });
    // The guidelines' few hundred passages are all within reach of the graph search: the same ten.
    expect(found.map((hit) => hit.id)).toEqual((await exactScan(scope, embedding, 10)).map((row) => row.id));
  });

  it("the full-text leg finds and ranks exactly what the database's full-text search finds", async () => {
    const { pool } = app.database;
    const deps = {
      chunks: createChunksRepository(pool),
      terms: createTermsRepository(pool),
      answerKinds: ANSWER_KINDS,
    };
    const inMemory = createTextLeg(deps);
    const inDatabase = createTextLeg(deps);
    // The same version, told to be over the in-memory limit: the database searches it.
    const large = { ...version, chunkCount: IN_MEMORY_PASSAGES + 1 };
    const sizes = await app.versions.passagesByLanguage(version.id);
    expect(TUNING_QUESTIONS.length).toBeGreaterThan(200);
    let matched = 0;
    for (const { question, lang } of TUNING_QUESTIONS) {
      const languages = sizes.has(lang) ? [lang] : ['vi'];
      const count = languages.reduce((sum, l) => sum + (sizes.get(l) ?? 0), 0);
      const memory = await inMemory(version, languages, count, question, lang);
      const database = await inDatabase(large, languages, count, question, lang);
      expect({ question, matching: memory.matching, gap: memory.bestGap }).toEqual({
        question,
        matching: database.matching,
        gap: database.bestGap,
      });
      if (memory.matching.length > 0) matched += 1;
    }
    // Not an empty comparison: nearly every question shares words with the guidelines.
    expect(matched).toBeGreaterThan(TUNING_QUESTIONS.length * 0.9);
  });
});

describe('vector leg similarity', () => {
  it('is the cosine, whatever the lengths of the stored and asked vectors', async () => {
    const stored = [
      { id: 1, kind: 'guidelines', language: 'vi', embedding: [10, 10] },
      { id: 2, kind: 'guidelines', language: 'vi', embedding: [0.5, 0] },
    ];
    const nearest = createVectorLeg({
      chunks: {
        embeddings: async () => stored,
        nearest: async () => {
          throw new Error('not a small version');
        },
      },
    });
    const version = { id: 1, createdAt: new Date(0), chunkCount: stored.length };
    const found = await nearest(version, { languages: ['vi'], kinds: ['guidelines'] }, [4, 0], 2);
    expect(found.map((hit) => hit.id)).toEqual([2, 1]);
    expect(found[0]?.score).toBeCloseTo(1, 6);
    expect(found[1]?.score).toBeCloseTo(Math.SQRT1_2, 6);
  });
});
