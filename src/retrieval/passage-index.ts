import type { VersionSummary } from '../db/versions.ts';
import { createVersionCache } from './version-cache.ts';

/** A passage's words, for BM25: where each occurs and how many there are. */
export interface IndexedPassage {
  id: number;
  /** Words in the passage (as splitting its search text on spaces counts them). */
  length: number;
  positions: Map<string, number[]>;
}

/**
 * A passage's word positions from its search text: of every word, or of `only` these words (what one
 * question's BM25 looks up); `length` counts every word either way.
 */
export function indexPassage(id: number, searchText: string, only?: ReadonlySet<string>): IndexedPassage {
  const positions = new Map<string, number[]>();
  const words = searchText.split(' ');
  words.forEach((word, index) => {
    if (only && !only.has(word)) return;
    const list = positions.get(word);
    if (list) list.push(index);
    else positions.set(word, [index]);
  });
  return { id, length: words.length, positions };
}

export interface PassageIndexesDeps {
  /** Search texts of passages by id. */
  searchTexts(ids: number[]): Promise<Map<number, string>>;
  /** Indexes kept: the most recently used. */
  capacity: number;
}

/**
 * Word indexes of a version's passages, kept between questions. With many questions at once, reading every
 * candidate's search text and indexing its words for each question was the largest part of the assistant's
 * own time per question and of what it allocated (`npm run bench`); a version's passages never change, so
 * only those not seen yet are read, in one query.
 */
export function createPassageIndexes({ searchTexts, capacity }: PassageIndexesDeps) {
  const read = createVersionCache<number, IndexedPassage>({
    capacity,
    load: async (_versionId, ids) => {
      const texts = await searchTexts(ids);
      return new Map(
        ids.flatMap((id) => {
          const text = texts.get(id);
          return text === undefined ? [] : [[id, indexPassage(id, text)] as const];
        }),
      );
    },
  });
  /** Indexes of these passages, in their order. */
  return async function indexesOf(
    version: Pick<VersionSummary, 'id' | 'createdAt'>,
    ids: number[],
  ): Promise<IndexedPassage[]> {
    const indexed = await read(version, ids);
    return ids.flatMap((id) => indexed.get(id) ?? []);
  };
}
