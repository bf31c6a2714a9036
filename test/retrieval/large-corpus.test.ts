import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.ts';
import { writeSyntheticCorpus } from '../../src/bench/synthetic-corpus.ts';
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
});
