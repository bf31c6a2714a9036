import { type App, openApp } from './app.ts';
import { startBot } from './bot/run.ts';
import { ensureIndexed } from './cli/ensure-indexed.ts';
import { configFromEnvironment, runCommand } from './cli/run.ts';
import { terminalChat } from './cli/terminal-chat.ts';
import type { Config } from './config.ts';
import { createRetentionRepository } from './db/retention.ts';
import { createLogger, type Logger } from './logger.ts';
import { createOps } from './ops.ts';
import { composeTelegram } from './telegram.ts';

/** Runs the Telegram bot until SIGINT or SIGTERM, then lets answers in progress finish before closing. */
async function runTelegramBot(
  app: App,
  config: Config,
  token: string,
  log: Logger,
  stopRequested: Promise<NodeJS.Signals>,
): Promise<void> {
  // Questions are counted and timed for /metrics; /healthz and /metrics are served in webhook mode and on
  // METRICS_PORT.
  const ops = createOps(app, log);
  const telegram = composeTelegram(ops.app, config, token, log);
  const running = await startBot(telegram, config.bot, log, ops.endpoints);
  telegram.startBackground();
  const purge = schedulePurge(app, config, log);
  const signal = await stopRequested;
  clearInterval(purge);
  log.info({ signal }, 'stopping: finishing answers in progress');
  // An answer in progress may wait for the model up to its timeout; a little more covers sending it.
  await running.stop(config.llm.timeoutMs + 10_000);
  await telegram.stopBackground();
}

/** Once a day (and at start), what is past its keeping time is deleted; the audit log records the counts. */
const PURGE_EVERY_MS = 24 * 60 * 60_000;
function schedulePurge(app: App, config: Config, log: Logger): NodeJS.Timeout {
  const retention = createRetentionRepository(app.database.pool);
  const purge = () =>
    retention.purge(config.retention).then(
      (counts) => log.info({ ...counts }, 'retention purge'),
      (error: Error) => log.error({ err: error.message }, 'retention purge failed'),
    );
  void purge();
  return setInterval(purge, PURGE_EVERY_MS);
}

/** A stop requested while the bot starts (indexing can take a while) is honoured once it has started. */
function signalled(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

await runCommand(async () => {
  const config = configFromEnvironment();
  const log = createLogger(config.logLevel);
  const stopRequested = config.telegramBotToken ? signalled() : undefined;
  const app = await openApp(config);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    await ensureIndexed(app, config.corpusDir, say);
    if (config.telegramBotToken && stopRequested) {
      await runTelegramBot(app, config, config.telegramBotToken, log, stopRequested);
    } else await terminalChat(app, log, say);
  } finally {
    await app.close();
  }
});
