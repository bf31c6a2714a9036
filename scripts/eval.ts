import { readFile, writeFile } from 'node:fs/promises';
import { openApp } from '../src/app.ts';
import { ensureIndexed } from '../src/cli/ensure-indexed.ts';
import { bar, createProgress } from '../src/cli/progress.ts';
import { configFromEnvironment, parseOptions, runCommand } from '../src/cli/run.ts';
import { AppError } from '../src/errors.ts';
import { summarize } from '../src/eval/metrics.ts';
import { parseQaFile } from '../src/eval/qa-file.ts';
import { renderReport, renderSummary } from '../src/eval/report.ts';
import { runEvaluation } from '../src/eval/run.ts';

const USAGE = 'Usage: npm run eval -- [--json] [--file QA.jsonl] [--k 5] [--report eval-report.md]';
const DEFAULT_FILE = 'test/fixtures/qa.heldout.jsonl';

const options = {
  json: { type: 'boolean', default: false },
  file: { type: 'string', default: DEFAULT_FILE },
  k: { type: 'string', default: '5' },
  report: { type: 'string', default: 'eval-report.md' },
} as const;

await runCommand(async () => {
  const values = parseOptions(options, USAGE);
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 50)
    throw new AppError(`--k: expected a whole number from 1 to 50\n${USAGE}`);
  const text = await readFile(values.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new AppError(`${values.file}: cannot read the question set (${error.code})`);
  });
  const items = parseQaFile(text, values.file);
  const config = { ...configFromEnvironment() };
  config.retrievalTopK = k;
  const app = await openApp(config);
  const progress = createProgress();
  try {
    await ensureIndexed(app, config.corpusDir, (line) => process.stderr.write(`${line}\n`));
    const results = await runEvaluation(items, app.trace, k, (done, total) =>
      progress.show(`Asking ${bar(done, total)}`),
    );
    progress.done();
    const summary = summarize(results, k);
    await writeFile(values.report, renderReport(summary, results, values.file));
    process.stderr.write(`Per-question report: ${values.report}\n`);
    process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `${renderSummary(summary)}\n`);
  } finally {
    progress.done();
    await app.close();
  }
});
