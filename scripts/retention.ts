import { parseArgs } from 'node:util';
import { openApp } from '../src/app.ts';
import { configFromEnvironment, runCommand } from '../src/cli/run.ts';
import { createRetentionRepository, type PurgeCounts } from '../src/db/retention.ts';
import { AppError } from '../src/errors.ts';

const USAGE = 'Usage: npm run retention -- [--dry-run]';

const describe = (counts: PurgeCounts) =>
  `${counts.exchanges} question(s) with their answers, ${counts.feedback} feedback record(s), ` +
  `${counts.escalations} closed escalation(s), ${counts.deliveredMessages} delivered message(s)`;

/** Deletes what is past its keeping time (RETENTION_DAYS, ESCALATION_RETENTION_DAYS); --dry-run only shows it. */
await runCommand(async () => {
  let dryRun: boolean;
  try {
    ({ 'dry-run': dryRun } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } })
      .values as {
      'dry-run': boolean;
    });
  } catch (error) {
    throw new AppError(`${(error as Error).message}\n${USAGE}`);
  }
  const config = configFromEnvironment();
  const app = await openApp(config);
  try {
    const retention = createRetentionRepository(app.database.pool);
    const policy = `older than ${config.retention.days} days; escalations ${config.retention.escalationDays} days after closing`;
    if (dryRun) {
      process.stdout.write(
        `Would delete ${describe(await retention.preview(config.retention))} (${policy}).\n`,
      );
    } else {
      process.stdout.write(`Deleted ${describe(await retention.purge(config.retention))} (${policy}).\n`);
    }
  } finally {
    await app.close();
  }
});
