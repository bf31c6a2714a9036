import type { QuestionResult } from './metrics.ts';

export interface ModelFigures {
  /** Questions that reached the model (retrieval was confident and no missing detail was detected). */
  asked: number;
  /** Answered with the model's verified sentences. */
  generated: number;
  /** Judged by the model as not answered by the passages, and escalated. */
  notCovered: number;
  /** Answered extractively because the model's answer could not be used (share of `asked`). */
  fallbacks: number;
  fallbackRate: number;
  /** Quotes shown in generated answers, and the share of them found word for word in a retrieved passage. */
  quotesShown: number;
  quotesVerifiedShare: number;
  /** Estimated prompt tokens per prompt sent (a paused model gets none). */
  promptTokensMean: number;
  promptTokensMax: number;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Number((part / whole).toFixed(4)));

/**
 * What the language model contributed, re-checked from the outside: a shown quote counts as verified only
 * when it is a substring of a passage retrieval returned, whatever the answer step believed.
 */
export function modelFigures(results: QuestionResult[]): ModelFigures | undefined {
  const asked = results.filter((r) => r.answer.promptTokens !== undefined || r.answer.fallback !== undefined);
  if (asked.length === 0) return undefined;
  const generated = asked.filter((r) => r.answer.kind === 'answered' && r.answer.mode === 'generated');
  const shown = generated.flatMap((r) =>
    r.answer.citations.map((c) => ({ quote: c.quote, texts: r.retrievedTexts })),
  );
  const verified = shown.filter(({ quote, texts }) => texts.some((text) => text.includes(quote)));
  const tokens = asked.flatMap((r) => (r.answer.promptTokens === undefined ? [] : [r.answer.promptTokens]));
  return {
    asked: asked.length,
    generated: generated.length,
    notCovered: asked.filter((r) => r.answer.escalation === 'not_covered').length,
    fallbacks: asked.filter((r) => r.answer.fallback !== undefined).length,
    fallbackRate: ratio(asked.filter((r) => r.answer.fallback !== undefined).length, asked.length),
    quotesShown: shown.length,
    quotesVerifiedShare: ratio(verified.length, shown.length),
    promptTokensMean: tokens.length === 0 ? 0 : Math.round(tokens.reduce((a, b) => a + b, 0) / tokens.length),
    promptTokensMax: Math.max(0, ...tokens),
  };
}
