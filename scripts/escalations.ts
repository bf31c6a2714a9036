import { parseArgs } from 'node:util';
import { openApp } from '../src/app.ts';
import { toCsv } from '../src/cli/csv.ts';
import { configFromEnvironment, runCommand } from '../src/cli/run.ts';
import { createStatsRepository } from '../src/db/stats.ts';
import { AppError } from '../src/errors.ts';

const USAGE = 'Usage: npm run --silent escalations -- [--format csv|json] > escalations.csv';

/** Exports every escalation with its handling (state, claimer, answer, timings) for the coordinators' records. */
await runCommand(async () => {
  let format: string;
  try {
    ({ format } = parseArgs({ options: { format: { type: 'string', default: 'csv' } } }).values as {
      format: string;
    });
  } catch (error) {
    throw new AppError(`${(error as Error).message}\n${USAGE}`);
  }
  if (format !== 'csv' && format !== 'json') throw new AppError(`--format: expected csv or json\n${USAGE}`);
  const app = await openApp(configFromEnvironment());
  try {
    const { columns, rows } = await createStatsRepository(app.database.pool).escalationHistory();
    process.stdout.write(format === 'csv' ? toCsv(columns, rows) : `${JSON.stringify(rows, null, 2)}\n`);
  } finally {
    await app.close();
  }
});
