import { describe, expect, it } from 'vitest';
import { candidateTsQueries, indexCost, TEXT_POSTINGS_BUDGET } from '../../src/retrieval/text-query.ts';
import { type Terms, toTsQuery } from '../../src/text/terms.ts';

/** Passages holding each word in a corpus of 100,000. */
const DF: Record<string, number> = {
  noi: 30_000,
  dung: 28_000,
  bi: 150,
  mat: 2_000,
  nha: 20_000,
  nuoc: 9_000,
};
const df = (word: string) => DF[word] ?? 0;
/** A question's terms without thesaurus synonyms: words, then the pairs of neighbouring words. */
function termsOf(...words: string[]): Terms {
  const bigrams = words.slice(1).map((word, i) => `${words[i]} ${word}`);
  return { unigrams: words, bigrams, surface: new Map(), synonyms: new Map() };
}
const SECRET = termsOf('noi', 'dung', 'bi', 'mat', 'nha', 'nuoc');

describe('indexCost', () => {
  it.each([
    ['a word: its passages', 'mat', 2_000],
    ['a phrase: the passages of its rarest word', 'bi mat', 150],
    ['a phrase of common words: as costly as they are', 'noi dung', 28_000],
    ['a word no passage states', 'chatgpt', 0],
  ])('%s', (_case, term, cost) => {
    expect(indexCost(term, df)).toBe(cost);
  });
});

describe('candidateTsQueries', () => {
  it('is the whole OR query while the searched passages fit the budget, whatever the frequencies', () => {
    expect(candidateTsQueries(SECRET, df, TEXT_POSTINGS_BUDGET)).toEqual([toTsQuery(SECRET)]);
  });

  it('keeps only the cheapest terms on a large corpus, the rarest first', () => {
    // bi and the pairs holding it cost 150 each: two of them fit the budget of 400, in the question's order.
    expect(candidateTsQueries(SECRET, df, 100_000)).toEqual(['bi | (dung <-> bi)']);
  });

  it('lets a word no passage states in for free', () => {
    expect(candidateTsQueries(termsOf('noi', 'chatgpt'), df, 100_000)).toEqual([
      'chatgpt | (noi <-> chatgpt)',
    ]);
  });

  it('asks for common words together, then fewer of them, when every word is common', () => {
    // 100,000 × 0.09 × 0.2 × 0.28 = 504 passages expected with three of them, 151 with all four.
    const terms = termsOf('noi', 'dung', 'nha', 'nuoc');
    expect(candidateTsQueries(terms, df, 100_000)).toEqual([
      'nuoc & nha & dung & noi',
      'nuoc & nha & dung',
      'nuoc & nha',
      'nuoc',
    ]);
  });

  it('has nothing to search for a question without content words', () => {
    expect(candidateTsQueries(termsOf(), df, 100_000)).toEqual([]);
  });
});
