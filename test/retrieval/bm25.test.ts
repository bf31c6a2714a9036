import { describe, expect, it } from 'vitest';
import { rankByBm25, wordsLookedUp } from '../../src/retrieval/bm25.ts';
import { indexPassage } from '../../src/retrieval/passage-index.ts';
import { questionTerms } from '../../src/text/terms.ts';

const DF: Record<string, number> = {
  noi: 40,
  dung: 40,
  'noi dung': 40,
  co: 60,
  quan: 60,
  'co quan': 60,
  bi: 3,
  mat: 5,
};
const df = (term: string) => DF[term] ?? 1;
const indexed = (passages: { id: number; searchText: string }[]) =>
  passages.map((p) => indexPassage(p.id, p.searchText));

describe('rankByBm25', () => {
  it('puts the passage with the rare word above passages full of common ones', () => {
    const ranked = rankByBm25(
      indexed([
        { id: 1, searchText: 'noi dung noi dung co quan co quan noi dung' },
        { id: 2, searchText: 'khong dua bi mat nha nuoc vao ai' },
      ]),
      questionTerms('nội dung bí mật của cơ quan'),
      df,
      100,
    );
    expect(ranked.map((r) => r.id)).toEqual([2, 1]);
  });

  it('rewards a passage that keeps the asked phrase together', () => {
    const ranked = rankByBm25(
      indexed([
        { id: 1, searchText: 'mat nha bi nuoc' },
        { id: 2, searchText: 'bi mat nha nuoc' },
      ]),
      questionTerms('bí mật nhà nước'),
      df,
      100,
    );
    expect(ranked[0]?.id).toBe(2);
  });

  it('counts a thesaurus synonym as the word asked for', () => {
    const ranked = rankByBm25(
      indexed([{ id: 7, searchText: 'must never provid secret to public ai platform' }]),
      questionTerms('Can I paste secrets?', 'en'),
      df,
      100,
    );
    expect(ranked).toHaveLength(1);
    expect(ranked[0]?.score).toBeGreaterThan(0);
  });

  it('drops candidates that share no word and breaks ties by id', () => {
    const terms = questionTerms('bí mật');
    const ranked = rankByBm25(
      indexed([
        { id: 9, searchText: 'bi mat' },
        { id: 3, searchText: 'bi mat' },
        { id: 5, searchText: 'thoi tiet' },
      ]),
      terms,
      df,
      100,
    );
    expect(ranked.map((r) => r.id)).toEqual([3, 9]);
    expect(rankByBm25([], terms, df, 100)).toEqual([]);
  });

  it('ranks passages indexed for the words it looks up exactly as passages indexed whole', () => {
    const passages = [
      { id: 1, searchText: 'noi dung bi mat nha nuoc khong dua len nen tang ai cong cong' },
      { id: 2, searchText: 'must never provid secret to public ai platform nor paste state secret' },
      { id: 3, searchText: 'bi mat co quan nha nuoc bi mat noi dung co quan' },
      { id: 4, searchText: 'platform secret public must paste never to ai' },
    ];
    for (const [question, language] of [
      ['Nội dung bí mật nhà nước có được đưa lên AI không?', 'vi'],
      ['Can I paste secrets into a public AI platform?', 'en'],
    ] as const) {
      const terms = questionTerms(question, language);
      const only = wordsLookedUp(terms);
      const partly = passages.map((p) => indexPassage(p.id, p.searchText, only));
      const whole = rankByBm25(indexed(passages), terms, df, 100);
      expect(whole.length).toBeGreaterThan(1);
      expect(rankByBm25(partly, terms, df, 100)).toEqual(whole);
    }
  });
});
