import { parseArgs } from 'node:util';
import { openApp } from '../src/app.ts';
import { createProgress, describeReindexProgress } from '../src/cli/progress.ts';
import { renderReindexReport, renderVersions } from '../src/cli/render.ts';
import { configFromEnvironment, runCommand } from '../src/cli/run.ts';
import { AppError } from '../src/errors.ts';

const USAGE = 'Usage: npm run reindex -- [--corpus DIR] [--dry-run] | --list | --rollback';

const options = {
  corpus: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  list: { type: 'boolean', default: false },
  rollback: { type: 'boolean', default: false },
} as const;

await runCommand(async () => {
  let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
  try {
    ({ values } = parseArgs({ options }));
  } catch (error) {
    throw new AppError(`${(error as Error).message}\n${USAGE}`);
  }
  if ([values.list, values.rollback, values['dry-run']].filter(Boolean).length > 1) {
    throw new AppError(`--list, --rollback and --dry-run go one at a time\n${USAGE}`);
  }
  const config = configFromEnvironment();
  const corpusDir = values.corpus ?? config.corpusDir;
  const app = await openApp(config);
  const progress = createProgress();
  try {
    if (values.list) {
      process.stdout.write(`${renderVersions(await app.versions.list())}\n`);
    } else if (values.rollback) {
      const { from, to } = await app.rollback();
      process.stdout.write(`Rolled back: ${to.label} is active again (was ${from.label}).\n`);
    } else {
      const report = await app.reindex(corpusDir, (event) => progress.show(describeReindexProgress(event)), {
        dryRun: values['dry-run'],
      });
      progress.done();
      process.stdout.write(`${renderReindexReport(report)}\n`);
    }
  } finally {
    progress.done();
    await app.close();
  }
});
