import { openApp } from '../src/app.ts';
import { createProgress } from '../src/cli/progress.ts';
import { reindexAndCheck, reindexJson } from '../src/cli/reindex-run.ts';
import { renderReindexReport, renderVersions } from '../src/cli/render.ts';
import { qualityWarning, renderQuality } from '../src/cli/render-quality.ts';
import { configFromEnvironment, parseOptions, runCommand } from '../src/cli/run.ts';
import { AppError } from '../src/errors.ts';

const USAGE =
  'Usage: npm run reindex -- [--corpus DIR] [--dry-run] [--no-quality-check] [--quality-set QA.jsonl] [--json] | --list | --rollback';
const ROLLBACK = '`npm run reindex -- --rollback`';

const options = {
  corpus: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  list: { type: 'boolean', default: false },
  rollback: { type: 'boolean', default: false },
  'no-quality-check': { type: 'boolean', default: false },
  'quality-set': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

await runCommand(async () => {
  const values = parseOptions(options, USAGE);
  if ([values.list, values.rollback, values['dry-run']].filter(Boolean).length > 1) {
    throw new AppError(`--list, --rollback and --dry-run go one at a time\n${USAGE}`);
  }
  if (
    (values.list || values.rollback) &&
    (values.json || values['quality-set'] || values['no-quality-check'])
  ) {
    throw new AppError(`--json and the quality-check options go with a re-index or a dry run\n${USAGE}`);
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
      const run = await reindexAndCheck(
        app,
        corpusDir,
        {
          dryRun: values['dry-run'],
          qualityCheck: !values['no-quality-check'],
          ...(values['quality-set'] ? { questionSet: values['quality-set'] } : {}),
        },
        (line) => progress.show(line),
      );
      progress.done();
      if (values.json) {
        process.stdout.write(`${JSON.stringify(reindexJson(run))}\n`);
        // Machines read stdout; a person watching the run still sees the warning.
        const warning = qualityWarning(run.quality, ROLLBACK);
        if (warning) process.stderr.write(`${warning}\n`);
      } else {
        process.stdout.write(`${renderReindexReport(run.report)}\n${renderQuality(run.quality, ROLLBACK)}\n`);
      }
    }
  } finally {
    progress.done();
    await app.close();
  }
});
