import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.ts';
import { createEscalationsRepository, type Escalation } from '../../src/db/escalations.ts';
import { createOutboxRepository } from '../../src/db/outbox.ts';
import { BACKENDS, CORPUS_DIR, type TestDatabase } from '../helpers/backends.ts';
import { runScript } from '../helpers/run-script.ts';

const QUESTION = 'Số hiệu của Hướng dẫn khai thác, sử dụng AI là gì?';
const ANSWER = 'Văn bản chính thức chưa được công bố; đơn vị sẽ thông báo số hiệu khi có.';

describe.each(BACKENDS)('curated answers [$name]', (backend) => {
  let db: TestDatabase;
  let app: App;
  let escalation: Escalation;

  beforeAll(async () => {
    db = await backend.create();
    app = await openApp(db.config);
    await app.reindex(CORPUS_DIR);
    const escalations = createEscalationsRepository(
      app.database.pool,
      createOutboxRepository(app.database.pool),
    );
    const asked = await app.ask(QUESTION);
    const raised = await escalations.raise(
      {
        askerUserId: 1,
        askerChatId: 1,
        language: 'vi',
        question: QUESTION,
        trigger: 'not_in_public_reports',
        found: asked.citations,
        corpusVersion: asked.corpusVersion,
      },
      () => [],
    );
    escalation = (await escalations.answer(raised.id, 99, ANSWER, () => [])) as Escalation;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('escalates the question before anything is published', async () => {
    expect((await app.ask(QUESTION)).kind).toBe('escalated');
  });

  it("answers the same question, reworded, with the department's published answer and its date", async () => {
    const id = await app.curated.publish(escalation, 99);
    const answer = await app.ask('Hướng dẫn khai thác sử dụng AI có số hiệu là gì');
    expect(answer).toMatchObject({ kind: 'answered', mode: 'curated' });
    expect(answer.citations).toEqual([
      expect.objectContaining({
        documentId: 'coordinating-department',
        documentKind: 'curated',
        quote: ANSWER,
        section: expect.stringMatching(new RegExp(`^#${id} · trả lời ngày \\d{4}-\\d{2}-\\d{2}$`)),
      }),
    ]);
  });

  it('keeps the sections the escalation was about, for review when they change', async () => {
    const { rows } = await app.database.pool.query('SELECT sections FROM curated_answers');
    expect(rows[0]?.sections.length).toBeGreaterThan(0);
    expect(rows[0]?.sections[0]).toEqual(
      expect.objectContaining({ documentId: expect.any(String), sectionId: expect.any(String) }),
    );
  });

  it('does not answer a different question, or one in another language, from it', async () => {
    expect((await app.ask('Có được đưa thông tin thuộc bí mật nhà nước vào ChatGPT không?')).mode).not.toBe(
      'curated',
    );
    expect((await app.ask('What is the document number of the AI guidelines?')).mode).not.toBe('curated');
  });

  it('does not show an answer flagged for review', async () => {
    await app.database.pool.query('UPDATE curated_answers SET needs_review = true');
    expect((await app.ask(QUESTION)).mode).not.toBe('curated');
    await app.database.pool.query('UPDATE curated_answers SET needs_review = false');
  });
});

describe('ask --json with a published curated answer', () => {
  it("returns it as a citation of the coordinating department's answer", async () => {
    const embedded = BACKENDS[0];
    if (!embedded) throw new Error('no embedded backend');
    const db = await embedded.create();
    const app = await openApp(db.config);
    await app.reindex(CORPUS_DIR);
    const escalations = createEscalationsRepository(
      app.database.pool,
      createOutboxRepository(app.database.pool),
    );
    const raised = await escalations.raise(
      {
        askerUserId: 1,
        askerChatId: 1,
        language: 'vi',
        question: QUESTION,
        trigger: 'asked',
        found: [],
        corpusVersion: 'v1',
      },
      () => [],
    );
    await app.curated.publish((await escalations.answer(raised.id, 99, ANSWER, () => [])) as Escalation, 99);
    await app.close(); // the data folder takes one process at a time
    try {
      const result = await runScript('scripts/ask.ts', ['--json', QUESTION], db.env, {
        cwd: db.config.dataDir,
      });
      expect(result.code).toBe(0);
      const answer = JSON.parse(result.stdout);
      expect(answer).toMatchObject({ kind: 'answered', mode: 'curated' });
      expect(answer.citations[0]).toMatchObject({ documentId: 'coordinating-department', quote: ANSWER });
    } finally {
      await db.drop();
    }
  });
});
