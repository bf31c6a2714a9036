import type { EvalSummary } from './metrics.ts';

/** A count out of n, with its rate. */
export interface Share {
  count: number;
  n: number;
  rate: number;
}

/** The figures a re-index compares between versions (a question set without a category has null there). */
export interface QualityFigures {
  questions: number;
  k: number;
  recallAtK: number;
  mrr: number;
  /** Answerable questions not answered: escalated (or refused) although the corpus holds the answer. */
  answerableEscalated: Share | null;
  /** Questions about something the guidelines do not deal with, handed to a person as they should be. */
  outOfScopeEscalated: Share | null;
  /** Questions about a detail the guidelines do not give, handed to a person as they should be. */
  unknownDetailEscalated: Share | null;
}

export type FigureName =
  | 'recallAtK'
  | 'mrr'
  | 'answerableEscalated'
  | 'outOfScopeEscalated'
  | 'unknownDetailEscalated';

export interface FigureChange {
  name: FigureName;
  label: string;
  before: number;
  after: number;
  /** after − before, rounded to 4 places so that equal figures give exactly 0. */
  delta: number;
  /** Worse by more than the tolerance (lower recall, more wrong escalations, fewer right ones). */
  dropped: boolean;
}

const FIGURES: { name: FigureName; label: (k: number) => string; higherIsBetter: boolean }[] = [
  { name: 'recallAtK', label: (k) => `recall@${k}`, higherIsBetter: true },
  { name: 'mrr', label: () => 'MRR', higherIsBetter: true },
  { name: 'answerableEscalated', label: () => 'answerable wrongly escalated', higherIsBetter: false },
  { name: 'outOfScopeEscalated', label: () => 'out-of-scope escalated', higherIsBetter: true },
  { name: 'unknownDetailEscalated', label: () => 'unknown-detail escalated', higherIsBetter: true },
];

const round = (value: number) => Math.round(value * 10_000) / 10_000;

function share(count: number, n: number): Share | null {
  return n === 0 ? null : { count, n, rate: round(count / n) };
}

/** The compared figures of an evaluation summary. */
export function qualityFigures(summary: EvalSummary): QualityFigures {
  const category = (name: string) => summary.byCategory[name];
  const answerable = category('answerable');
  const outOfScope = category('out_of_scope');
  const unknownDetail = category('unknown_detail');
  return {
    questions: summary.questions,
    k: summary.k,
    recallAtK: summary.recallAtK,
    mrr: summary.mrr,
    answerableEscalated: answerable ? share(answerable.n - answerable.answered, answerable.n) : null,
    outOfScopeEscalated: outOfScope ? share(outOfScope.escalated, outOfScope.n) : null,
    unknownDetailEscalated: unknownDetail ? share(unknownDetail.escalated, unknownDetail.n) : null,
  };
}

/** A figure's value: a rate for the shares, absent when the question set has no such questions. */
export function figureValue(figures: QualityFigures, name: FigureName): number | undefined {
  const value = figures[name];
  if (value === null) return undefined;
  return typeof value === 'number' ? value : value.rate;
}

/**
 * Each figure before and after, and whether it worsened by more than `tolerance` (an absolute rate: 0.02
 * is two percentage points). Figures one side lacks are left out.
 */
export function compareQuality(
  before: QualityFigures,
  after: QualityFigures,
  tolerance: number,
): FigureChange[] {
  return FIGURES.flatMap(({ name, label, higherIsBetter }) => {
    const was = figureValue(before, name);
    const is = figureValue(after, name);
    if (was === undefined || is === undefined) return [];
    const delta = round(is - was);
    const dropped = higherIsBetter ? delta < -tolerance : delta > tolerance;
    return [{ name, label: label(after.k), before: was, after: is, delta, dropped }];
  });
}
