import { describe, expect, it } from 'vitest';
import { fuseRankings, RRF_K } from '../../src/retrieval/fuse.ts';

/** A ranked list, best first, with the raw scores a leg would report (fusion must use only the order). */
const ranked = (...ids: number[]) => ids.map((id, i) => ({ id, score: 1 / (i + 1) }));

describe('fuseRankings', () => {
  it('uses k = 60', () => {
    expect(RRF_K).toBe(60);
  });

  it.each([
    ['first in both lists', ranked(7), ranked(7), 2 / 61],
    ['first in the vector list only', ranked(7), ranked(), 1 / 61],
    ['third in the text list only', ranked(), ranked(1, 2, 7), 1 / 63],
    ['second by vector, fourth by text', ranked(1, 7), ranked(1, 2, 3, 7), 1 / 62 + 1 / 64],
  ])('scores an id %s as the sum of 1/(60 + rank)', (_case, vector, text, score) => {
    const fused = fuseRankings(vector, text).find((hit) => hit.id === 7);
    expect(fused?.score).toBeCloseTo(score, 12);
  });

  it('honours a different k', () => {
    expect(fuseRankings(ranked(1), ranked(), 10)[0]?.score).toBeCloseTo(1 / 11, 12);
  });

  it('uses only the order of each list, not the raw scores', () => {
    const rescored = ranked(4, 5).map((hit) => ({ ...hit, score: hit.score * 1000 }));
    expect(fuseRankings(rescored, ranked(6))).toEqual(fuseRankings(ranked(4, 5), ranked(6)));
  });

  it('puts an id found by both legs above ids found by one, even top-ranked ones', () => {
    const fused = fuseRankings(ranked(1, 2, 3), ranked(4, 5, 3));
    expect(fused[0]?.id).toBe(3);
  });

  it.each([
    [ranked(9, 2), ranked(2, 9)],
    [ranked(2, 9), ranked(9, 2)],
  ])('breaks equal scores by ascending id (%j / %j)', (vector, text) => {
    expect(fuseRankings(vector, text).map((hit) => hit.id)).toEqual([2, 9]);
  });

  it('breaks ties between single-list ids by id, whatever list they came from', () => {
    expect(fuseRankings(ranked(8), ranked(3)).map((hit) => hit.id)).toEqual([3, 8]);
  });

  it('records the 1-based rank of each id in each list, undefined where absent', () => {
    const fused = fuseRankings(ranked(1, 2), ranked(2, 3));
    expect(fused).toEqual([
      { id: 2, score: expect.any(Number), vectorRank: 2, textRank: 1 },
      { id: 1, score: expect.any(Number), vectorRank: 1, textRank: undefined },
      { id: 3, score: expect.any(Number), vectorRank: undefined, textRank: 2 },
    ]);
  });

  it.each([
    [ranked(), ranked(), []],
    [ranked(5, 4), ranked(), [5, 4]],
    [ranked(), ranked(5, 4), [5, 4]],
  ])('fuses %j and %j into %j', (vector, text, ids) => {
    expect(fuseRankings(vector, text).map((hit) => hit.id)).toEqual(ids);
  });
});
