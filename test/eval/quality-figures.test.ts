import { describe, expect, it } from 'vitest';
import type { EvalSummary } from '../../src/eval/metrics.ts';
import { compareQuality, type QualityFigures, qualityFigures } from '../../src/eval/quality-figures.ts';

const BASE: QualityFigures = {
  questions: 120,
  k: 5,
  recallAtK: 0.9634,
  mrr: 0.8303,
  answerableEscalated: { count: 1, n: 82, rate: 0.0122 },
  outOfScopeEscalated: { count: 18, n: 19, rate: 0.9474 },
  unknownDetailEscalated: { count: 16, n: 19, rate: 0.8421 },
};

const share = (count: number, n: number) => ({ count, n, rate: Math.round((count / n) * 10_000) / 10_000 });

describe('qualityFigures', () => {
  it('takes recall, MRR and the three escalation rates from an evaluation summary', () => {
    const summary = {
      questions: 120,
      k: 5,
      recallAtK: 0.9634,
      mrr: 0.8303,
      answerable: { n: 82, answered: 81 },
      unanswerable: { n: 38, escalated: 34 },
      byCategory: {
        // A refused answerable question is not answered either: it counts as wrongly escalated.
        answerable: { n: 82, escalated: 0, answered: 81 },
        out_of_scope: { n: 19, escalated: 18, answered: 1 },
        unknown_detail: { n: 19, escalated: 16, answered: 3 },
      },
      byLanguage: {},
    } satisfies EvalSummary;
    expect(qualityFigures(summary)).toEqual(BASE);
  });

  it('leaves out a category the question set does not have', () => {
    const summary: EvalSummary = {
      questions: 2,
      k: 5,
      recallAtK: 1,
      mrr: 1,
      answerable: { n: 2, answered: 2 },
      unanswerable: { n: 0, escalated: 0 },
      byCategory: { answerable: { n: 2, escalated: 0, answered: 2 } },
      byLanguage: {},
    };
    expect(qualityFigures(summary)).toMatchObject({
      outOfScopeEscalated: null,
      unknownDetailEscalated: null,
    });
  });
});

describe('compareQuality', () => {
  const dropped = (after: Partial<QualityFigures>, tolerance = 0.02) =>
    compareQuality(BASE, { ...BASE, ...after }, tolerance)
      .filter((c) => c.dropped)
      .map((c) => c.label);

  it.each([
    ['nothing changed', {}, []],
    ['recall falls by more than the tolerance', { recallAtK: 0.9024 }, ['recall@5']],
    ['recall falls by exactly the tolerance', { recallAtK: 0.9434 }, []],
    ['recall rises', { recallAtK: 1 }, []],
    ['MRR falls', { mrr: 0.7 }, ['MRR']],
    [
      'one more answerable question escalated (0.012, within 0.02)',
      { answerableEscalated: share(2, 82) },
      [],
    ],
    [
      'two more answerable questions escalated',
      { answerableEscalated: share(3, 82) },
      ['answerable wrongly escalated'],
    ],
    ['fewer answerable questions escalated', { answerableEscalated: share(0, 82) }, []],
    ['an out-of-scope question answered', { outOfScopeEscalated: share(17, 19) }, ['out-of-scope escalated']],
    [
      'an unknown-detail question answered',
      { unknownDetailEscalated: share(15, 19) },
      ['unknown-detail escalated'],
    ],
    ['more unknown-detail questions escalated', { unknownDetailEscalated: share(19, 19) }, []],
  ] as [string, Partial<QualityFigures>, string[]][])('%s', (_, after, expected) => {
    expect(dropped(after)).toEqual(expected);
  });

  it('gives every figure before, after and an exact delta', () => {
    const changes = compareQuality(BASE, { ...BASE, recallAtK: 0.9024 }, 0.02);
    expect(changes.map((c) => [c.label, c.before, c.after, c.delta])).toEqual([
      ['recall@5', 0.9634, 0.9024, -0.061],
      ['MRR', 0.8303, 0.8303, 0],
      ['answerable wrongly escalated', 0.0122, 0.0122, 0],
      ['out-of-scope escalated', 0.9474, 0.9474, 0],
      ['unknown-detail escalated', 0.8421, 0.8421, 0],
    ]);
  });

  it('compares only the figures both sides have', () => {
    const changes = compareQuality(BASE, { ...BASE, outOfScopeEscalated: null }, 0.02);
    expect(changes.map((c) => c.name)).not.toContain('outOfScopeEscalated');
  });

  it('warns on any worsening with a zero tolerance', () => {
    expect(dropped({ answerableEscalated: share(2, 82) }, 0)).toEqual(['answerable wrongly escalated']);
  });
});
