import type { BackendFigures } from './figures.ts';

export interface TargetResult {
  name: string;
  /** What is compared: "≤ 15 ms", "≥ 0.95". */
  target: string;
  value: number | undefined;
  unit: string;
  pass: boolean;
}

const atMost = (name: string, value: number | undefined, limit: number, unit: string): TargetResult => ({
  name,
  target: `≤ ${limit} ${unit}`.trim(),
  value,
  unit,
  pass: value !== undefined && value <= limit,
});
const atLeast = (name: string, value: number | undefined, floor: number, unit: string): TargetResult => ({
  name,
  target: `≥ ${floor} ${unit}`.trim(),
  value,
  unit,
  pass: value !== undefined && value >= floor,
});

/** The targets, judged on one backend's figures (the real server's when there is one). */
export function judgeTargets(figures: BackendFigures, largest: number): TargetResult[] {
  const scale = figures.retrieval.generated[String(largest)];
  return [
    atMost(`retrieval p95 at ${largest} passages (hybrid, steady state)`, scale?.hybrid.p95, 15, 'ms'),
    atLeast(
      `HNSW recall@10 at ${largest} passages, questions across the corpus`,
      scale?.hnswRecallAt10AcrossCorpus ?? undefined,
      0.95,
      '',
    ),
    atLeast(`HNSW recall@10 at ${largest} passages, development questions`, scale?.hnswRecallAt10, 0.95, ''),
    atMost('overhead per question p95, through the bot', figures.bot.perQuestion.p95, 50, 'ms'),
    atMost('overhead per question p95, in-process', figures.overhead.perQuestion.p95, 50, 'ms'),
    atLeast(
      `questions per second, ${figures.bot.concurrent.chats} chats at once`,
      figures.bot.concurrent.perSecond,
      200,
      '/s',
    ),
    atMost(
      're-index with nothing changed (real corpus, slowest of 3)',
      Math.max(...figures.indexing.unchangedSeconds),
      2,
      's',
    ),
    atMost('bot peak RSS under load', figures.bot.peakRssMb, 200, 'MB'),
  ];
}
