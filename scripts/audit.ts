import { parseArgs } from 'node:util';
import { openApp } from '../src/app.ts';
import { toCsv } from '../src/cli/csv.ts';
import { configFromEnvironment, runCommand } from '../src/cli/run.ts';
import { createAuditRepository } from '../src/db/audit.ts';
import { AppError } from '../src/errors.ts';

const USAGE = 'Usage: npm run --silent audit -- [--days 90] [--format csv|json] > audit.csv';

/** Exports the audit log: who escalated, claimed, answered, published, re-indexed; refusals; purges. */
await runCommand(async () => {
  let values: { days: string; format: string };
  try {
    values = parseArgs({
      options: { days: { type: 'string', default: '90' }, format: { type: 'string', default: 'csv' } },
    }).values as { days: string; format: string };
  } catch (error) {
    throw new AppError(`${(error as Error).message}\n${USAGE}`);
  }
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1)
    throw new AppError(`--days: expected a whole number of days\n${USAGE}`);
  if (values.format !== 'csv' && values.format !== 'json')
    throw new AppError(`--format: expected csv or json\n${USAGE}`);
  const app = await openApp(configFromEnvironment());
  try {
    const { columns, rows } = await createAuditRepository(app.database.pool).export(days);
    process.stdout.write(
      values.format === 'csv' ? toCsv(columns, rows) : `${JSON.stringify(rows, null, 2)}\n`,
    );
  } finally {
    await app.close();
  }
});
