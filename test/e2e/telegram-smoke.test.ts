import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../helpers/backends.ts';
import { type FakeModelServer, startFakeModelServer } from '../helpers/fake-model-server.ts';
import { startScript } from '../helpers/run-script.ts';
import { passagesInPrompt, quotingReply, userMessageOf } from '../helpers/scripted-replies.ts';

/**
 * The bot as `npm start` runs it (src/main.ts, a separate process), talking HTTP to a Telegram Bot API
 * emulator on loopback, with a simulated staff member asking.
 */
const TOKEN = '123456:smoke-test-token';
const STAFF_ID = 4242;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface BotMessage {
  message: { text?: string; chat_id?: number | string; reply_markup?: unknown };
  messageId: number;
}

describe('the bot against a Telegram Bot API emulator', () => {
  let telegram: InstanceType<typeof TelegramServer>;
  let model: FakeModelServer;
  let cwd: string;
  let env: Record<string, string>;

  // The history holds both sides; what the bot sent is stored as the request body, with a chat_id.
  const botMessages = () =>
    (telegram.getUpdatesHistory(TOKEN) as unknown as BotMessage[]).filter(
      (u) => u.message.chat_id !== undefined,
    );

  async function waitFor<T>(find: () => T | undefined, ms: number): Promise<T> {
    const until = Date.now() + ms;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > until) throw new Error('timed out waiting for the bot');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    telegram = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
    await telegram.start();
    model = await startFakeModelServer();
    cwd = await mkdtemp(join(tmpdir(), 'assistant-bot-e2e-'));
    env = {
      DATA_DIR: join(cwd, 'data'),
      CORPUS_DIR,
      LOG_LEVEL: 'silent',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.config.apiURL,
      STAFF_USER_IDS: String(STAFF_ID),
    };
  });

  afterAll(async () => {
    await telegram?.stop();
    await model?.stop();
    await rm(cwd, { recursive: true, force: true });
  });

  it('answers a staff member in a private chat with quoted passages and feedback buttons', async () => {
    const bot = startScript('src/main.ts', [], env, cwd);
    try {
      const client = telegram.getClient(TOKEN, { userId: STAFF_ID, chatId: STAFF_ID, firstName: 'Lan' });
      await client.sendMessage(
        client.makeMessage('Có được đưa thông tin thuộc bí mật nhà nước vào ChatGPT không?'),
      );
      const reply = await waitFor(
        () => botMessages().find((m) => m.message.text?.includes('bí mật nhà nước')),
        60_000,
      );
      expect(reply.message.text).toContain('<blockquote>');
      expect(
        JSON.stringify(reply.message.reply_markup ?? botMessages().at(-1)?.message.reply_markup),
      ).toMatch(/up:\d+/);
    } finally {
      bot.child.kill('SIGTERM');
      expect((await bot.result).code).toBe(0);
    }
  });

  it('finishes the answer in flight when stopped with SIGTERM, then exits 0', async () => {
    // A slow model keeps the answer in flight long enough to stop the bot in the middle of it.
    model.behaviour = 'slow';
    model.delayMs = 2_500;
    model.chatReply = (body) => quotingReply(passagesInPrompt(userMessageOf(body)));
    const bot = startScript(
      'src/main.ts',
      [],
      { ...env, LLM_PROVIDER: 'ollama', LLM_BASE_URL: model.url, LLM_MODEL: 'slow', LLM_TIMEOUT_MS: '10000' },
      cwd,
    );
    const client = telegram.getClient(TOKEN, { userId: STAFF_ID, chatId: STAFF_ID, firstName: 'Lan' });
    const before = botMessages().length;
    await client.sendMessage(
      client.makeMessage('Can I paste a state-secret document into a public AI chatbot?'),
    );
    // The progress note means the answer is being composed.
    const note = await waitFor(
      () =>
        botMessages()
          .slice(before)
          .find((m) => /composing/.test(m.message.text ?? '')),
      60_000,
    );
    bot.child.kill('SIGTERM');
    const { code } = await bot.result;
    expect(code).toBe(0);
    const edited = botMessages().find((m) => m.messageId === note.messageId);
    expect(edited?.message.text).toMatch(/\[1\]/);
    expect(edited?.message.text).toContain('<blockquote>');
  });
});
