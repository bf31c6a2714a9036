import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.ts';
import { AppError, CorpusError } from '../../src/errors.ts';
import { BACKENDS, type TestDatabase } from '../helpers/backends.ts';
import { copyCorpus, editFile, GUIDELINES_FILE } from '../helpers/corpus.ts';
import { countingEmbedder } from '../helpers/embedders.ts';

describe.each(BACKENDS)('re-indexing [$name]', (backend) => {
  let db: TestDatabase;
  let app: App;
  let corpus: string;
  const embedder = countingEmbedder();

  beforeAll(async () => {
    db = await backend.create();
    corpus = await copyCorpus();
    app = await openApp(db.config, { embedder });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await rm(corpus, { recursive: true, force: true });
  });

  it('builds and activates a first version from the corpus', async () => {
    const report = await app.reindex(corpus);
    expect(report.changed).toBe(true);
    expect(report.version.label).toBe('v1');
    expect(report.chunks).toBeGreaterThan(10);
    expect(report.embedded).toBe(embedder.embeddedTexts);
    expect((await app.versions.active())?.id).toBe(report.version.id);
  });

  it('embeds nothing and keeps the version when nothing changed', async () => {
    const before = embedder.embeddedTexts;
    const report = await app.reindex(corpus);
    expect(report).toMatchObject({ changed: false, embedded: 0, version: { label: 'v1' } });
    expect(embedder.embeddedTexts).toBe(before);
    expect(await app.versions.list()).toHaveLength(1);
  });

  it('re-embeds only the changed section and reports it', async () => {
    await editFile(corpus, GUIDELINES_FILE, (text) =>
      text.replace(
        'tuyệt đối không cung cấp dữ liệu cá nhân nhạy cảm',
        'tuyệt đối không đưa dữ liệu cá nhân nhạy cảm',
      ),
    );
    const before = embedder.embeddedTexts;
    const report = await app.reindex(corpus);
    expect(report.changed).toBe(true);
    expect(report.version.label).toBe('v2');
    expect(report.diff).toEqual({
      added: [],
      changed: ['cpo-ai-guidelines/vi/IV.2'],
      removed: [],
      textDiffs: {
        'cpo-ai-guidelines/vi/IV.2': expect.stringContaining(
          'tuyệt đối không [-cung cấp-] {+đưa+} dữ liệu cá nhân',
        ),
      },
    });
    // Stored with the version, for `--list` and later reports.
    expect((await app.versions.active())?.diff).toEqual(report.diff);
    expect(report.embedded).toBe(1);
    expect(embedder.embeddedTexts - before).toBe(1);
    expect(report.reused).toBe(report.chunks - 1);
  });

  it('answers from the active version only, with its new wording', async () => {
    const answer = await app.ask('Có được đưa dữ liệu cá nhân nhạy cảm vào AI công cộng không?');
    expect(answer.corpusVersion).toBe('v2');
    const quotes = answer.citations.map((c) => c.quote).join('\n');
    expect(quotes).toContain('tuyệt đối không đưa dữ liệu cá nhân nhạy cảm');
    expect(quotes).not.toContain('tuyệt đối không cung cấp dữ liệu cá nhân nhạy cảm');
    expect(answer.citations).toHaveLength(new Set(answer.citations.map((c) => c.quote)).size);
  });

  it('keeps exactly one active version', async () => {
    const versions = await app.versions.list();
    expect(versions.filter((v) => v.isActive).map((v) => v.label)).toEqual(['v2']);
    await expect(
      app.database.pool.query('UPDATE corpus_versions SET is_active = true WHERE label = $1', ['v1']),
    ).rejects.toThrow(/corpus_versions_one_active/);
  });

  it('refuses a malformed file by name and leaves the active version answering', async () => {
    const bad = join(corpus, 'broken.vi.md');
    await writeFile(bad, '---\nid: broken\ntitle: x\nlanguage: fr\n---\n## I. A\ntext\n');
    const failure = app.reindex(corpus);
    await expect(failure).rejects.toBeInstanceOf(CorpusError);
    await expect(failure).rejects.toThrow(
      /broken\.vi\.md: front matter: language: expected one of vi, en, uk/,
    );
    await rm(bad);
    expect((await app.versions.active())?.label).toBe('v2');
    expect((await app.ask('Trước khi đưa thông tin vào AI phải làm gì?')).kind).toBe('answered');
  });

  it('rolls back a build whose embedder returns vectors of different sizes', async () => {
    await editFile(
      corpus,
      GUIDELINES_FILE,
      (text) => `${text}\n## VII. Phần mới\n\nMột đoạn hoàn toàn mới.\n`,
    );
    // Unchanged passages reuse stored 512-dimension vectors; the new one would get 3 dimensions.
    const broken = {
      ...countingEmbedder(),
      embedDocuments: async (texts: string[]) => texts.map(() => [1, 0, 0]),
    };
    await app.close();
    const other = await openApp(db.config, { embedder: broken });
    await expect(other.reindex(corpus)).rejects.toThrow(/different sizes/);
    await other.close();
    app = await openApp(db.config, { embedder });
    expect((await app.versions.active())?.label).toBe('v2');
    expect(await app.versions.list()).toHaveLength(2);
  });

  it('refuses a second re-index while one runs, before it loads anything, and lets the first finish', async () => {
    // On a server a second app stands for a second process; the embedded database admits one process, so
    // there the second re-index comes from the same app (a second /reindex).
    const other = backend.name === 'postgres' ? await openApp(db.config, { embedder }) : app;
    let second: Promise<unknown> | undefined;
    const first = app.reindex(corpus, (event) => {
      if (event.stage === 'loaded') second ??= other.reindex(corpus).catch((error: unknown) => error);
    });
    expect((await first).version.label).toBe('v3');
    const refused = await second;
    expect(refused).toBeInstanceOf(AppError);
    expect(String(refused)).toMatch(/Another re-index is running on this database, so this one stopped/);
    // The lock went with the first run: the next one runs (and finds nothing to do).
    expect(await other.reindex(corpus)).toMatchObject({ changed: false, version: { label: 'v3' } });
    if (other !== app) await other.close();
  });
});
