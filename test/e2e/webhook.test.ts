import { createServer } from 'node:net';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.ts';
import { type RunningBot, startBot } from '../../src/bot/run.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { composeTelegram } from '../../src/telegram.ts';
import { BACKENDS, CORPUS_DIR, type TestDatabase } from '../helpers/backends.ts';

/** Webhook mode: Telegram's secret token is required on every request, and an update with it is answered. */
const TOKEN = '654321:webhook-test-token';
const SECRET = 'a-webhook-secret-of-enough-length';
const STAFF_ID = 777;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('the bot in webhook mode', () => {
  let telegram: TelegramServer;
  let db: TestDatabase;
  let app: App;
  let running: RunningBot;
  let hook: string;

  const post = (secret: string | undefined) =>
    fetch(hook, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
      },
      body: JSON.stringify({
        update_id: 1,
        message: {
          message_id: 1,
          date: 1_700_000_000,
          chat: { id: STAFF_ID, type: 'private', first_name: 'Lan' },
          from: { id: STAFF_ID, is_bot: false, first_name: 'Lan', language_code: 'en' },
          text: '/help',
        },
      }),
    });

  beforeAll(async () => {
    telegram = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
    await telegram.start();
    const backend = BACKENDS[0];
    if (!backend) throw new Error('no embedded backend');
    db = await backend.create();
    app = await openApp(db.config);
    await app.reindex(CORPUS_DIR);
    const port = await freePort();
    hook = `http://127.0.0.1:${port}/telegram/hook`;
    const fullConfig = loadConfig({
      ...db.env,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.config.apiURL,
      STAFF_USER_IDS: String(STAFF_ID),
      BOT_MODE: 'webhook',
      WEBHOOK_URL: `https://bot.example.org/telegram/hook`,
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_PORT: String(port),
    });
    const config = fullConfig.bot;
    const log = createLogger('silent');
    const bot = composeTelegram(app, fullConfig, TOKEN, log, { pace: false });
    running = await startBot(bot, config, log);
  });

  afterAll(async () => {
    await running?.stop(1_000);
    await app?.close();
    await db?.drop();
    await telegram?.stop();
  });

  it('rejects a request without the secret token, or with a wrong one', async () => {
    expect((await post(undefined)).status).toBe(401);
    expect((await post('not-the-secret-token-at-all')).status).toBe(401);
  });

  it('answers an update that carries the secret token', async () => {
    const before = telegram.getUpdatesHistory(TOKEN).length;
    expect((await post(SECRET)).status).toBe(200);
    const sent = telegram.getUpdatesHistory(TOKEN).slice(before) as unknown as {
      message: { text?: string };
    }[];
    expect(sent.some((m) => m.message.text?.includes('/lang'))).toBe(true);
  });
});
