import type { App } from '../app.ts';
import { round } from './stats.ts';

export interface IndexingFigures {
  passages: number;
  /** A first index of the corpus into an empty database: loading, chunking, embedding, storing. */
  seconds: number;
  passagesPerSecond: number;
  /** Re-indexes with nothing changed, each in seconds: the corpus is read and compared, nothing stored. */
  unchangedSeconds: number[];
}

const UNCHANGED_RUNS = 3;

/** Indexing throughput (embedding included) and the cost of a re-index that finds nothing to do. */
export async function measureIndexing(app: App, corpusDir: string): Promise<IndexingFigures> {
  let started = performance.now();
  const first = await app.reindex(corpusDir);
  const seconds = (performance.now() - started) / 1000;
  if (!first.changed) throw new Error('the indexing benchmark needs an empty database');
  const unchangedSeconds: number[] = [];
  for (let i = 0; i < UNCHANGED_RUNS; i += 1) {
    started = performance.now();
    const again = await app.reindex(corpusDir);
    unchangedSeconds.push(round((performance.now() - started) / 1000, 3));
    if (again.changed) throw new Error('a re-index of the same corpus built a new version');
  }
  return {
    passages: first.chunks,
    seconds: round(seconds, 3),
    passagesPerSecond: Math.round(first.chunks / seconds),
    unchangedSeconds,
  };
}
