import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.ts';
import type { QuestionResult } from '../../src/eval/metrics.ts';
import { modelFigures } from '../../src/eval/model-figures.ts';

const PASSAGE =
  'Staff must absolutely not provide information classified as state secrets to public AI platforms.';

function result(answer: Partial<Answer>, quotes: string[] = []): QuestionResult {
  return {
    item: { id: 'q', question: 'q', answerable: true, expect: [], lang: 'en', category: 'answerable' },
    answer: {
      kind: 'answered',
      language: 'en',
      answer: '',
      citations: quotes.map((quote) => ({ quote }) as Answer['citations'][number]),
      ...answer,
    },
    passages: [],
    hitRank: undefined,
    retrievedTexts: [PASSAGE],
  };
}

describe('modelFigures', () => {
  it('is absent when no question reached a model', () => {
    expect(modelFigures([result({ mode: 'extractive' })])).toBeUndefined();
  });

  it('counts generated answers, fallbacks and not-covered judgments, and re-checks every shown quote', () => {
    const figures = modelFigures([
      result({ mode: 'generated', promptTokens: 900 }, [
        'must absolutely not provide information',
        'not in any passage',
      ]),
      result({ mode: 'extractive', fallback: 'timeout', promptTokens: 1100 }),
      result({ kind: 'escalated', mode: 'generated', escalation: 'not_covered', promptTokens: 1000 }),
      result({ mode: 'extractive', fallback: 'paused' }),
    ]);
    expect(figures).toEqual({
      asked: 4,
      generated: 1,
      notCovered: 1,
      fallbacks: 2,
      fallbackRate: 0.5,
      quotesShown: 2,
      quotesVerifiedShare: 0.5,
      promptTokensMean: 1000,
      promptTokensMax: 1100,
    });
  });
});
