import { createInterface } from 'node:readline/promises';
import { openApp } from './app.ts';
import { ensureIndexed } from './cli/ensure-indexed.ts';
import { renderAnswer } from './cli/render.ts';
import { configFromEnvironment, runCommand } from './cli/run.ts';
import { createLogger } from './logger.ts';

const WELCOME = `Guidelines assistant: ask a question about the Central Party Office's AI guidelines (Vietnamese, English
or Ukrainian). Empty line or Ctrl-D to quit.
Telegram is not connected: set TELEGRAM_BOT_TOKEN (from @BotFather) in .env or the environment to run the bot.`;

await runCommand(async () => {
  const config = configFromEnvironment();
  const log = createLogger(config.logLevel);
  const app = await openApp(config);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    await ensureIndexed(app, config.corpusDir, say);
    if (config.telegramBotToken) {
      say(
        'TELEGRAM_BOT_TOKEN is set, but the Telegram bot is not part of this build yet; opening the terminal chat.',
      );
    }
    say(WELCOME);
    const terminal = createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: process.stdin.isTTY,
    });
    terminal.setPrompt('\n? ');
    terminal.prompt();
    for await (const line of terminal) {
      const question = line.trim();
      if (question === '') break;
      const started = performance.now();
      const answer = await app.ask(question);
      log.debug({ kind: answer.kind, ms: Math.round(performance.now() - started) }, 'answered');
      say(renderAnswer(answer));
      terminal.prompt();
    }
    terminal.close();
  } finally {
    await app.close();
  }
});
