import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { type BenchPlan, benchBackend } from '../src/bench/backend.ts';
import { latencyChartSvg } from '../src/bench/chart.ts';
import {
  dropServerDatabase,
  embeddedDatabase,
  probeServer,
  type ServerInfo,
  serverDatabase,
} from '../src/bench/databases.ts';
import type { BackendFigures, BenchFigures } from '../src/bench/figures.ts';
import { currentLoad, describeMachine } from '../src/bench/machine.ts';
import { renderReport } from '../src/bench/report.ts';
import { chartGroups } from '../src/bench/report-tables.ts';
import { judgeTargets } from '../src/bench/targets.ts';
import { compile } from '../src/build/compile.ts';
import { createProgress } from '../src/cli/progress.ts';
import { parseOptions, readEnvironment, runCommand } from '../src/cli/run.ts';
import { parseQaFile } from '../src/eval/qa-file.ts';

const USAGE =
  'Usage: npm run bench -- [--json] [--quick] [--fresh] [--report docs/benchmarks.md] [--cache DIR]\n' +
  'BENCH_DATABASE_URL: the PostgreSQL server to measure too (default the local one)';
const DEFAULT_SERVER = 'postgres://assistant:assistant@127.0.0.1:5432/assistant_test';
const DEFAULT_REPORT = 'docs/benchmarks.md';
// The development question set: every qa.*.jsonl file of the tests' fixtures.
const QA_DIR = join(import.meta.dirname, '..', 'test', 'fixtures');

const options = {
  json: { type: 'boolean', default: false },
  quick: { type: 'boolean', default: false },
  fresh: { type: 'boolean', default: false },
  report: { type: 'string' },
  cache: { type: 'string', default: join(tmpdir(), 'guidelines-assistant-bench') },
} as const;

/** Full: the sizes. Quick: tiny sizes so that a test can check every figure is there. */
function planFor(
  quick: boolean,
  items: BenchPlan['items'],
  cache: string,
  fresh: boolean,
  corpusDir: string,
) {
  const common = { corpusDir, workDir: join(cache, 'work'), fresh };
  if (quick) {
    const plan = {
      ...common,
      items: items.filter((_, i) => i % 12 === 0),
      repeat: 1,
      exactQuestions: 3,
      acrossCorpusQuestions: 3,
      efSearchSweep: [40],
      bot: { sequential: 4, chats: 3, questionsPerChat: 2, runs: 1 },
    };
    return { embedded: { ...plan, sizes: [600] }, server: { ...plan, sizes: [600], compareTsx: true } };
  }
  // Recall across the corpus from 100 questions, not 40: one question's miss moves it by 0.001, not 0.0025.
  const plan = {
    ...common,
    items,
    repeat: 2,
    exactQuestions: 40,
    acrossCorpusQuestions: 100,
    efSearchSweep: [40, 100, 200, 400],
  };
  // 40 questions per chat: 2,000 in all keep the load on for several collections of V8's heap, so the peak RSS
  // and the throughput are those of a bot that has been busy for a while, not of its first seconds.
  const bot = { sequential: items.length, chats: 50, questionsPerChat: 40, runs: 1 };
  // 100,000 passages take the embedded database longer to build than the whole run may take. The server's
  // bot, which the throughput target is about, runs three times (see measureBotRuns).
  return {
    embedded: { ...plan, bot, sizes: [10_000] },
    server: { ...plan, bot: { ...bot, runs: 3 }, sizes: [10_000, 100_000], compareTsx: true },
  };
}

await runCommand(async () => {
  const values = parseOptions(options, USAGE);
  const env = readEnvironment();
  const started = performance.now();
  const machine = describeMachine();
  const files = (await readdir(QA_DIR)).filter((f) => /^qa\..+\.jsonl$/.test(f)).sort();
  const items = (
    await Promise.all(
      files.map(async (file) => parseQaFile(await readFile(join(QA_DIR, file), 'utf8'), file)),
    )
  ).flat();
  const corpusDir = env.CORPUS_DIR || './corpus';
  const plans = planFor(values.quick, items, values.cache, values.fresh, corpusDir);
  const progress = createProgress();
  const say = (backend: string) => (text: string) => progress.show(`${backend}: ${text}`);

  // The bot is measured as the production image runs it: compiled to dist/.
  progress.show('compiling the bot (npm run build)');
  await compile();

  const serverUrl = env.BENCH_DATABASE_URL || DEFAULT_SERVER;
  const probe = await probeServer(serverUrl);
  if ('unreachable' in probe) {
    process.stderr.write(
      `\n*** PostgreSQL server at ${probe.where} is NOT reachable (${probe.unreachable}): only the embedded ` +
        'database is measured, and the targets (set for a real server) are judged on it. ' +
        'Set BENCH_DATABASE_URL to measure a server. ***\n\n',
    );
  }
  try {
    const embedded = await benchBackend(
      (name, empty) => embeddedDatabase(values.cache, name, empty),
      plans.embedded,
      say('embedded'),
    );
    // A quick run (the test suite's) uses databases of its own and drops them, so it never meets a full
    // run's cached corpora nor another quick run.
    const prefix = values.quick ? `quick_${process.pid}_` : '';
    const opened = new Set<string>();
    const openServer = (name: string, empty: boolean) => {
      opened.add(prefix + name);
      return serverDatabase(probe as ServerInfo, prefix + name, empty);
    };
    let server: BackendFigures | null = null;
    try {
      server = 'unreachable' in probe ? null : await benchBackend(openServer, plans.server, say('server'));
    } finally {
      if (values.quick && !('unreachable' in probe)) {
        for (const name of opened) await dropServerDatabase(probe, name);
      }
    }
    progress.done();
    const judged = server ?? embedded;
    const largest = Math.max(...(server ? plans.server : plans.embedded).sizes);
    machine.loadAverage.end = currentLoad();
    const figures: BenchFigures = {
      quick: values.quick,
      machine,
      postgres:
        'unreachable' in probe
          ? probe
          : {
              where: probe.where,
              version: probe.version,
              pgvector: probe.pgvector,
              sharedBuffers: probe.sharedBuffers,
            },
      embedded,
      server,
      sizes: { embedded: plans.embedded.sizes, server: server ? plans.server.sizes : [] },
      targets: { backend: server ? 'server' : 'embedded', results: judgeTargets(judged, largest) },
      seconds: Math.round((performance.now() - started) / 1000),
    };
    const report = values.report ?? (values.quick ? undefined : DEFAULT_REPORT);
    if (report) {
      const chart = `${report.replace(/\.md$/, '')}.svg`;
      await mkdir(dirname(report), { recursive: true });
      const title = 'Retrieval latency p95 (ms) by backend and corpus';
      await writeFile(chart, latencyChartSvg(title, chartGroups(figures), 15));
      await writeFile(report, renderReport(figures, basename(chart)));
      process.stderr.write(`Report: ${report} (chart ${chart})\n`);
    }
    if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
    else {
      const lines = figures.targets.results.map(
        (t) => `${t.pass ? 'pass' : 'MISS'}  ${t.name}: ${t.value ?? '—'} ${t.unit} (target ${t.target})`,
      );
      process.stdout.write(`Targets (${figures.targets.backend}):\n${lines.join('\n')}\n`);
    }
  } finally {
    progress.done();
  }
});
