import type { VersionSummary } from '../db/versions.ts';
import { createVersionCache } from './version-cache.ts';

/** A passage's words, for BM25: where each occurs and how many there are. */
export interface IndexedPassage {
  id: number;
  /** Words in the passage (as splitting its search text on spaces counts them). */
  length: number;
  positions: Map<string, number[]>;
}

/** Every word's positions in a passage's search text. */
export function indexPassage(id: number, searchText: string): IndexedPassage {
  const positions = new Map<string, number[]>();
  const words = searchText.split(' ');
  words.forEach((word, index) => {
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
  const read = createVersionCache<number, IndexedPassage, Map<number, string>>({
    capacity,
    load: async (_versionId, ids, known) => {
      const unread = ids.filter((id) => !known?.has(id));
      const texts = unread.length > 0 ? await searchTexts(unread) : new Map<number, string>();
      return new Map(
        ids.flatMap((id) => {
          const text = known?.get(id) ?? texts.get(id);
          return text === undefined ? [] : [[id, indexPassage(id, text)] as const];
        }),
      );
    },
  });
  /** Indexes of these passages, in their order; `known` search texts at hand need not be read again. */
  return async function indexesOf(
    version: Pick<VersionSummary, 'id' | 'createdAt'>,
    ids: number[],
    known?: Map<number, string>,
  ): Promise<IndexedPassage[]> {
    const indexed = await read(version, ids, known);
    return ids.flatMap((id) => indexed.get(id) ?? []);
  };
}
