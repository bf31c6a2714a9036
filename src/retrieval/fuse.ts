import type { RankedId } from '../db/chunks.ts';

export interface FusedId {
  id: number;
  score: number;
  vectorRank: number | undefined;
  textRank: number | undefined;
}

/** The usual constant: large enough that one list's top rank does not drown the other list. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion of ranked lists (1 / (k + rank), summed). Only ranks matter, so a cosine
 * similarity and a ts_rank need no common scale. Ties break by id so results repeat exactly.
 */
export function fuseRankings(vector: RankedId[], text: RankedId[], k = RRF_K): FusedId[] {
  const fused = new Map<number, FusedId>();
  const entry = (id: number) => {
    let found = fused.get(id);
    if (!found) {
      found = { id, score: 0, vectorRank: undefined, textRank: undefined };
      fused.set(id, found);
    }
    return found;
  };
  vector.forEach((hit, index) => {
    const e = entry(hit.id);
    e.vectorRank = index + 1;
    e.score += 1 / (k + index + 1);
  });
  text.forEach((hit, index) => {
    const e = entry(hit.id);
    e.textRank = index + 1;
    e.score += 1 / (k + index + 1);
  });
  return [...fused.values()].sort((a, b) => b.score - a.score || a.id - b.id);
}
