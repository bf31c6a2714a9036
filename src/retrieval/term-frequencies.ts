import type { TermFrequencies, TermsRepository } from '../db/terms.ts';
import type { VersionSummary } from '../db/versions.ts';
import { createVersionCache } from './version-cache.ts';

/** A term's document frequencies in the answering passages and in the list of missing details. */
type Counts = readonly [answers: number, gaps: number];

// Keys are the searched languages and the term: the same word counts differently in another language's text.
const SEPARATOR = '\u0000';

/**
 * Document frequencies of terms, kept between questions like the passage indexes (a version's counts never
 * change): questions share most of their words, so the look-up before each full-text search mostly needs no
 * query at all. A term no passage uses is kept too, as zero: that is what the look-up found.
 */
export function createTermFrequencies(terms: Pick<TermsRepository, 'frequencies'>, capacity: number) {
  const read = createVersionCache<string, Counts, string[]>({
    capacity,
    load: async (versionId, keys, languages = []) => {
      const words = keys.map((key) => key.slice(key.indexOf(SEPARATOR) + 1));
      const found = await terms.frequencies(versionId, languages, words);
      return new Map(
        keys.map((key, i) => {
          const word = words[i] as string;
          return [key, [found.answers.get(word) ?? 0, found.gaps.get(word) ?? 0] as const];
        }),
      );
    },
  });
  return async function frequencies(
    version: Pick<VersionSummary, 'id' | 'createdAt'>,
    languages: string[],
    words: string[],
  ): Promise<TermFrequencies> {
    const prefix = `${languages.join(',')}${SEPARATOR}`;
    const counts = await read(
      version,
      words.map((word) => prefix + word),
      languages,
    );
    const result: TermFrequencies = { answers: new Map(), gaps: new Map() };
    for (const [key, [answers, gaps]] of counts) {
      const word = key.slice(prefix.length);
      if (answers > 0) result.answers.set(word, answers);
      if (gaps > 0) result.gaps.set(word, gaps);
    }
    return result;
  };
}
