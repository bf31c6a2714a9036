import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { createEscalationsRepository, type Escalation } from '../../src/db/escalations.ts';
import { createOutboxRepository } from '../../src/db/outbox.ts';
import { BACKENDS, type TestDatabase } from '../helpers/backends.ts';
import { copyCorpus, editFile, GUIDELINES_FILE } from '../helpers/corpus.ts';
import {
  COORDINATORS_CHAT,
  capturedAssistant,
  deliveredTo,
  escalationConfig,
} from '../helpers/escalation.ts';
import { runScript } from '../helpers/run-script.ts';
import { type ApiCall, callsOf, person, plainText, sentMessages, updates } from '../helpers/telegram.ts';

/**
 * A re-index that changes sections curated answers rely on tells the coordinators' chat which answers it hid:
 * one message, written to the outbox with the new version, delivered once by the bot, whether the re-index
 * ran from the command line (no bot running) or from Telegram's /reindex.
 */

const PERSONAL_DATA = 'Có được cung cấp dữ liệu cá nhân nhạy cảm cho AI công cộng không?';
const STATE_SECRETS = 'Có được đưa thông tin thuộc bí mật nhà nước vào ChatGPT không?';
const MAINTAINER = person(3001, 'en');

/** The review messages Telegram accepted for the coordinators' chat. */
const reviewsIn = (calls: ApiCall[]) =>
  deliveredTo(calls, COORDINATORS_CHAT.id)
    .map((c) => plainText(String(c.payload.text)))
    .filter((text) => text.startsWith('Curated answers to review'));

describe.each(BACKENDS)('curated answers to review, told to the coordinators [$name]', (backend) => {
  let db: TestDatabase;
  let app: App;
  let config: Config;
  let corpus: string;
  let cwd: string;

  /** An escalation of `question` answered by a coordinator and published as a curated answer. */
  async function published(question: string): Promise<Escalation> {
    const { pool } = app.database;
    const escalations = createEscalationsRepository(pool, createOutboxRepository(pool));
    const asked = await app.ask(question);
    const raised = await escalations.raise(
      {
        askerUserId: 1101,
        askerChatId: 1101,
        language: 'vi',
        question,
        trigger: 'asked',
        found: asked.citations,
        corpusVersion: asked.corpusVersion,
      },
      () => [],
    );
    const answered = (await escalations.answer(raised.id, 2001, 'Không.', () => [])) as Escalation;
    await app.curated.publish(answered, 2001);
    return answered;
  }

  const reviewRows = async () =>
    (
      await app.database.pool.query<{ state: string }>(
        `SELECT state FROM outbox WHERE purpose = 'review' ORDER BY id`,
      )
    ).rows.map((r) => r.state);

  beforeAll(async () => {
    db = await backend.create();
    corpus = await copyCorpus();
    cwd = await mkdtemp(join(tmpdir(), 'assistant-review-'));
    config = escalationConfig(db, { CORPUS_DIR: corpus, MAINTAINER_USER_IDS: String(MAINTAINER.id) });
    app = await openApp(config);
    await app.reindex(corpus);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await rm(corpus, { recursive: true, force: true });
    await rm(cwd, { recursive: true, force: true });
  });

  it('from the command line: the message waits in the outbox until the bot delivers it, once', async () => {
    const escalation = await published(PERSONAL_DATA);
    await app.close();
    await editFile(corpus, GUIDELINES_FILE, (text) =>
      text.replace(
        'tuyệt đối không cung cấp dữ liệu cá nhân nhạy cảm',
        'tuyệt đối không đưa dữ liệu cá nhân nhạy cảm',
      ),
    );
    // The command line as a maintainer runs it: no Telegram token, only the coordinators' chat configured.
    const env = { ...db.env, CORPUS_DIR: corpus, COORDINATOR_CHAT_ID: String(COORDINATORS_CHAT.id) };
    const result = await runScript(
      'scripts/reindex.ts',
      ['--json', '--no-quality-check'],
      {
        ...env,
        COORDINATOR_LANGUAGE: 'en',
      },
      { cwd },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      version: 'v2',
      previous: 'v1',
      reviewNoticeQueued: true,
      flaggedForReview: [
        {
          escalationId: escalation.id,
          question: PERSONAL_DATA,
          sections: [{ documentId: 'cpo-ai-guidelines', sectionId: 'IV.2', change: 'changed' }],
        },
      ],
      quality: { status: 'skipped', reason: 'turned off (--no-quality-check)' },
    });

    app = await openApp(config);
    expect(await reviewRows()).toEqual(['pending']);
    const bot = capturedAssistant(app, config);
    await bot.deliver();
    await bot.deliver();
    expect(reviewsIn(bot.tg.calls)).toEqual([
      [
        'Curated answers to review: version v2 changed the sections they rely on',
        'Staff no longer get these answers. Check each against the new text; pressing Publish on its card shows it again.',
        '',
        `• #${escalation.id} (vi): ${PERSONAL_DATA}`,
        '  cpo-ai-guidelines › IV.2: changed',
      ].join('\n'),
    ]);
    expect(await reviewRows()).toEqual(['delivered']);
  });

  it("from Telegram's /reindex: the summary ends with the quality check, and the message is delivered once", async () => {
    const escalation = await published(STATE_SECRETS);
    await editFile(corpus, GUIDELINES_FILE, (text) =>
      text.replace(
        'không cung cấp thông tin thuộc danh mục bí mật nhà nước',
        'không đưa thông tin thuộc danh mục bí mật nhà nước',
      ),
    );
    const bot = capturedAssistant(app, config);
    const asked = sentMessages(await bot.send(updates.text(MAINTAINER, '/reindex')));
    const confirmed = await bot.send(updates.callback(MAINTAINER, 'confirm:reindex', asked[0] as Message));
    const summary = String(callsOf(confirmed, 'editMessageText').at(-1)?.payload.text);
    expect(summary).toMatch(/^Activated v3 \(was v2\)\.$/m);
    expect(summary).toContain(`curated answer`);
    expect(summary).toContain(`(question #${escalation.id})`);
    expect(summary).toContain("The coordinators' chat is told which ones");
    expect(summary).toMatch(
      /\nQuality check \(120 questions of .*qa\.tuning\.jsonl, \d+\.\d s\): v3 against v2\n/,
    );

    const reviews = reviewsIn(bot.tg.calls);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toContain('version v3 changed the sections');
    expect(reviews[0]).toContain(`• #${escalation.id} (vi): ${STATE_SECRETS}`);
    expect(reviews[0]).toContain('cpo-ai-guidelines › IV.1: changed');
    // The answer flagged by the previous re-index is not reported again.
    expect(reviews[0]).not.toContain(PERSONAL_DATA);
    await bot.deliver();
    expect(reviewsIn(bot.tg.calls)).toHaveLength(1);
    expect(await reviewRows()).toEqual(['delivered', 'delivered']);
  });
});
