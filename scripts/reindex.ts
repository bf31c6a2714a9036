import { parseArgs } from 'node:util';
import { openApp } from '../src/app.ts';
import { createProgress, describeReindexProgress } from '../src/cli/progress.ts';
import { renderReindexReport } from '../src/cli/render.ts';
import { configFromEnvironment, runCommand } from '../src/cli/run.ts';
import { AppError } from '../src/errors.ts';

const USAGE = 'Usage: npm run reindex -- [--corpus DIR]';

await runCommand(async () => {
  let parsed: ReturnType<typeof parseArgs<{ options: { corpus: { type: 'string' } } }>>;
  try {
    parsed = parseArgs({ options: { corpus: { type: 'string' } } });
  } catch (error) {
    throw new AppError(`${(error as Error).message}\n${USAGE}`);
  }
  const config = configFromEnvironment();
  const corpusDir = parsed.values.corpus ?? config.corpusDir;
  const app = await openApp(config);
  const progress = createProgress();
  try {
    const report = await app.reindex(corpusDir, (event) => progress.show(describeReindexProgress(event)));
    progress.done();
    process.stdout.write(`${renderReindexReport(report)}\n`);
  } finally {
    progress.done();
    await app.close();
  }
});
