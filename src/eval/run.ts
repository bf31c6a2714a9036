import type { Trace } from '../pipeline/ask.ts';
import { firstHit, type QuestionResult } from './metrics.ts';
import type { QaItem } from './qa-file.ts';

async function evaluate(item: QaItem, trace: Trace, k: number): Promise<QuestionResult> {
  const { answer, retrieval } = await trace(item.question);
  const found = retrieval?.passages ?? [];
  const passages = found.slice(0, k).map((p) => ({
    section: `${p.documentId}/${p.language} ${p.sectionPath}`,
    quote: p.content,
    original: p.original?.quote,
  }));
  return {
    item,
    answer,
    passages,
    hitRank: item.answerable ? firstHit(passages, item.expect, k) : undefined,
    retrievedTexts: found.map((p) => p.content),
  };
}

/**
 * Asks every question and records what was retrieved and answered, in the order of `items`. With a
 * `concurrency` above 1 that many questions are in flight at once: a database server answers them in
 * parallel (the embedded one queues them, which costs nothing).
 */
export async function runEvaluation(
  items: QaItem[],
  trace: Trace,
  k: number,
  onProgress: (done: number, total: number) => void = () => {},
  concurrency = 1,
): Promise<QuestionResult[]> {
  const results: QuestionResult[] = new Array(items.length);
  let next = 0;
  let done = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await evaluate(items[index] as QaItem, trace, k);
      onProgress(++done, items.length);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
