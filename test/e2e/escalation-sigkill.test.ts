import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../helpers/backends.ts';
import { startScript } from '../helpers/run-script.ts';

/**
 * The bot as `npm start` runs it (src/main.ts, a separate process, embedded database) against a Telegram Bot
 * API emulator, killed with SIGKILL the moment its reply to an escalated question reaches Telegram, then
 * started again: the acknowledgement and the coordinators' card arrive, each exactly once.
 */
const TOKEN = '123456:escalation-sigkill-token';
const STAFF_ID = 4343;
const COORDINATORS_CHAT_ID = -1_001_777_000_222;
/** A detail the public reports do not give: escalated as not_in_public_reports. */
const QUESTION = 'Who signed the guidelines?';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface BotMessage {
  message: { text?: string; chat_id?: number | string };
  messageId: number;
}

describe('an escalation when the bot process is killed', () => {
  let telegram: InstanceType<typeof TelegramServer>;
  let cwd: string;
  let env: Record<string, string>;

  // The history holds both sides; what the bot sent is stored as the request body, with a chat_id.
  const botMessages = () =>
    (telegram.getUpdatesHistory(TOKEN) as unknown as BotMessage[]).filter(
      (u) => u.message.chat_id !== undefined,
    );
  const sentTo = (chatId: number, prefix: string) =>
    botMessages().filter((m) => Number(m.message.chat_id) === chatId && m.message.text?.startsWith(prefix));
  const acks = () => sentTo(STAFF_ID, 'Your question is now #');
  const cards = () => sentTo(COORDINATORS_CHAT_ID, '<b>Question #');
  const escalatedReplies = () =>
    botMessages().filter(
      (m) => Number(m.message.chat_id) === STAFF_ID && m.message.text?.includes('do not give this detail'),
    );

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    telegram = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
    await telegram.start();
    cwd = await mkdtemp(join(tmpdir(), 'assistant-sigkill-e2e-'));
    env = {
      DATA_DIR: join(cwd, 'data'),
      CORPUS_DIR,
      LOG_LEVEL: 'silent',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.config.apiURL,
      STAFF_USER_IDS: String(STAFF_ID),
      COORDINATOR_CHAT_ID: String(COORDINATORS_CHAT_ID),
      COORDINATOR_LANGUAGE: 'en',
    };
  });

  afterAll(async () => {
    await telegram?.stop();
    await rm(cwd, { recursive: true, force: true });
  });

  it('delivers the acknowledgement and the card exactly once after a SIGKILL right after the reply', async () => {
    const first = startScript('src/main.ts', [], env, cwd);
    // Killed from the emulator's own event, while it stores the reply: the bot has not even heard back.
    let atKill: { acks: number; cards: number } | undefined;
    const killed = new Promise<void>((resolve) => {
      const onMessage = () => {
        if (escalatedReplies().length === 0) return;
        first.child.kill('SIGKILL');
        atKill = { acks: acks().length, cards: cards().length };
        telegram.off('AddedBotMessage', onMessage);
        resolve();
      };
      telegram.on('AddedBotMessage', onMessage);
    });
    try {
      const client = telegram.getClient(TOKEN, { userId: STAFF_ID, chatId: STAFF_ID, firstName: 'Lan' });
      await client.sendMessage(client.makeMessage(QUESTION));
      await Promise.race([
        killed,
        sleep(60_000).then(() => {
          throw new Error(`no escalated reply within 60 s; stderr: ${first.output.stderr}`);
        }),
      ]);
    } finally {
      first.child.kill('SIGKILL');
    }
    expect((await first.result).code).toBeNull();
    // How far the first process got is chance; the outcome must not depend on it.
    console.info(
      `[escalation-sigkill] at the kill the emulator held ${atKill?.acks} acknowledgement(s) and ${atKill?.cards} card(s)`,
    );

    const killedAt = performance.now();
    const second = startScript('src/main.ts', [], env, cwd);
    try {
      // A message the dead process had taken is leased for 30 s before another pass may send it.
      const until = Date.now() + 60_000;
      while ((acks().length === 0 || cards().length === 0) && Date.now() < until) await sleep(100);
      console.info(
        `[escalation-sigkill] both delivered ${Math.round((performance.now() - killedAt) / 1000)} s after the restart began`,
      );
      // The deliverer polls every second: a duplicate would show within a few.
      await sleep(3_000);
      expect(acks().map((m) => m.message.text)).toEqual([expect.stringMatching(/^Your question is now #1 /)]);
      expect(cards()).toHaveLength(1);
      expect(cards()[0]?.message.text).toContain(`<blockquote>${QUESTION}</blockquote>`);
      // The question was handled once: one reply, not a second escalation after the restart.
      expect(escalatedReplies()).toHaveLength(1);
    } finally {
      second.child.kill('SIGTERM');
      const { code, stderr } = await second.result;
      expect(code, stderr).toBe(0);
    }
  }, 150_000);
});
