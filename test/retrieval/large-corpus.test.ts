import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.ts';
import { questionsAcrossCorpus } from '../../src/bench/corpus-questions.ts';
import { isGeneratedDocument, writeSyntheticCorpus } from '../../src/bench/synthetic-corpus.ts';
import { createChunksRepository } from '../../src/db/chunks.ts';
import { ANSWER_KINDS } from '../../src/retrieval/retrieve.ts';
import { BACKENDS, CORPUS_DIR, type TestDatabase } from '../helpers/backends.ts';

/**
 * A corpus larger than the full-text candidates (200), as an organisation indexing all of its regulations has:
 * the database ranks the matches, which then come with their search texts.
 */
describe.each(BACKENDS)('retrieval on a corpus larger than the full-text candidates [$name]', (backend) => {
  let db: TestDatabase;
  let app: App;
  let dir: string;

  beforeAll(async () => {
    db = await backend.create();
    dir = await mkdtemp(join(tmpdir(), 'large-corpus-'));
    await writeSyntheticCorpus(dir, CORPUS_DIR, 500, 'test-large');
    app = await openApp(db.config);
    await app.reindex(dir);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('ranks the matches in the database and returns each with its search text', async () => {
    const version = await app.versions.activeSummary();
    if (!version) throw new Error('nothing indexed');
    const [ranked, unranked] = await createChunksRepository(app.database.pool).matching(
      version.id,
      ['vi'],
      'huong & dan',
      [
        { kinds: ANSWER_KINDS, limit: 5, examined: 50, rank: true },
        { kinds: ['gaps'], limit: 50, examined: 50, rank: false },
      ],
    );
    expect(ranked).toHaveLength(5);
    for (const match of ranked ?? []) expect(match.text).toMatch(/\bhuong\b.*\bdan\b|\bdan\b.*\bhuong\b/);
    expect(unranked?.length).toBeGreaterThan(0);
    for (const match of unranked ?? []) expect(match.text).toBeUndefined();
  });

  it('still answers the state-secret question from the guidelines', async () => {
    const answer = await app.ask('Có được đưa thông tin bí mật nhà nước lên ChatGPT không?');
    expect(answer.kind).toBe('answered');
    expect(answer.citations[0]).toMatchObject({ documentId: 'cpo-ai-guidelines' });
    expect(answer.citations[0]?.quote).toContain('bí mật nhà nước');
  });

  it("asks the benchmark's questions across the corpus from its generated articles, spread over them", async () => {
    const version = await app.versions.activeSummary();
    if (!version) throw new Error('nothing indexed');
    const { pool } = app.database;
    const questions = await questionsAcrossCorpus(pool, version.id, 10);
    expect(questions).toHaveLength(10);
    expect(new Set(questions).size).toBe(10);
    const { rows } = await pool.query<{ document_id: string; content: string }>(
      'SELECT document_id, content FROM chunks WHERE version_id = $1 ORDER BY id',
      [version.id],
    );
    const wordsOf = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
    const sources = questions.map((q) => {
      expect(q).toMatch(/\?$/);
      expect(q.slice(0, -1).split(' ')).toHaveLength(12);
      return rows.findIndex((row) => wordsOf(row.content).includes(q.slice(0, -1)));
    });
    for (const source of sources) expect(isGeneratedDocument(rows[source]?.document_id ?? '')).toBe(true);
    // Spread: no two from the same stretch of 50 passages, and some from the last fifth of the corpus.
    expect(new Set(sources.map((s) => Math.floor(s / 50))).size).toBe(10);
    expect(Math.max(...sources)).toBeGreaterThan(rows.length * 0.8);
  });
});
