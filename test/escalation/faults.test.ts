import { createServer, type Server } from 'node:http';
import { HttpError } from 'grammy';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { composeTelegram } from '../../src/telegram.ts';
import { BACKENDS, type Backend, CORPUS_DIR, type TestDatabase } from '../helpers/backends.ts';
import {
  acksOf,
  COORDINATORS,
  COORDINATORS_CHAT,
  capturedAssistant,
  cardOf,
  escalationConfig,
  STAFF_IDS,
} from '../helpers/escalation.ts';
import { type ApiCall, BOT_INFO, callsOf, type Failure, person, updates } from '../helpers/telegram.ts';

/**
 * The escalation flow when things go wrong: Telegram failing while the outbox is delivered, a process
 * stopped between storing an escalation and telling anyone, two coordinators claiming at once.
 */

const UNKNOWN_DETAIL = 'Who signed the guidelines?';
const SERVER_ERROR: Failure = { ok: false, error_code: 500, description: 'Internal Server Error' };
const networkError = (method: string) =>
  new HttpError(`Network request for '${method}' failed!`, new Error('read ECONNRESET'));

interface OutboxRow {
  purpose: string;
  state: string;
  attempts: number;
  /** Seconds until the next attempt. */
  wait: number;
  last_error: string | null;
  telegram_message_id: string | null;
}

describe.each(BACKENDS)('escalation messages when Telegram or the process fails [$name]', (backend) => {
  let db: TestDatabase;
  let app: App;
  let config: Config;
  let nextStaff = 0;
  const [alice, bob] = COORDINATORS as [(typeof COORDINATORS)[0], (typeof COORDINATORS)[0]];

  const staff = () => person(STAFF_IDS[nextStaff++] as number, 'en');
  async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await app.database.pool.query(sql, params)).rows as T[];
  }
  const escalationOf = async (userId: number) =>
    (
      await rows<{
        id: number;
        state: string;
        card_message_id: string | null;
        card_thread_id: string | null;
      }>(
        `SELECT id::int, state, card_message_id::text, card_thread_id::text FROM escalations
         WHERE asker_user_id = $1`,
        [userId],
      )
    )[0];
  const outboxOf = (escalationId: number) =>
    rows<OutboxRow>(
      `SELECT purpose, state, attempts, extract(epoch FROM next_attempt_at - now())::float8 AS wait, last_error,
         telegram_message_id::text
       FROM outbox WHERE escalation_id = $1 ORDER BY id`,
      [escalationId],
    );
  /** Makes the pending messages due now, as if their back-off had passed. */
  const dueNow = () => rows(`UPDATE outbox SET next_attempt_at = now() WHERE state = 'pending'`);
  const sendMessages = (calls: ApiCall[]) => callsOf(calls, 'sendMessage');

  beforeAll(async () => {
    db = await backend.create();
    app = await openApp(db.config);
    await app.reindex(CORPUS_DIR);
    config = escalationConfig(db);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('keeps the acknowledgement and the card pending with a growing back-off while Telegram fails, then delivers each once, in order', async () => {
    const a = capturedAssistant(app, config);
    let failure: ((method: string) => Failure) | undefined = () => SERVER_ERROR;
    a.tg.fault = (method) => (method === 'sendMessage' ? failure?.(method) : undefined);
    const user = staff();

    // The bot's own reply fails too; the escalation is stored all the same.
    await a.telegram.bot.handleUpdate(updates.text(user, UNKNOWN_DETAIL));
    await a.deliver();
    const escalation = await escalationOf(user.id);
    expect(escalation).toMatchObject({ state: 'open', card_message_id: null });
    const id = escalation?.id as number;
    let attempts = (await outboxOf(id))[0]?.attempts as number;
    expect(attempts).toBeGreaterThanOrEqual(1);

    // Three rounds of HTTP 500, then two of network errors: each round one more attempt and twice the wait.
    for (const round of ['500', '500', '500', 'network', 'network']) {
      if (round === 'network') failure = networkError;
      // Nothing is tried before its back-off has passed (checked once the wait is long enough to be sure of).
      if (attempts >= 2) {
        const callsBefore = a.tg.calls.length;
        await a.deliver();
        expect(a.tg.calls.length).toBe(callsBefore);
      }
      await dueNow();
      await a.deliver();
      attempts += 1;
      const outbox = await outboxOf(id);
      expect(outbox.map((m) => [m.purpose, m.state, m.attempts, m.telegram_message_id])).toEqual([
        ['ack', 'pending', attempts, null],
        ['card', 'pending', attempts, null],
      ]);
      for (const m of outbox) {
        const expected = 2 ** (attempts - 1);
        expect(m.wait).toBeGreaterThan(expected - 1);
        expect(m.wait).toBeLessThanOrEqual(expected);
        expect(m.last_error).toContain(round === '500' ? 'Internal Server Error' : 'Network request');
      }
    }
    expect(sendMessages(a.tg.calls).every((c) => c.failed)).toBe(true);
    expect((await escalationOf(user.id))?.card_message_id).toBeNull();

    // Telegram is back: once the back-off has passed, each is delivered once, the acknowledgement first.
    failure = undefined;
    await dueNow();
    await a.deliver();
    const ack = acksOf(a.tg.calls, user.id, id);
    const card = cardOf(a.tg.calls, id);
    expect(ack).toHaveLength(1);
    expect(card).toHaveLength(1);
    expect(a.tg.calls.indexOf(ack[0] as ApiCall)).toBeLessThan(a.tg.calls.indexOf(card[0] as ApiCall));
    expect((await outboxOf(id)).map((m) => [m.purpose, m.state, m.attempts])).toEqual([
      ['ack', 'delivered', attempts + 1],
      ['card', 'delivered', attempts + 1],
    ]);
    expect((await escalationOf(user.id))?.card_message_id).toBe(String(card[0]?.message.message_id));

    const callsAfter = a.tg.calls.length;
    await dueNow();
    await a.deliver();
    expect(a.tg.calls.length).toBe(callsAfter);
  });

  it('marks a message Telegram refuses for good (403) as failed, and still delivers the messages after it', async () => {
    const a = capturedAssistant(app, config);
    const blocked = staff();
    a.tg.fault = (method, payload) =>
      method === 'sendMessage' && Number(payload.chat_id) === blocked.id
        ? { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }
        : undefined;

    await a.send(updates.text(blocked, `/human ${UNKNOWN_DETAIL}`));
    const id = (await escalationOf(blocked.id))?.id as number;
    const outbox = await outboxOf(id);
    expect(outbox.map((m) => [m.purpose, m.state, m.attempts])).toEqual([
      ['ack', 'failed', 1],
      ['card', 'delivered', 1],
    ]);
    expect(outbox[0]?.last_error).toContain('Forbidden: bot was blocked by the user');
    expect(cardOf(a.tg.calls, id)).toHaveLength(1);

    // Another asker is served as usual, and the failed message is not tried again.
    const other = staff();
    await a.send(updates.text(other, `/human ${UNKNOWN_DETAIL}`));
    const otherId = (await escalationOf(other.id))?.id as number;
    expect(acksOf(a.tg.calls, other.id, otherId)).toHaveLength(1);
    expect(cardOf(a.tg.calls, otherId)).toHaveLength(1);
    await dueNow();
    await a.deliver();
    expect(sendMessages(a.tg.calls).filter((c) => Number(c.payload.chat_id) === blocked.id)).toHaveLength(1);
  });

  it('posts a card whose sending failed in the forum topic already opened for it, not in a new one', async () => {
    const a = capturedAssistant(app, config);
    const plain = a.tg.chat;
    a.tg.chat = (chatId) =>
      chatId === COORDINATORS_CHAT.id ? { ...COORDINATORS_CHAT, is_forum: true } : plain(chatId);
    let failures = 2;
    a.tg.fault = (method, payload) =>
      method === 'sendMessage' && Number(payload.chat_id) === COORDINATORS_CHAT.id && failures-- > 0
        ? SERVER_ERROR
        : undefined;
    const user = staff();
    await a.send(updates.text(user, `/human ${UNKNOWN_DETAIL}`));
    await dueNow();
    await a.deliver();
    expect(cardOf(a.tg.calls, (await escalationOf(user.id))?.id as number)).toEqual([]);
    await dueNow();
    await a.deliver();

    const topics = callsOf(a.tg.calls, 'createForumTopic');
    expect(topics).toHaveLength(1);
    const tries = sendMessages(a.tg.calls).filter((c) => Number(c.payload.chat_id) === COORDINATORS_CHAT.id);
    expect(tries.map((c) => [c.failed !== undefined, c.payload.message_thread_id])).toEqual([
      [true, expect.any(Number)],
      [true, tries[0]?.payload.message_thread_id],
      [false, tries[0]?.payload.message_thread_id],
    ]);
    expect((await escalationOf(user.id))?.card_thread_id).toBe(String(tries[0]?.payload.message_thread_id));
  });

  it('asks again whether the coordinators’ chat is a forum after the look-up failed', async () => {
    const a = capturedAssistant(app, config);
    const plain = a.tg.chat;
    a.tg.chat = (chatId) =>
      chatId === COORDINATORS_CHAT.id ? { ...COORDINATORS_CHAT, is_forum: true } : plain(chatId);
    let failures = 1;
    a.tg.fault = (method) => (method === 'getChat' && failures-- > 0 ? networkError(method) : undefined);

    const first = staff();
    await a.send(updates.text(first, `/human ${UNKNOWN_DETAIL}`));
    // Not knowing, the card goes to the chat's general topic rather than waiting.
    const [firstCard] = cardOf(a.tg.calls, (await escalationOf(first.id))?.id as number);
    expect(firstCard?.payload.message_thread_id).toBeUndefined();

    const second = staff();
    await a.send(updates.text(second, `/human ${UNKNOWN_DETAIL}`));
    expect(callsOf(a.tg.calls, 'getChat')).toHaveLength(2);
    const [secondCard] = cardOf(a.tg.calls, (await escalationOf(second.id))?.id as number);
    expect(secondCard?.payload.message_thread_id).toEqual(expect.any(Number));
  });

  it('delivers the acknowledgement and card a stopped process left in the outbox after a restart, and nothing twice', async () => {
    // The first process stores the escalation and dies while its messages are on their way to Telegram.
    const first = capturedAssistant(app, config);
    let taken = 0;
    first.telegram.bot.api.config.use((prev, method, payload, signal) => {
      if (method !== 'sendMessage') return prev(method, payload, signal);
      taken += 1;
      return new Promise(() => undefined);
    });
    const user = staff();
    await first.telegram.bot.handleUpdate(updates.text(user, `/human ${UNKNOWN_DETAIL}`));
    for (let waited = 0; taken === 0 && waited < 5_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(taken).toBe(1);
    const id = (await escalationOf(user.id))?.id as number;
    expect((await outboxOf(id)).map((m) => [m.purpose, m.state, m.attempts])).toEqual([
      ['ack', 'pending', 0],
      ['card', 'pending', 0],
    ]);
    await app.close();

    // The second process finds them leased by the first one's pass: due again once the lease (30 s) ends.
    app = await openApp(db.config);
    const second = capturedAssistant(app, config);
    await second.deliver();
    expect(sendMessages(second.tg.calls)).toEqual([]);
    expect((await outboxOf(id)).every((m) => m.wait > 20 && m.wait <= 30)).toBe(true);
    await dueNow();
    await second.deliver();
    expect(sendMessages(second.tg.calls).map((c) => c.payload.text)).toEqual([
      acksOf(second.tg.calls, user.id, id)[0]?.payload.text,
      cardOf(second.tg.calls, id)[0]?.payload.text,
    ]);
    expect((await outboxOf(id)).map((m) => [m.purpose, m.state, m.attempts])).toEqual([
      ['ack', 'delivered', 1],
      ['card', 'delivered', 1],
    ]);
    const card = cardOf(second.tg.calls, id)[0]?.message as Message.TextMessage;
    await app.close();

    // A third process has nothing to send, and the card delivered by the second one still works.
    app = await openApp(db.config);
    const third = capturedAssistant(app, config);
    await dueNow();
    await third.deliver();
    expect(sendMessages(third.tg.calls)).toEqual([]);
    const claim = await third.send(updates.callback(alice, `claim:${id}`, card));
    expect(callsOf(claim, 'answerCallbackQuery')[0]?.payload.text).toBe('Claimed by you.');
    expect(callsOf(claim, 'editMessageText')[0]?.payload).toMatchObject({ message_id: card.message_id });
  });

  it('gives a question claimed by two coordinators at the same moment to exactly one; the other is told who has it', async () => {
    // Two bots on one database, as two replicas behind a webhook would be.
    const one = capturedAssistant(app, config);
    const two = capturedAssistant(app, config);
    for (let round = 0; round < 3; round++) {
      const user = staff();
      await one.send(updates.text(user, `/human ${UNKNOWN_DETAIL}`));
      const id = (await escalationOf(user.id))?.id as number;
      const card = cardOf(one.tg.calls, id)[0]?.message as Message.TextMessage;

      const [byAlice, byBob] = await Promise.all([
        one.tg.send(updates.callback(alice, `claim:${id}`, card)),
        two.tg.send(updates.callback(bob, `claim:${id}`, card)),
      ]);
      const [claimed] = await rows<{ claimed_by: string }>(
        'SELECT claimed_by::text FROM escalations WHERE id = $1',
        [id],
      );
      const [winner, loser] = claimed?.claimed_by === String(alice.id) ? [byAlice, byBob] : [byBob, byAlice];
      const winnerName = claimed?.claimed_by === String(alice.id) ? alice.first_name : bob.first_name;
      expect(callsOf(winner, 'answerCallbackQuery').map((c) => c.payload.text)).toEqual(['Claimed by you.']);
      expect(callsOf(loser, 'answerCallbackQuery').map((c) => c.payload)).toEqual([
        {
          callback_query_id: expect.any(String),
          text: `Not open any more (claimed by ${winnerName}).`,
          show_alert: true,
        },
      ]);
      expect(callsOf(winner, 'editMessageText')).toHaveLength(1);
      expect(callsOf(loser, 'editMessageText')).toEqual([]);
    }
  });

  it('lets exactly one of ten claims made through the service at once succeed', async () => {
    const a = capturedAssistant(app, config);
    const user = staff();
    await a.send(updates.text(user, `/human ${UNKNOWN_DETAIL}`));
    const id = (await escalationOf(user.id))?.id as number;
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => a.telegram.escalations.claim(id, 3000 + i, `Coordinator ${i}`)),
    );
    const won = claims.filter((c) => c !== undefined);
    expect(won).toHaveLength(1);
    const [row] = await rows<{ claimed_by: string; claimed_by_name: string }>(
      'SELECT claimed_by::text, claimed_by_name FROM escalations WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ claimed_by: String(won[0]?.claimedBy), claimed_by_name: won[0]?.claimedByName });
  });
});

/** A Bot API server on loopback that drops every connection while `down`, and accepts messages when up. */
async function flakyBotApi() {
  const state = { down: true, requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests += 1;
    if (state.down) return void req.socket.destroy();
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const payload = JSON.parse(body || '{}') as { chat_id: number; text: string };
      const chat = { id: payload.chat_id, type: 'private', first_name: 'Asker' };
      const result = { message_id: state.requests, date: 0, chat, text: payload.text };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    state,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('escalation messages while the network to Telegram is down', () => {
  let db: TestDatabase;
  let app: App;

  beforeAll(async () => {
    db = await (BACKENDS[0] as Backend).create();
    app = await openApp(db.config);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('gives up a send the API client would retry without end, leaves it to the outbox back-off, and delivers it once the network is back', async () => {
    const api = await flakyBotApi();
    try {
      // The real API client, auto-retry included, talking HTTP; no coordinators' chat, so only the acknowledgement.
      const config = loadConfig({
        ...db.env,
        TELEGRAM_BOT_TOKEN: '1:x',
        STAFF_USER_IDS: '4711',
        TELEGRAM_API_ROOT: api.url,
      });
      const telegram = composeTelegram(app, config, '1:x', createLogger('silent'), {
        botInfo: BOT_INFO,
        pace: false,
      });
      const started = performance.now();
      const escalation = await telegram.escalations.raise({
        askerUserId: 4711,
        askerChatId: 4711,
        language: 'en',
        question: UNKNOWN_DETAIL,
        trigger: 'asked',
        found: [],
        corpusVersion: undefined,
      });
      await telegram.deliverer.kick();
      // Well within the outbox's 30-second lease, after more than one try by the API client.
      expect(performance.now() - started).toBeLessThan(25_000);
      expect(api.state.requests).toBeGreaterThan(1);
      const outbox = () =>
        app.database.pool
          .query<{ state: string; attempts: number; last_error: string | null }>(
            'SELECT state, attempts, last_error FROM outbox WHERE escalation_id = $1',
            [escalation.id],
          )
          .then((r) => r.rows);
      expect(await outbox()).toEqual([{ state: 'pending', attempts: 1, last_error: expect.any(String) }]);

      api.state.down = false;
      await app.database.pool.query(`UPDATE outbox SET next_attempt_at = now() WHERE state = 'pending'`);
      await telegram.deliverer.kick();
      expect(await outbox()).toEqual([{ state: 'delivered', attempts: 2, last_error: expect.any(String) }]);
      await telegram.stopBackground();
    } finally {
      await api.close();
    }
  });
});
