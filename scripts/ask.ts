import { parseArgs } from 'node:util';
import { openApp } from '../src/app.ts';
import { ensureIndexed } from '../src/cli/ensure-indexed.ts';
import { renderAnswer } from '../src/cli/render.ts';
import { configFromEnvironment, runCommand } from '../src/cli/run.ts';
import { AppError } from '../src/errors.ts';
import { createLogger } from '../src/logger.ts';
import { cleanInput, hasWords } from '../src/text/clean-input.ts';

const USAGE = 'Usage: npm run ask -- [--json] "<question>"';

await runCommand(async () => {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
  } catch (error) {
    throw new AppError(`${(error as Error).message}\n${USAGE}`);
  }
  const question = cleanInput(parsed.positionals.join(' '));
  if (question === '') throw new AppError(`No question given.\n${USAGE}`);
  if (!hasWords(question)) {
    throw new AppError(`The question has no words to look up (only symbols or emoji).\n${USAGE}`);
  }
  const config = configFromEnvironment();
  const log = createLogger(config.logLevel);
  const app = await openApp(config);
  try {
    await ensureIndexed(app, config.corpusDir, (line) => process.stderr.write(`${line}\n`));
    const started = performance.now();
    const answer = await app.ask(question);
    log.debug(
      { kind: answer.kind, mode: answer.mode, ms: Math.round(performance.now() - started) },
      'answered',
    );
    process.stdout.write(parsed.values.json ? `${JSON.stringify(answer)}\n` : `${renderAnswer(answer)}\n`);
  } finally {
    await app.close();
  }
});
