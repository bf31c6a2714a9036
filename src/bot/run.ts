import { createServer, type Server } from 'node:http';
import { run } from '@grammyjs/runner';
import { webhookCallback } from 'grammy';
import type { BotConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { type OpsEndpoints, serveOps } from '../ops-endpoints.ts';
import type { AssistantBot } from './bot.ts';

/** Updates the bot handles; everything else Telegram could send is not asked for. */
const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;

export interface RunningBot {
  /** Stops taking updates, lets the answers in progress finish (up to `graceMs`), then resolves. */
  stop(graceMs: number): Promise<void>;
}

/**
 * Long polling through grammY's runner (concurrent across chats), or a webhook server for several replicas
 * behind a load balancer: Telegram's secret token is checked on every request. `ops` (GET /healthz and
 * /metrics) is served by the webhook server, and on METRICS_PORT in either mode when that is set.
 */
export async function startBot(
  assistant: AssistantBot,
  config: BotConfig,
  log: Logger,
  ops?: OpsEndpoints,
): Promise<RunningBot> {
  const { bot } = assistant;
  await bot.init();
  // Before the bot takes updates, so that a port already taken stops the start rather than a running bot.
  const opsServer = ops && config.metricsPort ? await serveOps(ops, config.metricsPort) : undefined;
  const closeOps = () =>
    new Promise<void>((resolve) => (opsServer ? opsServer.close(() => resolve()) : resolve()));
  try {
    const running =
      config.mode === 'webhook'
        ? await startWebhook(assistant, config, log, ops)
        : await startPolling(assistant, log);
    if (opsServer) log.info({ port: config.metricsPort }, 'health and metrics served');
    return {
      async stop(graceMs) {
        await running.stop(graceMs);
        await closeOps();
      },
    };
  } catch (error) {
    await closeOps();
    throw error;
  }
}

async function startPolling({ bot, inFlight }: AssistantBot, log: Logger): Promise<RunningBot> {
  await bot.api.deleteWebhook();
  const runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
  log.info({ bot: bot.botInfo.username, mode: 'polling' }, 'bot started');
  return {
    async stop(graceMs) {
      if (runner.isRunning()) await runner.stop();
      await inFlight.idle(graceMs);
    },
  };
}

async function startWebhook(
  { bot, inFlight }: AssistantBot,
  config: BotConfig,
  log: Logger,
  ops: OpsEndpoints | undefined,
): Promise<RunningBot> {
  const { url, secret, port } = config.webhook;
  if (!url || !secret) throw new Error('webhook mode needs WEBHOOK_URL and WEBHOOK_SECRET'); // config checks this
  const path = new URL(url).pathname;
  // A model-composed answer can outlast grammY's 10 s default; a failed request would make Telegram deliver the
  // update again (a second answer), so the request ends at 10 s and the answer goes on in the background.
  const handle = webhookCallback(bot, 'http', { secretToken: secret, onTimeout: 'return' });
  const server: Server = createServer((req, res) => {
    if (ops?.handle(req, res)) return;
    if (req.method !== 'POST' || req.url !== path) return void res.writeHead(404).end();
    // grammY answers 401 itself when the secret token header is missing or wrong.
    handle(req, res).catch((error: Error) => {
      log.error({ err: { name: error.name, message: error.message } }, 'webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  log.info({ bot: bot.botInfo.username, mode: 'webhook', port }, 'bot started');
  return {
    async stop(graceMs) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await inFlight.idle(graceMs);
    },
  };
}
