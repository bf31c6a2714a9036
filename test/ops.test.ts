import { createServer as createNetServer } from 'node:net';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../src/app.ts';
import { type RunningBot, startBot } from '../src/bot/run.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createOps } from '../src/ops.ts';
import { serveOps } from '../src/ops-endpoints.ts';
import { composeTelegram } from '../src/telegram.ts';
import { BACKENDS, CORPUS_DIR } from './helpers/backends.ts';
import { BOT_INFO, fakeTelegram, person, updates } from './helpers/telegram.ts';

/** GET /healthz and /metrics over real HTTP: on the webhook server, on METRICS_PORT, and with the database gone. */
const TOKEN = '654321:ops-test-token';
const SECRET = 'an-ops-test-secret-of-enough-length';
const STAFF_ID = 424_242_424;
const QUESTION = 'Có được đưa thông tin thuộc bí mật nhà nước vào ChatGPT không?';
const STAMPED = 'TUYỆT MẬT\nKế hoạch công tác năm 2026 của ban, hãy tóm tắt giúp tôi';
const log = createLogger('silent');

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const get = (port: number, path: string) => fetch(`http://127.0.0.1:${port}${path}`);

/** One sample's value from the exposition text, e.g. `assistant_questions_total{kind="answered",language="vi"}`. */
function sample(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(BACKENDS)('health and metrics ($name)', (backend) => {
  let app: App;
  let drop: () => Promise<void>;
  let env: Record<string, string>;

  beforeAll(async () => {
    const db = await backend.create();
    drop = db.drop;
    env = db.env;
    app = await openApp(db.config, { chatModel: null });
    await app.reindex(CORPUS_DIR);
  });

  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  /** The bot as `npm start` assembles it, on a fake Telegram; getUpdates answers nothing after a short wait. */
  async function startAssistant(extra: Record<string, string>) {
    const config = loadConfig({
      ...env,
      TELEGRAM_BOT_TOKEN: TOKEN,
      STAFF_USER_IDS: String(STAFF_ID),
      ...extra,
    });
    const ops = createOps(app, log);
    const telegram = composeTelegram(ops.app, config, TOKEN, log, { pace: false, botInfo: BOT_INFO });
    const tg = fakeTelegram(telegram.bot);
    telegram.bot.api.config.use(async (prev, method, payload, signal) => {
      if (method !== 'getUpdates') return prev(method, payload, signal);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { ok: true, result: [] } as never;
    });
    const running = await startBot(telegram, config.bot, log, ops.endpoints);
    return { running, tg };
  }

  describe('in webhook mode', () => {
    let running: RunningBot;
    let webhookPort: number;
    let metricsPort: number;
    const post = (update: Update, secret: string | undefined) =>
      fetch(`http://127.0.0.1:${webhookPort}/telegram/hook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
        },
        body: JSON.stringify(update),
      });

    beforeAll(async () => {
      webhookPort = await freePort();
      metricsPort = await freePort();
      ({ running } = await startAssistant({
        BOT_MODE: 'webhook',
        WEBHOOK_URL: 'https://bot.example.org/telegram/hook',
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_PORT: String(webhookPort),
        METRICS_PORT: String(metricsPort),
      }));
    });

    afterAll(async () => {
      await running?.stop(1_000);
    });

    it('answers /healthz with 200, the database reachable and the active corpus version', async () => {
      const active = await app.versions.active();
      for (const port of [webhookPort, metricsPort]) {
        const response = await get(port, '/healthz');
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/json');
        expect(await response.json()).toEqual({
          status: 'ok',
          database: 'reachable',
          corpusVersion: active?.label,
        });
      }
    });

    it('serves /metrics in the Prometheus text format with process and assistant metrics', async () => {
      for (const port of [webhookPort, metricsPort]) {
        const response = await get(port, '/metrics?scrape=1');
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
        const body = await response.text();
        expect(sample(body, 'process_resident_memory_bytes')).toBeGreaterThan(0);
        expect(sample(body, 'assistant_database_up')).toBe(1);
        expect(sample(body, 'assistant_corpus_chunks')).toBeGreaterThan(0);
        expect(sample(body, 'assistant_escalations_open{state="open"}')).toBe(0);
        expect(sample(body, 'assistant_outbox_messages{state="failed"}')).toBe(0);
        expect(sample(body, 'assistant_guard_refusals_total{category="state_secret"}')).toBe(0);
        // No model configured: no breaker to report.
        expect(body).not.toContain('assistant_model_circuit_state{');
      }
    });

    it('still rejects a webhook request without the secret token, and serves nothing else', async () => {
      const update = updates.text(person(STAFF_ID, 'vi'), QUESTION);
      expect((await post(update, undefined)).status).toBe(401);
      expect((await post(update, 'not-the-secret-token-at-all')).status).toBe(401);
      expect((await get(webhookPort, '/telegram/hook')).status).toBe(404);
      expect((await get(metricsPort, '/telegram/hook')).status).toBe(404);
      const before = await (await get(metricsPort, '/metrics')).text();
      expect(sample(before, 'assistant_questions_total{kind="answered",language="vi"}')).toBe(0);
    });

    it('counts and times a question, and a refusal by category, with nothing sensitive in the output', async () => {
      const asker = person(STAFF_ID, 'vi');
      expect((await post(updates.text(asker, QUESTION), SECRET)).status).toBe(200);
      expect((await post(updates.text(asker, STAMPED), SECRET)).status).toBe(200);
      const body = await (await get(metricsPort, '/metrics')).text();
      expect(sample(body, 'assistant_questions_total{kind="answered",language="vi"}')).toBe(1);
      expect(sample(body, 'assistant_questions_total{kind="refused",language="vi"}')).toBe(1);
      expect(sample(body, 'assistant_guard_refusals_total{category="state_secret"}')).toBe(1);
      expect(sample(body, 'assistant_answer_duration_seconds_count{mode="extractive"}')).toBe(1);
      expect(sample(body, 'assistant_answer_duration_seconds_sum{mode="extractive"}')).toBeGreaterThan(0);
      expect(sample(body, 'assistant_model_fallbacks_total')).toBe(0);
      // The assistant's own series and labels: process metrics are numbers that may hold any digits.
      const own = body
        .split('\n')
        .filter((line) => !/^(process|nodejs)_/.test(line) && !/^# \w+ (process|nodejs)_/.test(line))
        .join('\n');
      for (const secret of [String(STAFF_ID), 'ChatGPT', 'bí mật', 'TUYỆT MẬT', 'Kế hoạch', TOKEN, SECRET]) {
        expect(own).not.toContain(secret);
      }
      const health = await (await get(metricsPort, '/healthz')).text();
      expect(health).not.toContain(String(STAFF_ID));
    });
  });

  describe('in polling mode with METRICS_PORT', () => {
    it('serves /healthz and /metrics until the bot stops', async () => {
      const metricsPort = await freePort();
      const { running, tg } = await startAssistant({ METRICS_PORT: String(metricsPort) });
      try {
        expect(tg.calls.map((c) => c.method)).toContain('deleteWebhook');
        expect((await get(metricsPort, '/healthz')).status).toBe(200);
        const body = await (await get(metricsPort, '/metrics')).text();
        expect(sample(body, 'assistant_database_up')).toBe(1);
        expect((await get(metricsPort, '/')).status).toBe(404);
      } finally {
        await running.stop(1_000);
      }
      await expect(get(metricsPort, '/healthz')).rejects.toThrow();
    });
  });

  describe('with the database gone', () => {
    it('answers 503 before the first index and when the database is closed; /metrics says so', async () => {
      const db = await backend.create();
      const fresh = await openApp(db.config, { chatModel: null });
      const ops = createOps(fresh, log);
      const server = await serveOps(ops.endpoints, await freePort());
      const { port } = server.address() as { port: number };
      try {
        const unindexed = await get(port, '/healthz');
        expect(unindexed.status).toBe(503);
        expect(await unindexed.json()).toEqual({
          status: 'unavailable',
          database: 'reachable',
          corpusVersion: null,
        });
        await fresh.close();
        const closed = await get(port, '/healthz');
        expect(closed.status).toBe(503);
        expect(await closed.json()).toEqual({
          status: 'unavailable',
          database: 'unreachable',
          corpusVersion: null,
        });
        const metrics = await get(port, '/metrics');
        expect(metrics.status).toBe(200);
        const body = await metrics.text();
        expect(sample(body, 'assistant_database_up')).toBe(0);
        expect(body).not.toContain('assistant_outbox_messages{');
        expect(sample(body, 'assistant_questions_total{kind="answered",language="vi"}')).toBe(0);
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.drop();
      }
    });
  });
});
