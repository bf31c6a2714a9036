import { describe, expect, it } from 'vitest';
import { topicCoverage } from '../../src/retrieval/confidence.ts';
import type { Language } from '../../src/text/language.ts';
import { questionTerms } from '../../src/text/terms.ts';

const CHUNKS = 100;

/** Coverage of a question, given how many of 100 answering passages (and of the gaps list) hold each term. */
function coverage(
  question: string,
  answers: Record<string, number>,
  gaps: Record<string, number> = {},
  language: Language = 'vi',
) {
  return topicCoverage({
    terms: questionTerms(question, language),
    frequencies: { answers: new Map(Object.entries(answers)), gaps: new Map(Object.entries(gaps)) },
    chunkCount: CHUNKS,
    pairsAreWords: language === 'vi',
    pairsQualifyHeads: language === 'en',
  });
}

const SECRETS = { bi: 9, mat: 9, nha: 9, nuoc: 9, 'bi mat': 5, 'mat nha': 4, 'nha nuoc': 5 };

describe('topicCoverage', () => {
  it('counts an English word qualified by one the corpus never uses as not covered ("neural networks")', () => {
    const corpus = { network: 3, work: 20 };
    const neural = coverage('How do neural networks work?', corpus, {}, 'en');
    const plain = coverage('How do networks work?', corpus, {}, 'en');
    expect(plain.score).toBe(1);
    expect(neural.missing).toEqual(['neural']);
    // "networks" weighs as much as a word nobody uses, and is not covered: only "work" is.
    expect(neural.score).toBeCloseTo(
      Math.log(1 + CHUNKS / 20) / (2 * Math.log(1 + CHUNKS) + Math.log(1 + CHUNKS / 20)),
    );
  });

  it('leaves a Ukrainian word next to an unknown one covered (a verb and its object are not a compound)', () => {
    const question = 'дозволяє передавати документи';
    const [, verb, noun] = questionTerms(question, 'uk').unigrams as [string, string, string];
    const result = coverage(question, { [verb]: 5, [noun]: 5 }, {}, 'uk');
    expect(result.missing).toEqual(['дозволяє']);
    expect(result.score).toBeGreaterThan(0.5);
  });

  it('scores 1 with nothing missing when the corpus has every word and word pair', () => {
    expect(coverage('bí mật nhà nước', SECRETS)).toEqual({
      score: 1,
      gapShare: 0,
      missing: [],
      gapTerms: [],
    });
  });

  it('scores 0 and names every word when the corpus has none of them', () => {
    const result = coverage('thời tiết hà nội', {});
    expect(result.score).toBe(0);
    expect(result.missing).toEqual(['thời', 'tiết', 'hà', 'nội']);
  });

  it.each(['', 'có được không?'])('scores 0 for %j, which has no content words', (question) => {
    expect(coverage(question, { co: 50 }).score).toBe(0);
  });

  it('lets an unknown word weigh more than a common known one', () => {
    const common = coverage('bí mật nhà nước chatgpt', { ...SECRETS, bi: 90, mat: 90, nha: 90, nuoc: 90 });
    const rare = coverage('bí mật nhà nước chatgpt', SECRETS);
    expect(common.missing).toEqual(['chatgpt']);
    expect(common.score).toBeLessThan(rare.score);
    expect(rare.score).toBeGreaterThan(0.5);
  });

  it('counts Vietnamese word pairs as words, so known syllables in unknown pairs do not cover the topic', () => {
    const syllablesOnly = { thoi: 5, tiet: 1, ha: 2, noi: 10 };
    expect(coverage('thời tiết hà nội', syllablesOnly).score).toBeLessThan(0.6);
    expect(coverage('weather in hanoi', { weather: 1, hanoi: 1 }, {}, 'en').score).toBe(1);
  });

  it('counts a word as covered when the corpus has one of its thesaurus synonyms', () => {
    const result = coverage('paste secrets', { provid: 3, secret: 4 }, {}, 'en');
    expect(result).toMatchObject({ score: 1, missing: [] });
  });

  it('names words only the gaps list has, and weighs them into gapShare, apart from words nobody has', () => {
    const result = coverage(
      'số hiệu hướng dẫn thời tiết',
      { huong: 20, dan: 20, 'huong dan': 20 },
      { so: 3, hieu: 2, 'so hieu': 2 },
    );
    expect(result.gapTerms).toEqual(['số', 'hiệu', 'số hiệu']);
    expect(result.missing).toEqual(['thời', 'tiết']);
    expect(result.gapShare).toBeGreaterThan(0.2);
    expect(result.score).toBeLessThan(0.5);
  });

  it.each([
    ['vi', 'hàng đầu', { 'tren het': 2, tren: 9, het: 9 }],
    ['en', 'common approach', { unifi: 3 }],
  ] as const)(
    'counts the words of a %s thesaurus phrase (%j) as covered when a synonym is',
    (language, question, answers) => {
      expect(coverage(question, answers, {}, language)).toMatchObject({ score: 1, missing: [] });
    },
  );

  it('finds a synonym phrase of three words by its word pairs', () => {
    const result = coverage('quán net', { 'noi cong': 3, 'cong cong': 3 });
    expect(result).toMatchObject({ score: 1, missing: [] });
  });

  it('does not count a three-word synonym as covered when one of its word pairs is absent', () => {
    expect(coverage('quán net', { 'noi cong': 3 }).score).toBe(0);
  });
});
