import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendFigures, BenchFigures } from '../../src/bench/figures.ts';
import { CORPUS_DIR } from '../helpers/backends.ts';
import { runScript, type ScriptResult } from '../helpers/run-script.ts';

/** Every figure the issue asks for, as paths into one backend's figures. */
const FIGURES = [
  'indexing.passagesPerSecond',
  'indexing.unchangedSeconds.0',
  'retrieval.real.hybrid.p95',
  'retrieval.real.hybridFirstAsked.p95',
  'retrieval.real.vectorHnsw.p99',
  'retrieval.real.vectorExact.p50',
  'retrieval.real.fullText.p50',
  'retrieval.real.hnswRecallAt10',
  'retrieval.real.devRecallAt5',
  'overhead.perQuestion.p95',
  'bot.perQuestion.p95',
  'bot.concurrent.perSecond',
  'bot.restRssMb',
  'bot.peakRssMb',
  'prompt.ours.mean',
  'prompt.plainTopK.mean',
  'prompt.ratio',
  'langchain.ratios.latencyP50',
  'langchain.ratios.recallAt5',
  'langchain.langchain.recallAt5',
];

const at = (figures: unknown, path: string) =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], figures);

function missing(figures: BackendFigures, sizes: number[]): string[] {
  const paths = [
    ...FIGURES,
    ...sizes.flatMap((size) => [
      `retrieval.generated.${size}.hybrid.p99`,
      `retrieval.generated.${size}.hnswRecallAt10`,
      `retrieval.generated.${size}.hnswRecallAt10AcrossCorpus`,
      `retrieval.generated.${size}.hnswMisses.passages`,
      `retrieval.generated.${size}.hnswMisses.generated`,
    ]),
  ];
  return paths.filter((path) => !Number.isFinite(at(figures, path)));
}

/**
 * `npm run bench -- --quick` with tiny sizes, so the harness cannot rot: every figure is printed. The real
 * server is measured when DATABASE_URL points at one (as in CI); otherwise the run must say so loudly.
 */
describe('npm run bench -- --quick --json', () => {
  let cwd: string;
  let result: ScriptResult;
  const server = process.env.DATABASE_URL;

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'assistant-bench-'));
    const env = {
      CORPUS_DIR,
      BENCH_DATABASE_URL: server ?? 'postgres://nobody:nothing@127.0.0.1:1/none',
    };
    result = await runScript('scripts/bench.ts', ['--quick', '--json', '--cache', join(cwd, 'cache')], env, {
      cwd,
    });
  }, 300_000);
  afterAll(() => rm(cwd, { recursive: true, force: true }));

  it('finishes and prints one JSON object with every figure of the embedded database', () => {
    expect(result.stderr).not.toMatch(/Unexpected error/);
    expect(result.code).toBe(0);
    const figures = JSON.parse(result.stdout) as BenchFigures;
    expect(missing(figures.embedded, figures.sizes.embedded)).toEqual([]);
    expect(figures.targets.results.length).toBe(8);
    expect(figures.machine.cores).toBeGreaterThan(0);
    // The cache folder is new: the embedded corpus was built, and PGlite's superuser forced its pages to disk.
    expect(Object.values(figures.embedded.corpusBuilds).map((c) => [c.built, c.writtenBack])).toEqual([
      [true, true],
    ]);
  });

  it.runIf(server)('measures the real server in the same run', () => {
    const figures = JSON.parse(result.stdout) as BenchFigures;
    expect(figures.server).not.toBeNull();
    expect(missing(figures.server as BackendFigures, figures.sizes.server)).toEqual([]);
    expect(figures.targets.backend).toBe('server');
    // The bot compiled (as the production image runs it) and from the sources under tsx, side by side.
    expect(figures.server?.botUnderTsx?.peakRssMb).toBeGreaterThan(0);
    // Whether the role may force a checkpoint is the server's affair; what it did is reported either way.
    for (const build of Object.values(figures.server?.corpusBuilds ?? {})) {
      expect(typeof build.writtenBack).toBe(build.built ? 'boolean' : 'undefined');
    }
  });

  it.skipIf(server)('says loudly that the server is unreachable and judges the embedded figures', () => {
    expect(result.stderr).toMatch(/NOT reachable/);
    const figures = JSON.parse(result.stdout) as BenchFigures;
    expect(figures.server).toBeNull();
    expect(figures.targets.backend).toBe('embedded');
  });
});
