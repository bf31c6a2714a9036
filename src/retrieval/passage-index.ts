import type { VersionSummary } from '../db/versions.ts';

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
 * only those not seen yet are read, in one query. Kept for one version at a time (the one last asked for).
 */
export function createPassageIndexes({ searchTexts, capacity }: PassageIndexesDeps) {
  const cache = new Map<number, IndexedPassage>();
  let cachedVersion = '';
  return async function indexesOf(
    version: Pick<VersionSummary, 'id' | 'createdAt'>,
    ids: number[],
  ): Promise<IndexedPassage[]> {
    // The creation time too: a database restored or rebuilt under the same version id holds other passages.
    const key = `${version.id}@${new Date(version.createdAt).getTime()}`;
    if (key !== cachedVersion) {
      cache.clear();
      cachedVersion = key;
    }
    const missing = ids.filter((id) => !cache.has(id));
    const texts = missing.length > 0 ? await searchTexts(missing) : new Map<number, string>();
    const indexes = ids.flatMap((id) => {
      const text = texts.get(id);
      const indexed = text === undefined ? cache.get(id) : indexPassage(id, text);
      if (!indexed) return [];
      // Map keeps insertion order: moved to the end, it is the last to be evicted.
      cache.delete(id);
      cache.set(id, indexed);
      return [indexed];
    });
    for (const id of cache.keys()) {
      if (cache.size <= capacity) break;
      cache.delete(id);
    }
    return indexes;
  };
}
