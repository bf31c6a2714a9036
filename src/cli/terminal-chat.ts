import { createInterface } from 'node:readline/promises';
import type { App } from '../app.ts';
import type { Logger } from '../logger.ts';
import { cleanInput, hasWords } from '../text/clean-input.ts';
import { renderAnswer } from './render.ts';

const WELCOME = `Guidelines assistant: ask a question about the Central Party Office's AI guidelines (Vietnamese, English
or Ukrainian). Empty line or Ctrl-D to quit.
Telegram is not connected: set TELEGRAM_BOT_TOKEN (from @BotFather) and who may use the bot (STAFF_USER_IDS
or STAFF_CHAT_ID) in .env or the environment to run the bot.`;

/** The assistant in a terminal, for a machine without a Telegram token. */
export async function terminalChat(app: App, log: Logger, say: (line: string) => void): Promise<void> {
  say(WELCOME);
  const terminal = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  terminal.setPrompt('\n? ');
  terminal.prompt();
  for await (const line of terminal) {
    if (line.trim() === '') break;
    const question = cleanInput(line);
    if (!hasWords(question)) {
      say('Please type the question in words.');
      terminal.prompt();
      continue;
    }
    const started = performance.now();
    const answer = await app.ask(question);
    log.debug({ kind: answer.kind, ms: Math.round(performance.now() - started) }, 'answered');
    say(renderAnswer(answer));
    terminal.prompt();
  }
  terminal.close();
}
