import type { Answer } from '../answer/answer.ts';
import { foldText } from '../text/normalize.ts';
import { type ModelFigures, modelFigures } from './model-figures.ts';
import type { QaItem } from './qa-file.ts';

export interface RetrievedPassage {
  section: string;
  quote: string;
  /** For a translated passage, the original it renders: an expected string may be in either. */
  original: string | undefined;
}

export interface QuestionResult {
  item: QaItem;
  answer: Answer;
  passages: RetrievedPassage[];
  /** 1-based rank of the first passage holding an expected string, if any within k. */
  hitRank: number | undefined;
  /** Every passage retrieval gave the answer step, whole: a shown quote must be part of one of them. */
  retrievedTexts: string[];
}

interface Counts {
  questions: number;
  recallAtK: number;
  mrr: number;
  answerable: { n: number; answered: number };
  unanswerable: { n: number; escalated: number };
}

export interface EvalSummary extends Counts {
  k: number;
  /** Present when a language model was configured. */
  model?: ModelFigures;
  byCategory: Record<string, { n: number; escalated: number; answered: number }>;
  byLanguage: Record<string, Counts>;
}

/** Case-, whitespace- and diacritic-insensitive containment, as the DESIGN.md contract defines recall. */
function contains(text: string, expected: string): boolean {
  return foldText(text).includes(foldText(expected));
}

export function firstHit(passages: RetrievedPassage[], expect: string[], k: number): number | undefined {
  const index = passages
    .slice(0, k)
    .findIndex((p) =>
      expect.some((e) => contains(p.quote, e) || (p.original ? contains(p.original, e) : false)),
    );
  return index === -1 ? undefined : index + 1;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Number((part / whole).toFixed(4)));

function count(results: QuestionResult[]): Counts {
  const answerable = results.filter((r) => r.item.answerable);
  const unanswerable = results.filter((r) => !r.item.answerable);
  const recalled = answerable.filter((r) => r.hitRank !== undefined).length;
  const reciprocal = answerable.reduce((sum, r) => sum + (r.hitRank ? 1 / r.hitRank : 0), 0);
  return {
    questions: results.length,
    recallAtK: ratio(recalled, answerable.length),
    mrr: ratio(reciprocal, answerable.length),
    answerable: {
      n: answerable.length,
      answered: answerable.filter((r) => r.answer.kind === 'answered').length,
    },
    unanswerable: {
      n: unanswerable.length,
      escalated: unanswerable.filter((r) => r.answer.kind !== 'answered').length,
    },
  };
}

function groupBy(
  results: QuestionResult[],
  key: (r: QuestionResult) => string,
): Map<string, QuestionResult[]> {
  const groups = new Map<string, QuestionResult[]>();
  for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

export function summarize(results: QuestionResult[], k: number): EvalSummary {
  const byCategory: EvalSummary['byCategory'] = {};
  for (const [category, group] of groupBy(results, (r) => r.item.category)) {
    byCategory[category] = {
      n: group.length,
      escalated: group.filter((r) => r.answer.kind === 'escalated').length,
      answered: group.filter((r) => r.answer.kind === 'answered').length,
    };
  }
  const byLanguage: EvalSummary['byLanguage'] = {};
  for (const [language, group] of groupBy(results, (r) => r.item.lang)) byLanguage[language] = count(group);
  const model = modelFigures(results);
  return { ...count(results), k, byCategory, byLanguage, ...(model ? { model } : {}) };
}
