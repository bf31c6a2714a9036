import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DIST_DIR } from '../build/compile.ts';
import type { BotFigures, BotJob } from './bot-process.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/**
 * How the bot is started: `compiled` as the production image runs it (dist/ from `npm run build`, which must
 * exist, with the image's Node options), `tsx` from the sources as `npm start` runs it (tsx's loader included).
 */
export type BotRuntime = 'compiled' | 'tsx';

/** The Node options the production image starts the bot with (its Dockerfile's CMD; a test keeps them equal). */
export const PRODUCTION_NODE_OPTIONS = ['--max-old-space-size=512'];

const COMMAND: Record<BotRuntime, string[]> = {
  compiled: [...PRODUCTION_NODE_OPTIONS, join(DIST_DIR, 'bench', 'bot-process.js')],
  tsx: ['--import', TSX, join(ROOT, 'src', 'bench', 'bot-process.ts')],
};

/** Runs the bot in a child process on an indexed database and returns what it measured. */
export async function measureBot(job: BotJob, runtime: BotRuntime = 'compiled'): Promise<BotFigures> {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [...COMMAND[runtime], JSON.stringify(job)],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } },
  ).catch((failed: { code?: number; stderr?: string }) => {
    throw new Error(`the bot process failed (exit ${failed.code}): ${failed.stderr?.trim()}`);
  });
  try {
    return JSON.parse(stdout) as BotFigures;
  } catch {
    throw new Error(`the bot process printed no figures: ${stdout.slice(0, 200)} ${stderr.slice(0, 200)}`);
  }
}

/**
 * Runs the bot `runs` times for each runtime, alternating them: one run on two shared cores swings by a third
 * or more (a checkpoint after the re-indexes measured just before it, other processes), so the run of median
 * throughput stands for each runtime, with every run's figure beside it and the highest peak RSS of all.
 */
export async function measureBotRuns(
  job: BotJob,
  runtimes: BotRuntime[],
  runs: number,
): Promise<Map<BotRuntime, BotFigures>> {
  const measured = new Map<BotRuntime, BotFigures[]>(runtimes.map((r) => [r, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const runtime of runtimes) measured.get(runtime)?.push(await measureBot(job, runtime));
  }
  return new Map([...measured].map(([runtime, all]) => [runtime, medianRun(all)]));
}

/** The run of median throughput, with every run's throughput and the highest peak RSS of all. */
export function medianRun(all: BotFigures[]): BotFigures {
  const byThroughput = [...all].sort((a, b) => a.concurrent.perSecond - b.concurrent.perSecond);
  const median = byThroughput[Math.floor((byThroughput.length - 1) / 2)];
  if (!median) throw new Error('the bot was not measured');
  return {
    ...median,
    peakRssMb: Math.max(...all.map((f) => f.peakRssMb)),
    ...(all.length > 1 ? { perSecondRuns: all.map((f) => f.concurrent.perSecond) } : {}),
  };
}

/** The bot's settings for the benchmark: these chats are staff, and nobody is rate-limited. */
export function botEnv(databaseEnv: Record<string, string>, chats: number): Record<string, string> {
  return {
    ...databaseEnv,
    LOG_LEVEL: 'silent',
    TELEGRAM_BOT_TOKEN: 'bench',
    STAFF_USER_IDS: Array.from({ length: chats }, (_, i) => 5_000_001 + i).join(','),
    RATE_LIMIT_PER_MINUTE: '1000',
  };
}
