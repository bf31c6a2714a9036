import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.ts';
import { renderReindexReport } from '../../src/cli/render.ts';
import { loadConfig } from '../../src/config.ts';
import { createEscalationsRepository, type Escalation } from '../../src/db/escalations.ts';
import { createOutboxRepository } from '../../src/db/outbox.ts';
import { AppError } from '../../src/errors.ts';
import { BACKENDS, type TestDatabase } from '../helpers/backends.ts';
import { copyCorpus, editFile, GUIDELINES_FILE } from '../helpers/corpus.ts';

/** Versions over time: dry runs, rollback, retention of old versions, curated answers flagged by a change. */
describe.each(BACKENDS)('corpus versions [$name]', (backend) => {
  let db: TestDatabase;
  let app: App;
  let corpus: string;
  const edit = (from: string, to: string) =>
    editFile(corpus, GUIDELINES_FILE, (text) => text.replace(from, to));

  beforeAll(async () => {
    db = await backend.create();
    corpus = await copyCorpus();
    app = await openApp(loadConfig({ ...db.env, VERSIONS_KEPT: '2' }));
    await app.reindex(corpus);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await rm(corpus, { recursive: true, force: true });
  });

  it('refuses to roll back when only one version exists', async () => {
    await expect(app.rollback()).rejects.toThrow(AppError);
  });

  it('shows the diff of a dry run and activates nothing', async () => {
    await edit(
      'tuyệt đối không cung cấp dữ liệu cá nhân nhạy cảm',
      'tuyệt đối không đưa dữ liệu cá nhân nhạy cảm',
    );
    const report = await app.reindex(corpus, undefined, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, changed: true, embedded: 0, version: { label: 'v1' } });
    expect(report.diff.changed).toEqual(['cpo-ai-guidelines/vi/IV.2']);
    expect((await app.versions.list()).map((v) => v.label)).toEqual(['v1']);
  });

  it('stores the diff with the version, and flags a curated answer about a changed section', async () => {
    const { pool } = app.database;
    const escalations = createEscalationsRepository(pool, createOutboxRepository(pool));
    const asked = await app.ask('Có được cung cấp dữ liệu cá nhân nhạy cảm cho AI công cộng không?');
    const raised = await escalations.raise(
      {
        askerUserId: 1,
        askerChatId: 1,
        language: 'vi',
        question: 'q',
        trigger: 'asked',
        found: asked.citations,
        corpusVersion: 'v1',
      },
      () => [],
    );
    const curated = await app.curated.publish(
      (await escalations.answer(raised.id, 9, 'a', () => [])) as Escalation,
      9,
    );
    const report = await app.reindex(corpus);
    expect(report.version.label).toBe('v2');
    expect(report.flaggedForReview).toEqual([
      {
        id: curated,
        escalationId: raised.id,
        language: 'vi',
        question: 'q',
        sections: [{ documentId: 'cpo-ai-guidelines', sectionId: 'IV.2', change: 'changed' }],
      },
    ]);
    // No coordinators' chat in this configuration: nothing is queued, and the report says so.
    expect(report.reviewNoticeQueued).toBe(false);
    expect(renderReindexReport(report)).toMatch(
      /No coordinators' chat is configured \(COORDINATOR_CHAT_ID\)/,
    );
    const outbox = await pool.query(`SELECT count(*)::int AS n FROM outbox WHERE purpose = 'review'`);
    expect(outbox.rows[0]?.n).toBe(0);
    const [v2] = (await app.versions.list()).filter((v) => v.label === 'v2');
    expect(v2?.diff).toMatchObject({ added: [], changed: ['cpo-ai-guidelines/vi/IV.2'], removed: [] });
    expect(renderReindexReport(report)).toMatch(
      /Sections changed \(1\):\n {2}cpo-ai-guidelines\/vi\/IV\.2\n {6}… .*\[-.+-\] \{\+.+\+\}/,
    );
    const { rows } = await pool.query('SELECT needs_review FROM curated_answers WHERE id = $1', [curated]);
    expect(rows[0]?.needs_review).toBe(true);
  });

  it('rolls back to the previous version, and answers from it', async () => {
    const { from, to } = await app.rollback();
    expect([from.label, to.label]).toEqual(['v2', 'v1']);
    expect((await app.versions.active())?.label).toBe('v1');
    expect((await app.ask('co duoc dua bi mat nha nuoc vao chatgpt khong')).corpusVersion).toBe('v1');
    const { rows } = await app.database.pool.query(
      `SELECT subject FROM audit_log WHERE action = 'rolled_back'`,
    );
    expect(rows).toEqual([{ subject: 'version:v1' }]);
  });

  it('keeps only VERSIONS_KEPT inactive versions', async () => {
    await edit(
      'tuyệt đối không đưa dữ liệu cá nhân nhạy cảm',
      'tuyệt đối không chuyển dữ liệu cá nhân nhạy cảm',
    );
    const v3 = await app.reindex(corpus);
    await edit(
      'tuyệt đối không chuyển dữ liệu cá nhân nhạy cảm',
      'tuyệt đối không gửi dữ liệu cá nhân nhạy cảm',
    );
    const v4 = await app.reindex(corpus);
    expect([v3.version.label, v4.version.label]).toEqual(['v3', 'v4']);
    expect(v4.pruned).toEqual(['v1']);
    expect((await app.versions.list()).map((v) => `${v.label}${v.isActive ? '*' : ''}`)).toEqual([
      'v2',
      'v3',
      'v4*',
    ]);
  });

  // Two processes on one data directory is what the embedded database refuses; a server takes both.
  it.skipIf(backend.name === 'embedded')(
    'answers from a version another process activated within a second, and from its own at once',
    async () => {
      const question = 'co duoc dua bi mat nha nuoc vao chatgpt khong';
      const other = await openApp(loadConfig({ ...db.env, VERSIONS_KEPT: '2' }));
      try {
        expect((await app.ask(question)).corpusVersion).toBe('v4');
        await edit(
          'tuyệt đối không gửi dữ liệu cá nhân nhạy cảm',
          'tuyệt đối không cung cấp dữ liệu cá nhân nhạy cảm',
        );
        expect((await other.reindex(corpus)).version.label).toBe('v5');
        expect((await other.ask(question)).corpusVersion).toBe('v5');
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        expect((await app.ask(question)).corpusVersion).toBe('v5');
      } finally {
        await other.close();
      }
    },
  );
});
