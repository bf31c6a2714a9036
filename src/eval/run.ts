import type { Trace } from '../pipeline/ask.ts';
import { firstHit, type QuestionResult } from './metrics.ts';
import type { QaItem } from './qa-file.ts';

/** Asks every question in order and records what was retrieved and answered. */
export async function runEvaluation(
  items: QaItem[],
  trace: Trace,
  k: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<QuestionResult[]> {
  const results: QuestionResult[] = [];
  for (const item of items) {
    const { answer, retrieval } = await trace(item.question);
    const found = retrieval?.passages ?? [];
    const passages = found.slice(0, k).map((p) => ({
      section: `${p.documentId}/${p.language} ${p.sectionPath}`,
      quote: p.content,
      original: p.original?.quote,
    }));
    results.push({
      item,
      answer,
      passages,
      hitRank: item.answerable ? firstHit(passages, item.expect, k) : undefined,
      retrievedTexts: found.map((p) => p.content),
    });
    onProgress(results.length, items.length);
  }
  return results;
}
