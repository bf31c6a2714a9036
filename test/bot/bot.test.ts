import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Bot } from 'grammy';
import type { ChatMember, Message, Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.ts';
import { MESSAGES } from '../../src/answer/messages.ts';
import { type App, openApp } from '../../src/app.ts';
import { aboutOf } from '../../src/bot/about.ts';
import { createAccess } from '../../src/bot/access.ts';
import { createBot } from '../../src/bot/bot.ts';
import type { BotContext, BotDeps } from '../../src/bot/context.ts';
import { createEscalationMessages } from '../../src/bot/escalation-messages.ts';
import { escapeHtml } from '../../src/bot/format-answer.ts';
import { createI18n } from '../../src/bot/i18n.ts';
import { type BotConfig, loadConfig } from '../../src/config.ts';
import { createAuditRepository } from '../../src/db/audit.ts';
import { createConversationsRepository } from '../../src/db/conversations.ts';
import { createEscalationsRepository } from '../../src/db/escalations.ts';
import { createOutboxRepository } from '../../src/db/outbox.ts';
import { createStatsRepository } from '../../src/db/stats.ts';
import { createEscalationService } from '../../src/escalation/service.ts';
import { checkText } from '../../src/guard/guard.ts';
import { createLogger } from '../../src/logger.ts';
import { createMaintenance } from '../../src/maintenance.ts';
import type { Language } from '../../src/text/language.ts';
import { BACKENDS, type Backend, CORPUS_DIR, type TestDatabase } from '../helpers/backends.ts';
import {
  type ApiCall,
  BOT_INFO,
  type ChatMemberAnswer,
  callsOf,
  type FakeTelegram,
  fakeTelegram,
  GROUP,
  keyboardOf,
  person,
  sentMessages,
  sentTexts,
  type Turn,
  transcript,
  updates,
} from '../helpers/telegram.ts';
import { htmlProblems } from '../helpers/telegram-html.ts';

const backend = BACKENDS[0] as Backend;

const STAFF_IDS = Array.from({ length: 80 }, (_, i) => 1001 + i);
const COORDINATOR_ID = 2001;
const MAINTAINER_ID = 3001;
const STAFF_CHAT_ID = -1_009_876_543_210;
const MIGRATION_002 = join(
  import.meta.dirname,
  '..',
  '..',
  'src',
  'db',
  'migrations',
  '002_conversations.sql',
);
const MIGRATION_003 = join(MIGRATION_002, '..', '003_escalations.sql');
const TRANSCRIPTS_DIR = join(import.meta.dirname, 'transcripts');

/** The same question about state secrets and public chatbots, in each language. */
const QUESTIONS: Record<Language, string> = {
  vi: 'Có được đưa thông tin thuộc bí mật nhà nước vào ChatGPT không?',
  en: 'May I put state secrets into ChatGPT?',
  uk: 'Чи можна вводити державну таємницю в ChatGPT?',
};
const LANGUAGE_NAMES: Record<Language, string> = { vi: 'Vietnamese', en: 'English', uk: 'Ukrainian' };
/** A few of the bot's own messages (src/bot/locales), to tell its language. */
const TEXTS = {
  vi: {
    start: 'Xin chào! Tôi trả lời câu hỏi',
    langSet: 'Tôi sẽ trả lời bằng tiếng Việt.',
    coordinator: 'Hỏi cán bộ đầu mối',
    refused: 'Xin lỗi, trợ lý này chỉ dành cho cán bộ',
    notText: 'Tôi chỉ đọc được câu hỏi dạng văn bản.',
    thanks: 'Cảm ơn bạn đã góp ý.',
  },
  en: {
    start: "Hello! I answer questions about the Central Party Office's guidelines",
    langSet: 'I will write in English.',
    coordinator: 'Ask a coordinator',
    refused: 'Sorry, this assistant is only for staff of the Party agencies it serves.',
    notText: 'I can only read text questions.',
    thanks: 'Thank you for the feedback.',
  },
  uk: {
    start: 'Вітаю! Я відповідаю на запитання',
    langSet: 'Я писатиму українською.',
    coordinator: 'Запитати координатора',
    refused: 'Вибачте, цей помічник лише для працівників партійних органів',
    notText: 'Я читаю лише текстові запитання.',
    thanks: 'Дякую за відгук.',
  },
} satisfies Record<Language, Record<string, string>>;

interface ExchangeRow {
  id: number;
  user_id: string;
  chat_id: string;
  language: string;
  question: string;
  kind: string;
  answer: Answer;
  corpus_version: string | null;
}

describe(`Telegram bot [${backend.name}]`, () => {
  let db: TestDatabase;
  let app: App;
  let config: BotConfig;
  let deps: BotDeps;
  let nextStaff = 0;
  let nextOutsider = 5000;
  let nextMember = 4000;

  /** A person on the staff allowlist, used by one test only. */
  const staff = (languageCode = 'vi') => person(STAFF_IDS[nextStaff++] as number, languageCode);
  const outsider = (languageCode = 'vi') => person(++nextOutsider, languageCode);

  async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await app.database.pool.query(sql, params)).rows as T[];
  }
  const exchangesOf = (userId: number) =>
    rows<ExchangeRow>(
      `SELECT id::int AS id, user_id::text, chat_id::text, language, question, kind, answer, corpus_version
       FROM exchanges WHERE user_id = $1 ORDER BY id`,
      [userId],
    );
  const feedbackOf = (exchangeId: number) =>
    rows<{ user_id: string; rating: number; reason: string | null }>(
      'SELECT user_id::text, rating, reason FROM feedback WHERE exchange_id = $1',
      [exchangeId],
    );

  /** A bot on the shared app, with Telegram replaced; each has its own memory of refusals and rates. */
  function newBot(botConfig: BotConfig = config, overrides: Partial<BotDeps> = {}): FakeTelegram {
    const { bot } = createBot(
      'x',
      { ...deps, config: botConfig, ...overrides },
      { botInfo: BOT_INFO, pace: false },
    );
    return fakeTelegram(bot);
  }

  /** Asks the state-secret question and returns the stored exchange and the bot's last message. */
  async function answered(tg: FakeTelegram, user = staff(), question = QUESTIONS.vi) {
    const calls = await tg.send(updates.text(user, question));
    const exchange = (await exchangesOf(user.id)).at(-1) as ExchangeRow;
    const last = sentMessages(calls).at(-1) as Message.TextMessage;
    return { user, calls, exchange, last };
  }

  beforeAll(async () => {
    db = await backend.create();
    app = await openApp(db.config);
    await app.reindex(CORPUS_DIR);
    config = loadConfig({
      ...db.env,
      TELEGRAM_BOT_TOKEN: 'x',
      STAFF_USER_IDS: STAFF_IDS.join(','),
      COORDINATOR_USER_IDS: String(COORDINATOR_ID),
      MAINTAINER_USER_IDS: String(MAINTAINER_ID),
      STAFF_CHAT_ID: String(STAFF_CHAT_ID),
      // Tests send many updates per person within a minute; the rate limit has its own test.
      RATE_LIMIT_PER_MINUTE: '1000',
    }).bot;
    const i18n = createI18n();
    const outbox = createOutboxRepository(app.database.pool);
    deps = {
      ask: app.ask,
      conversations: createConversationsRepository(app.database.pool),
      about: () => aboutOf(app),
      // Messages stay in the outbox here: delivering them is the escalation tests' business.
      escalations: createEscalationService({
        escalations: createEscalationsRepository(app.database.pool, outbox),
        messages: createEscalationMessages((l, k, v) => i18n.t(l, k, v), config.coordinators),
        kick: () => undefined,
        slaMinutes: 60,
        reminderIntervalMinutes: 60,
        publish: (escalation, by) => app.curated.publish(escalation, by),
      }),
      stats: (days) => createStatsRepository(app.database.pool).since(days),
      audit: createAuditRepository(app.database.pool).record,
      maintenance: createMaintenance(app, CORPUS_DIR),
      guard: (text) => checkText(text, { maxChars: 3500 }),
      config,
      log: createLogger('silent'),
    };
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('commands', () => {
    it.each([
      ['vi', 'vi'],
      ['en', 'en'],
      ['uk', 'uk'],
      ['en-GB', 'en'],
      ['de', 'vi'],
    ] as const)('greets on /start in the Telegram client language %s (shown in %s)', async (code, shown) => {
      const tg = newBot();
      const calls = await tg.send(updates.text(staff(code), '/start'));
      expect(sentTexts(calls)).toHaveLength(1);
      expect(sentTexts(calls)[0]).toContain(TEXTS[shown].start);
    });

    it('lists the commands on /help, and on an unknown command', async () => {
      const tg = newBot();
      const user = staff('en');
      for (const command of ['/help', '/nonsense']) {
        const [text] = sentTexts(await tg.send(updates.text(user, command)));
        expect(text).toContain('/about');
        expect(text).toContain('/lang');
        expect(text).toContain('/help');
        expect(text).toContain('Ask a coordinator');
      }
    });

    it.each([
      [
        'en',
        ['Guidelines on exploiting and using artificial intelligence', 'Official Letter No. 557'],
        'corpus version v1',
      ],
      ['uk', ['Настанови щодо освоєння та використання', 'Офіційний лист № 557'], 'версія корпусу v1'],
      [
        'vi',
        ['Hướng dẫn khai thác, sử dụng trí tuệ nhân tạo', 'Công văn số 557'],
        'phiên bản kho dữ liệu v1',
      ],
    ])(
      'lists the documents and the active corpus version on /about, in %s',
      async (code, titles, version) => {
        const tg = newBot();
        const [text] = sentTexts(await tg.send(updates.text(staff(code), '/about')));
        expect(text).toContain(version);
        for (const title of titles) expect(text).toContain(title);
        expect(text).toContain('digest-2025-11-27');
        // Three documents (the list of what the reports lack is not one), each once, in one language only.
        expect(text?.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(3);
        expect(text).not.toMatch(/Details the public reports|Деталі, яких|Những chi tiết/);
      },
    );

    it('offers the three languages as buttons on /lang, and a press sets the language for later messages', async () => {
      const tg = newBot();
      const user = staff('en');
      const calls = await tg.send(updates.text(user, '/lang'));
      const [prompt] = callsOf(calls, 'sendMessage');
      expect(prompt?.payload.text).toBe('Choose the language I write in:');
      expect(keyboardOf(prompt as ApiCall)).toEqual([
        [
          { text: 'Tiếng Việt', data: 'lang:vi' },
          { text: 'English', data: 'lang:en' },
          { text: 'Українська', data: 'lang:uk' },
        ],
      ]);

      const pressed = await tg.send(updates.callback(user, 'lang:uk', prompt?.message as Message));
      expect(callsOf(pressed, 'answerCallbackQuery')).toHaveLength(1);
      expect(sentTexts(pressed)).toEqual([TEXTS.uk.langSet]);
      expect(await deps.conversations.language(user.id)).toBe('uk');

      // The client still says English; the choice wins, also for the buttons under an English answer.
      expect(sentTexts(await tg.send(updates.text(user, '/start')))[0]).toContain(TEXTS.uk.start);
      const answer = await tg.send(updates.text(user, QUESTIONS.en));
      const last = callsOf(answer, 'sendMessage').at(-1) as ApiCall;
      expect(keyboardOf(last)?.[1]?.[0]?.text).toBe(TEXTS.uk.coordinator);
    });

    it('sets the language from an argument (/lang en), kept across restarts of the bot', async () => {
      const user = staff('vi');
      expect(sentTexts(await newBot().send(updates.text(user, '/lang en')))).toEqual([TEXTS.en.langSet]);
      const [help] = sentTexts(await newBot().send(updates.text(user, '/help')));
      expect(help).toContain('Write a question as a message');
    });

    it('shows the buttons again for an unknown language (/lang fr)', async () => {
      const calls = await newBot().send(updates.text(staff(), '/lang fr'));
      expect(keyboardOf(callsOf(calls, 'sendMessage')[0] as ApiCall)?.[0]).toHaveLength(3);
    });
  });

  describe('questions in a private chat', () => {
    it.each(['vi', 'en', 'uk'] as const)(
      'answers a question in %s in HTML with quoted passages, the rating buttons on the last message, and a stored exchange',
      async (language) => {
        const tg = newBot();
        const { user, calls, exchange } = await answered(tg, staff(language), QUESTIONS[language]);
        expect(callsOf(calls, 'sendChatAction')[0]?.payload).toMatchObject({
          chat_id: user.id,
          action: 'typing',
        });

        const sends = callsOf(calls, 'sendMessage');
        expect(sends.length).toBeGreaterThan(0);
        for (const send of sends) {
          expect(send.payload).toMatchObject({ chat_id: user.id, parse_mode: 'HTML' });
          expect((send.payload.text as string).length).toBeLessThanOrEqual(4096);
        }
        const html = sends.map((send) => send.payload.text).join('\n');
        expect(html).toContain(escapeHtml(MESSAGES[language].answeredLead));
        expect(html).toMatch(/<blockquote>[^<]+<\/blockquote>/);

        expect(exchange).toMatchObject({ user_id: String(user.id), chat_id: String(user.id), language });
        expect(exchange).toMatchObject({
          question: QUESTIONS[language],
          kind: 'answered',
          corpus_version: 'v1',
        });
        expect(exchange.answer).toMatchObject({ kind: 'answered', language, corpusVersion: 'v1' });
        expect(exchange.answer.citations[0]?.documentId).toBe('cpo-ai-guidelines');
        expect(html).toContain(escapeHtml(exchange.answer.citations[0]?.quote.trim() ?? '-'));

        for (const send of sends.slice(0, -1)) expect(send.payload.reply_markup).toBeUndefined();
        expect(keyboardOf(sends.at(-1) as ApiCall)).toEqual([
          [
            { text: '👍', data: `up:${exchange.id}` },
            { text: '👎', data: `down:${exchange.id}` },
          ],
          [{ text: TEXTS[language].coordinator, data: `coord:${exchange.id}` }],
        ]);
      },
    );

    it.each([
      ['en', 'translation', 'original'],
      ['uk', 'переклад', 'оригінал'],
    ] as const)(
      'marks the translated passages of an answer in %s and shows the Vietnamese original',
      async (language, translation, original) => {
        const { calls, exchange } = await answered(newBot(), staff(language), QUESTIONS[language]);
        const html = sentTexts(calls).join('\n');
        const cited = exchange.answer.citations[0];
        expect(cited).toMatchObject({ translation: true, original: { language: 'vi' } });
        expect(html).toContain(`${MESSAGES[language].version} ${cited?.version} (${translation})</b>`);
        expect(html).toContain(`<i>${original} (vi): ${escapeHtml(cited?.original?.section ?? '-')}</i>`);
        expect(html).toContain(
          `<blockquote>${escapeHtml(cited?.original?.quote.trim() ?? '-')}</blockquote>`,
        );
        expect(html).toContain(MESSAGES[language].translationsMarked);
      },
    );

    it.each([
      ['vi', 'Thời tiết Hà Nội hôm nay thế nào?'],
      ['en', 'What is the capital of Australia?'],
      ['uk', 'Яка столиця Австралії?'],
    ] as const)(
      'escalates an off-topic question in %s to the coordinating unit',
      async (language, question) => {
        const { calls, exchange } = await answered(newBot(), staff(language), question);
        const html = sentTexts(calls).join('\n');
        expect(html).toContain(escapeHtml(MESSAGES[language].escalatedLead));
        expect(exchange).toMatchObject({ question, kind: 'escalated', language });
        expect(keyboardOf(callsOf(calls, 'sendMessage').at(-1) as ApiCall)?.[1]?.[0]?.data).toBe(
          `coord:${exchange.id}`,
        );
      },
    );

    it('replies with the error message when answering fails', async () => {
      const tg = newBot(config, { ask: () => Promise.reject(new Error('database gone')) });
      const user = staff('en');
      expect(sentTexts(await tg.send(updates.text(user, QUESTIONS.en)))).toEqual([
        'Something went wrong on my side. Please try again in a minute.',
      ]);
      expect(await exchangesOf(user.id)).toEqual([]);
    });
  });

  describe('the sensitive-data guard', () => {
    const STAMPED = 'TỐI MẬT\nBáo cáo nhân sự quý III của đơn vị, tóm tắt giúp tôi';

    it('refuses a message with a secrecy stamp, quoting the rule, and stores only its masked form', async () => {
      const tg = newBot();
      const user = staff('vi');
      const calls = await tg.send(updates.text(user, STAMPED));
      const html = callsOf(calls, 'sendMessage')
        .map((c) => c.payload.text)
        .join('\n');
      expect(html).toContain('Tôi không thể nhận tin nhắn này');
      expect(html).toContain('bí mật nhà nước');
      expect(html).toContain('<blockquote>');
      expect(keyboardOf(callsOf(calls, 'sendMessage').at(-1) as ApiCall)).toBeUndefined();
      const [exchange] = await exchangesOf(user.id);
      expect(exchange).toMatchObject({
        kind: 'refused',
        question: expect.stringContaining('[state_secret]'),
      });
      expect(exchange?.question).not.toContain('TỐI MẬT');
      const [stamp] = await rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM exchanges WHERE strpos(question || answer::text, 'TỐI MẬT') > 0`,
      );
      expect(stamp?.n).toBe(0);
      expect(await rows('SELECT 1 FROM escalations WHERE asker_user_id = $1', [user.id])).toEqual([]);
    });

    it('lets the asker confirm a phone number as public, then answers and stores it masked', async () => {
      const tg = newBot();
      const user = staff('en');
      const question = 'Our office hotline is 0912 345 678; may staff paste state secrets into ChatGPT?';
      const refused = await tg.send(updates.text(user, question));
      const last = sentMessages(refused).at(-1) as Message.TextMessage;
      const [button] = keyboardOf(callsOf(refused, 'sendMessage').at(-1) as ApiCall)?.[0] ?? [];
      expect(button?.text).toBe('It is public — ask anyway');
      const other = await tg.send(updates.callback(staff('en'), button?.data as string, last));
      expect(callsOf(other, 'answerCallbackQuery')[0]?.payload.text).toMatch(/expired/);
      const confirmed = await tg.send(updates.callback(user, button?.data as string, last));
      expect(
        callsOf(confirmed, 'sendMessage')
          .map((c) => c.payload.text)
          .join('\n'),
      ).toContain('<blockquote>');
      const stored = await exchangesOf(user.id);
      expect(stored.map((e) => e.kind)[0]).toBe('refused');
      expect(stored[1]?.kind).not.toBe('refused');
      for (const e of stored)
        expect(e.question).toBe('Our office hotline is [phone]; may staff paste state secrets into ChatGPT?');
    });
  });

  describe('feedback', () => {
    it('stores 👍 as +1 and a later 👎 as −1 (one rating per person), thanking each time', async () => {
      const tg = newBot();
      const { user, exchange, last } = await answered(tg);

      const up = await tg.send(updates.callback(user, `up:${exchange.id}`, last));
      expect(callsOf(up, 'answerCallbackQuery')[0]?.payload.text).toBe(TEXTS.vi.thanks);
      expect(callsOf(up, 'sendMessage')).toEqual([]);
      expect(await feedbackOf(exchange.id)).toEqual([{ user_id: String(user.id), rating: 1, reason: null }]);

      await tg.send(updates.callback(user, `down:${exchange.id}`, last));
      expect(await feedbackOf(exchange.id)).toEqual([{ user_id: String(user.id), rating: -1, reason: null }]);

      await tg.send(updates.callback(user, `up:${exchange.id}`, last));
      expect(await feedbackOf(exchange.id)).toEqual([{ user_id: String(user.id), rating: 1, reason: null }]);
    });

    it('asks for a reason after 👎 with a forced reply, and stores the reply to that prompt as the reason', async () => {
      const tg = newBot();
      const { user, exchange, last } = await answered(tg);

      const down = await tg.send(updates.callback(user, `down:${exchange.id}`, last));
      expect(callsOf(down, 'answerCallbackQuery')[0]?.payload.text).toBe(TEXTS.vi.thanks);
      const [ask] = callsOf(down, 'sendMessage');
      expect(ask?.payload).toMatchObject({
        chat_id: user.id,
        reply_markup: { force_reply: true },
        reply_parameters: { message_id: last.message_id },
      });
      expect(ask?.payload.text).toContain('Câu trả lời chưa đúng ở điểm nào?');

      const reason = 'Thiếu quy định về phần mềm nội bộ';
      const reply = await tg.send(updates.text(user, reason, { replyTo: ask?.message }));
      expect(sentTexts(reply)).toEqual(['Cảm ơn bạn, lý do đã được ghi nhận.']);
      expect(callsOf(reply, 'sendChatAction')).toEqual([]);
      expect(await feedbackOf(exchange.id)).toEqual([{ user_id: String(user.id), rating: -1, reason }]);
      // The reason is not taken as a new question.
      expect((await exchangesOf(user.id)).map((e) => e.question)).toEqual([QUESTIONS.vi]);
    });

    it('cuts a long reason to 500 characters', async () => {
      const tg = newBot();
      const { user, exchange, last } = await answered(tg);
      const [ask] = sentMessages(await tg.send(updates.callback(user, `down:${exchange.id}`, last)));
      await tg.send(updates.text(user, 'rất dài '.repeat(100), { replyTo: ask }));
      expect((await feedbackOf(exchange.id))[0]?.reason).toHaveLength(500);
    });

    it('takes a reply to an answer (not to the prompt) as a new question', async () => {
      const tg = newBot();
      const { user, last } = await answered(tg);
      const calls = await tg.send(updates.text(user, QUESTIONS.en, { replyTo: last }));
      expect(callsOf(calls, 'sendMessage').at(-1)?.payload.parse_mode).toBe('HTML');
      expect((await exchangesOf(user.id)).map((e) => e.question)).toEqual([QUESTIONS.vi, QUESTIONS.en]);
    });

    it('escalates on "Ask a coordinator" once per answer, queueing the acknowledgement', async () => {
      const tg = newBot();
      const { user, exchange, last } = await answered(tg, staff('en'), QUESTIONS.en);
      const first = await tg.send(updates.callback(user, `coord:${exchange.id}`, last));
      expect(callsOf(first, 'answerCallbackQuery')).toHaveLength(1);
      const [escalation] = await rows<{ id: number; trigger: string; question: string }>(
        'SELECT id::int, trigger, question FROM escalations WHERE exchange_id = $1',
        [exchange.id],
      );
      expect(escalation).toMatchObject({ trigger: 'asked', question: QUESTIONS.en });
      const acks = await rows<{ text: string }>(
        "SELECT payload->>'text' AS text FROM outbox WHERE escalation_id = $1 AND purpose = 'ack'",
        [escalation?.id],
      );
      expect(acks[0]?.text).toMatch(new RegExp(`#${escalation?.id} in the coordinators' queue`));
      const second = await tg.send(updates.callback(user, `coord:${exchange.id}`, last));
      expect(sentTexts(second)).toEqual([
        `This question is already with the coordinators as #${escalation?.id}.`,
      ]);
    });

    it('says the answer is gone for a button under an exchange that is not on record', async () => {
      const tg = newBot();
      const user = staff('en');
      const { last } = await answered(tg, user, QUESTIONS.en);
      const gone = 'That answer is no longer on record.';
      for (const data of ['up:987654321', 'down:987654321']) {
        const calls = await tg.send(updates.callback(user, data, last));
        expect(callsOf(calls, 'answerCallbackQuery')[0]?.payload.text).toBe(gone);
        expect(callsOf(calls, 'sendMessage')).toEqual([]);
      }
      const coordinator = await tg.send(updates.callback(user, 'coord:987654321', last));
      expect(sentTexts(coordinator)).toEqual([gone]);
      const stored = await rows<{ n: number }>(
        `SELECT (SELECT count(*) FROM feedback WHERE exchange_id = 987654321)
              + (SELECT count(*) FROM escalations WHERE exchange_id = 987654321) AS n`,
      );
      expect(Number(stored[0]?.n)).toBe(0);
    });

    it('answers a press of a button it does not know, so that the client stops waiting', async () => {
      const tg = newBot();
      const { user, last } = await answered(tg);
      const calls = await tg.send(updates.callback(user, 'something-old', last));
      expect(calls.map((call) => call.method)).toEqual(['answerCallbackQuery']);
    });
  });

  describe('groups', () => {
    const mention = `@${BOT_INFO.username}`;

    it('ignores a group message that neither mentions the bot nor replies to it', async () => {
      const tg = newBot();
      const user = staff();
      const calls = await tg.send(updates.text(user, QUESTIONS.vi, { chat: GROUP }));
      expect(calls).toEqual([]);
      expect(await tg.send(updates.text(user, '@someone_else xem cái này', { chat: GROUP }))).toEqual([]);
      expect(await exchangesOf(user.id)).toEqual([]);
    });

    it('answers a mention in a group, with the mention removed from the question, replying to the message', async () => {
      const tg = newBot();
      const user = staff();
      const asked = updates.text(user, `${mention} ${QUESTIONS.vi}`, { chat: GROUP });
      const calls = await tg.send(asked);
      const [first] = callsOf(calls, 'sendMessage');
      expect(first?.payload).toMatchObject({
        chat_id: GROUP.id,
        parse_mode: 'HTML',
        reply_parameters: { message_id: asked.message?.message_id },
      });
      const [exchange] = await exchangesOf(user.id);
      expect(exchange).toMatchObject({ question: QUESTIONS.vi, chat_id: String(GROUP.id), kind: 'answered' });
    });

    it('answers a reply to its own message in a group', async () => {
      const tg = newBot();
      const user = staff();
      const asked = await tg.send(updates.text(user, `${QUESTIONS.vi} ${mention}`, { chat: GROUP }));
      const last = sentMessages(asked).at(-1) as Message.TextMessage;
      const followUp = 'Is ChatGPT a public AI platform?';
      const calls = await tg.send(updates.text(user, followUp, { chat: GROUP, replyTo: last }));
      expect(callsOf(calls, 'sendMessage').length).toBeGreaterThan(0);
      expect((await exchangesOf(user.id)).map((e) => e.question)).toEqual([QUESTIONS.vi, followUp]);
    });

    it('asks for a question when a group message is only the mention', async () => {
      const calls = await newBot().send(updates.text(staff('en'), mention, { chat: GROUP }));
      expect(sentTexts(calls)).toEqual(['Ask me a question after the mention.']);
    });

    it('leaves non-text and edited messages in a group alone', async () => {
      const tg = newBot();
      const user = staff();
      expect(await tg.send(updates.sticker(user, { chat: GROUP }))).toEqual([]);
      expect(await tg.send(updates.edited(user, `${mention} sửa lại`, { chat: GROUP }))).toEqual([]);
    });
  });

  describe('messages that are not questions', () => {
    it.each(['sticker', 'photo', 'voice', 'document'] as const)(
      'says it reads only text when sent a %s',
      async (kind) => {
        const calls = await newBot().send(updates[kind](staff('en')));
        expect(sentTexts(calls)).toEqual([
          'I can only read text questions. Please type your question as a message.',
        ]);
      },
    );

    it('asks for a new message instead of re-reading an edited one', async () => {
      const user = staff('uk');
      const calls = await newBot().send(updates.edited(user, QUESTIONS.uk));
      expect(sentTexts(calls)).toEqual([
        'Я не перечитую відредаговані повідомлення. Надішліть виправлене запитання новим повідомленням.',
      ]);
      expect(await exchangesOf(user.id)).toEqual([]);
    });

    it('refuses an over-long message without asking anything or storing it', async () => {
      const user = staff('en');
      const pasted = `Please check this: ${'x'.repeat(config.maxQuestionChars)}`;
      const calls = await newBot().send(updates.text(user, pasted));
      expect(calls.map((call) => call.method)).toEqual(['sendMessage']);
      expect(sentTexts(calls)[0]).toBe(
        // Fluent formats the number for the reader: 1,000 in English.
        'That message is too long for a question (at most 1,000 characters). ' +
          'Please ask briefly — and never paste whole documents into an AI chat.',
      );
      expect(await exchangesOf(user.id)).toEqual([]);
    });
  });

  describe('bad input', () => {
    /** Every message the bot sent or edited: HTML Telegram accepts, within its limit. */
    function expectValidReplies(calls: ApiCall[]) {
      for (const call of calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')) {
        const text = call.payload.text as string;
        expect(text.length).toBeLessThanOrEqual(4096);
        if (call.payload.parse_mode === 'HTML') expect(htmlProblems(text)).toEqual([]);
      }
    }

    it.each([
      ['emoji only', '👍👍👍'],
      ['punctuation only', '??? !!!'],
      ['invisible characters only', '\u200B\u200D\u2060\uFEFF'],
      ['a right-to-left override and emoji', '\u202E🤖\u202C'],
    ])('asks for a question in words when sent %s, and stores nothing', async (_name, text) => {
      const user = staff('en');
      const calls = await newBot().send(updates.text(user, text));
      expect(sentTexts(calls)).toEqual([
        'Please write your question in words: I cannot search for emoji or symbols alone.',
      ]);
      expect(await exchangesOf(user.id)).toEqual([]);
    });

    it('answers a question with zero-width, bidirectional and control characters as if typed cleanly, and stores it clean', async () => {
      const tg = newBot();
      const clean = await answered(tg);
      const dirty = `\u202E${[...QUESTIONS.vi].map((c, i) => (i % 4 === 1 ? `${c}\u200B` : c)).join('')}\u0007\u202C`;
      const { exchange, calls } = await answered(tg, staff(), dirty);
      expect(exchange.question).toBe(QUESTIONS.vi);
      expect(exchange.kind).toBe(clean.exchange.kind);
      expect(exchange.answer.citations[0]?.section).toBe(clean.exchange.answer.citations[0]?.section);
      expectValidReplies(calls);
    });

    it.each([
      [
        'HTML',
        'Có được đưa <b>bí mật nhà nước</b> vào <a href="javascript:x">ChatGPT</a> không? </blockquote><script>alert(1)</script>',
      ],
      ['Markdown', '**Có được** đưa _bí mật nhà nước_ vào `ChatGPT` không? [x](tg://resolve?domain=x)'],
      ['mixed scripts', 'Có được đưa bí mật nhà nước в ChatGPT, state secrets?'],
    ])('keeps %s in a question as text: every reply is valid HTML', async (_name, question) => {
      const user = staff();
      const calls = await newBot().send(updates.text(user, question));
      expect(sentMessages(calls).length).toBeGreaterThan(0);
      expectValidReplies(calls);
      const html = callsOf(calls, 'sendMessage')
        .map((c) => c.payload.text as string)
        .join('');
      expect(html).not.toMatch(/<script|<a href="(?!https?:)/);
      expect((await exchangesOf(user.id)).at(-1)?.question).toBe(question);
    });
  });

  describe('who may use the bot', () => {
    /** The roles the access check gives a person, seen by a handler placed after it. */
    async function rolesOf(userId: number, member?: ChatMemberAnswer) {
      const probe = new Bot<BotContext>('x', { botInfo: BOT_INFO });
      const tg = fakeTelegram(probe);
      if (member) tg.chatMember = () => member;
      let roles: string[] | undefined;
      probe.use((ctx, next) => {
        ctx.deps = deps;
        return next();
      });
      probe.use(createI18n(), createAccess(config.access));
      probe.on('message', (ctx) => {
        roles = [...ctx.roles].sort();
      });
      const calls = await tg.send(updates.text(person(userId), '/start'));
      return { roles, calls };
    }

    it.each([
      ['a person on the staff allowlist', STAFF_IDS[0] as number, ['staff']],
      ['a coordinator', COORDINATOR_ID, ['coordinator', 'staff']],
      ['a maintainer', MAINTAINER_ID, ['maintainer', 'staff']],
    ])('serves %s as staff without asking Telegram about the staff chat', async (_who, userId, roles) => {
      const seen = await rolesOf(userId);
      expect(seen.roles).toEqual(roles);
      expect(seen.calls).toEqual([]);
      const served = await newBot().send(updates.text(person(userId, 'en'), '/start'));
      expect(sentTexts(served)[0]).toContain(TEXTS.en.start);
    });

    it.each([
      ['creator', true],
      ['administrator', true],
      ['member', true],
      ['restricted but still a member', true],
      ['left', false],
      ['kicked', false],
      ['unknown to Telegram (error)', false],
    ] as const)('takes a person whose staff-chat status is %s as staff: %s', async (status, served) => {
      const userId = ++nextMember;
      const answer: ChatMemberAnswer =
        status === 'unknown to Telegram (error)'
          ? { error: 'Bad Request: member not found' }
          : status === 'restricted but still a member'
            ? ({ status: 'restricted', is_member: true, user: person(userId) } as ChatMember)
            : ({ status, user: person(userId) } as ChatMember);
      const { roles, calls } = await rolesOf(userId, answer);
      expect(callsOf(calls, 'getChatMember').map((call) => call.payload)).toEqual([
        { chat_id: STAFF_CHAT_ID, user_id: userId },
      ]);
      expect(roles).toEqual(served ? ['staff'] : undefined);
    });

    it('serves a member of the staff chat and asks Telegram only once', async () => {
      const tg = newBot();
      const user = person(++nextMember, 'en');
      tg.chatMember = () => ({ status: 'member', user });
      const first = await tg.send(updates.text(user, '/start'));
      expect(callsOf(first, 'getChatMember')).toHaveLength(1);
      expect(sentTexts(first)[0]).toContain(TEXTS.en.start);
      const second = await tg.send(updates.text(user, QUESTIONS.en));
      expect(callsOf(second, 'getChatMember')).toEqual([]);
      expect(callsOf(second, 'sendMessage').at(-1)?.payload.parse_mode).toBe('HTML');
    });

    it('refuses a person who left the staff chat, and asks Telegram only once', async () => {
      const tg = newBot();
      const user = person(++nextMember, 'en');
      tg.chatMember = () => ({ status: 'left', user });
      const first = await tg.send(updates.text(user, QUESTIONS.en));
      expect(first.map((call) => call.method)).toEqual(['getChatMember', 'sendMessage']);
      expect(sentTexts(first)[0]).toContain(TEXTS.en.refused);
      expect(await tg.send(updates.text(user, QUESTIONS.en))).toEqual([]);
    });

    it.each(['vi', 'en', 'uk'] as const)(
      'gives a person on no allowlist exactly one polite refusal (in %s) and nothing after it',
      async (language) => {
        const tg = newBot();
        const user = outsider(language);
        const first = await tg.send(updates.text(user, QUESTIONS[language]));
        expect(first.map((call) => call.method)).toEqual(['getChatMember', 'sendMessage']);
        expect(sentTexts(first)).toEqual([expect.stringContaining(TEXTS[language].refused)]);
        for (const next of [
          updates.text(user, QUESTIONS[language]),
          updates.text(user, '/start'),
          updates.sticker(user),
          updates.edited(user, QUESTIONS[language]),
        ]) {
          expect(await tg.send(next)).toEqual([]);
        }
      },
    );

    it('answers a refused person’s button press with an alert, and a later press silently', async () => {
      const tg = newBot();
      const { exchange, last } = await answered(tg);
      const user = outsider('en');
      const pressed = await tg.send(updates.callback(user, `up:${exchange.id}`, last));
      expect(callsOf(pressed, 'answerCallbackQuery').map((call) => call.payload)).toEqual([
        {
          callback_query_id: expect.any(String),
          text: expect.stringContaining(TEXTS.en.refused),
          show_alert: true,
        },
      ]);
      const again = await tg.send(updates.callback(user, `down:${exchange.id}`, last));
      expect(again.map((call) => [call.method, call.payload.text])).toEqual([
        ['answerCallbackQuery', undefined],
      ]);
      expect(await feedbackOf(exchange.id)).toEqual([]);
    });

    it('keeps the refusal for a private message when the person first wrote in a group', async () => {
      const tg = newBot();
      const user = outsider('en');
      expect(
        callsOf(await tg.send(updates.text(user, 'chào mọi người', { chat: GROUP })), 'sendMessage'),
      ).toEqual([]);
      expect(
        await tg.send(updates.text(user, `@${BOT_INFO.username} ${QUESTIONS.vi}`, { chat: GROUP })),
      ).toEqual([]);
      const inPrivate = await tg.send(updates.text(user, QUESTIONS.en));
      expect(sentTexts(inPrivate)).toEqual([expect.stringContaining(TEXTS.en.refused)]);
    });

    it('stores nothing a refused person wrote: no row in any table of migration 002 holds their id or text', async () => {
      const tg = newBot();
      const { exchange, last } = await answered(tg);
      const user = outsider('vi');
      const texts = [
        'Tôi muốn hỏi về mật khẩu hộp thư công vụ 4711',
        '/lang en',
        'Lý do: câu trả lời sai 4711',
      ];
      const sent: Update[] = [
        updates.callback(user, `down:${exchange.id}`, last),
        ...texts.map((text) => updates.text(user, text)),
        updates.text(user, `@${BOT_INFO.username} ${texts[0]}`, { chat: GROUP }),
        updates.callback(user, `coord:${exchange.id}`, last),
        updates.callback(user, 'lang:en', last),
      ];
      for (const update of sent) await tg.send(update);

      const tables = [MIGRATION_002, MIGRATION_003].flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]),
      );
      expect(tables).toEqual([
        'exchanges',
        'feedback',
        'user_preferences',
        'escalations',
        'escalation_messages',
        'outbox',
      ]);
      const personColumn: Record<string, string> = { escalations: 'asker_user_id', outbox: 'chat_id' };
      for (const table of tables as string[]) {
        const [byId] = await rows<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${table} WHERE ${personColumn[table] ?? 'user_id'} = $1`,
          [user.id],
        );
        expect(byId?.n, `${table} rows of the refused person`).toBe(0);
        for (const text of ['4711', ...texts]) {
          const [byText] = await rows<{ n: number }>(
            `SELECT count(*)::int AS n FROM ${table} t WHERE strpos(t::text, $1) > 0`,
            [text],
          );
          expect(byText?.n, `${table} rows holding "${text}"`).toBe(0);
        }
      }
    });
  });

  describe('maintainers', () => {
    const maintainer = () => person(MAINTAINER_ID, 'en');
    const editsOf = (calls: ApiCall[]) => callsOf(calls, 'editMessageText').map((c) => c.payload.text);

    it('lists the versions on /versions, with the active one marked', async () => {
      const tg = newBot();
      const [text] = sentTexts(await tg.send(updates.text(maintainer(), '/versions')));
      expect(text).toMatch(/^\* v1 {2}\d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}\d+ passages {2}local:/);
    });

    it('asks before re-indexing, and shows the summary in the same message', async () => {
      const tg = newBot();
      const asked = sentMessages(await tg.send(updates.text(maintainer(), '/reindex')));
      expect(asked[0]?.text).toMatch(/^Re-index the guidelines/);
      const confirmed = await tg.send(updates.callback(maintainer(), 'confirm:reindex', asked[0] as Message));
      expect(editsOf(confirmed).at(-1)).toMatch(/No changes since v1: nothing embedded/);
    });

    it('asks before rolling back, and says why it cannot when there is no earlier version', async () => {
      const tg = newBot();
      const asked = sentMessages(await tg.send(updates.text(maintainer(), '/rollback')));
      const confirmed = await tg.send(
        updates.callback(maintainer(), 'confirm:rollback', asked[0] as Message),
      );
      expect(editsOf(confirmed).at(-1)).toBe(
        'Stopped, nothing changed: v1 is the oldest version kept: there is none to roll back to.',
      );
      const cancelled = await tg.send(updates.callback(maintainer(), 'cancel', asked[0] as Message));
      expect(editsOf(cancelled)).toEqual(['Cancelled; nothing was changed.']);
    });

    it('gives staff who are not maintainers none of it', async () => {
      const tg = newBot();
      const calls = await tg.send(updates.text(staff('en'), '/reindex'));
      expect(sentTexts(calls)[0]).not.toMatch(/Re-index/);
      expect(
        callsOf(
          await tg.send(updates.callback(staff('en'), 'confirm:reindex', sentMessages(calls)[0] as Message)),
          'editMessageText',
        ),
      ).toEqual([]);
    });
  });

  describe('rate limit', () => {
    it('tells a person asking faster than the per-minute limit to wait, once, and serves others', async () => {
      const limited = { ...config, rateLimitPerMinute: 2 };
      expect(loadConfig({ ...db.env, RATE_LIMIT_PER_MINUTE: '2' }).bot.rateLimitPerMinute).toBe(2);
      const tg = newBot(limited);
      const user = staff('en');
      for (let i = 0; i < 2; i++) {
        expect(sentTexts(await tg.send(updates.text(user, '/help')))[0]).toContain('Write a question');
      }
      expect(sentTexts(await tg.send(updates.text(user, QUESTIONS.en)))).toEqual([
        'You are asking faster than I can answer. Please wait a minute and ask again.',
      ]);
      expect(await tg.send(updates.text(user, QUESTIONS.en))).toEqual([]);
      expect(await exchangesOf(user.id)).toEqual([]);
      expect(sentTexts(await tg.send(updates.text(staff('en'), '/help')))[0]).toContain('Write a question');
    });
  });

  describe('transcripts', () => {
    const REASONS: Record<Language, string> = {
      vi: 'Tôi muốn biết cụ thể về phần mềm soạn thảo nội bộ.',
      en: 'I wanted to know whether our internal chatbot counts as public.',
      uk: 'Я хотів дізнатися, чи вважається наш внутрішній чат-бот публічним.',
    };

    it.each(['vi', 'en', 'uk'] as const)(
      'holds a whole conversation in %s and writes its transcript',
      async (language) => {
        const tg = newBot();
        const user = staff(language);
        const turns: Turn[] = [];
        const say = async (update: Update) => {
          const calls = await tg.send(update);
          turns.push({ update, calls });
          return calls;
        };
        await say(updates.text(user, '/start'));
        await say(updates.text(user, '/about'));
        const answer = await say(updates.text(user, QUESTIONS[language]));
        const last = sentMessages(answer).at(-1) as Message.TextMessage;
        const [exchange] = await exchangesOf(user.id);
        const id = exchange?.id;
        const prompt = sentMessages(await say(updates.callback(user, `down:${id}`, last)))[0];
        await say(updates.text(user, REASONS[language], { replyTo: prompt }));
        await say(updates.callback(user, `coord:${id}`, last));

        expect(await feedbackOf(id ?? 0)).toEqual([
          { user_id: String(user.id), rating: -1, reason: REASONS[language] },
        ]);
        const markdown = transcript(
          `Conversation in ${LANGUAGE_NAMES[language]} (${language})`,
          `Written by test/bot/bot.test.ts: the real bot and app on the ${backend.name} database, corpus version ` +
            `${exchange?.corpus_version}, extractive answers, Telegram replaced by a transformer. HTML shown as Markdown.`,
          turns,
        );
        expect(markdown).toContain(TEXTS[language].start);
        await mkdir(TRANSCRIPTS_DIR, { recursive: true });
        await writeFile(join(TRANSCRIPTS_DIR, `${language}.md`), markdown);
      },
    );
  });
});
