import type { RankedId } from '../db/chunks.ts';
import type { Terms } from '../text/terms.ts';
import type { IndexedPassage } from './passage-index.ts';

// The usual Okapi BM25 constants: term-frequency saturation and length normalisation.
const K1 = 1.2;
const B = 0.75;

/** How often the words of `parts` occur in a row. */
function occurrences(positions: Map<string, number[]>, parts: string[]): number {
  const starts = positions.get(parts[0] as string);
  if (!starts) return 0;
  if (parts.length === 1) return starts.length;
  let count = 0;
  for (const i of starts) {
    let whole = true;
    for (let j = 1; whole && j < parts.length; j += 1) {
      whole = positions.get(parts[j] as string)?.includes(i + j) ?? false;
    }
    if (whole) count += 1;
  }
  return count;
}

/** Each term the question asks about with its synonyms, which count as the term. */
const variantsOf = (terms: Terms) =>
  [...terms.unigrams, ...terms.bigrams].map((term) => [term, ...(terms.synonyms.get(term) ?? [])]);

/** Every word `rankByBm25` looks up for these terms: passages indexed for these words alone rank the same. */
export function wordsLookedUp(terms: Terms): Set<string> {
  return new Set(variantsOf(terms).flatMap((variants) => variants.flatMap((v) => v.split(' '))));
}

/** Whether a passage holds any of the terms or their synonyms: a match of the database's OR query. */
export function holdsAnyTerm({ positions }: IndexedPassage, terms: Terms): boolean {
  return variantsOf(terms).some((variants) =>
    variants.some((variant) => occurrences(positions, variant.split(' ')) > 0),
  );
}

/**
 * Okapi BM25 over the full-text candidates. PostgreSQL's ts_rank counts matches without weighing how rare
 * a word is, so common words ("nội dung", "cơ quan") outrank the one that matters ("bí mật"); this ranks the
 * candidates by inverse document frequency instead. A term's synonyms count as the term (best of them);
 * word pairs are scored like words, which rewards passages that keep the asker's phrases together.
 */
export function rankByBm25(
  candidates: IndexedPassage[],
  terms: Terms,
  documentFrequency: (term: string) => number,
  passageCount: number,
): RankedId[] {
  if (candidates.length === 0) return [];
  // Each term's variants with their words and inverse document frequency, worked out once for all passages.
  const queryTerms = variantsOf(terms).map((variants) =>
    variants.map((variant) => {
      const df = Math.max(documentFrequency(variant), 1);
      return { parts: variant.split(' '), idf: Math.log(1 + (passageCount - df + 0.5) / (df + 0.5)) };
    }),
  );
  const averageLength = candidates.reduce((sum, c) => sum + c.length, 0) / candidates.length;
  const scored = candidates.map(({ id, length, positions }) => {
    let score = 0;
    for (const variants of queryTerms) {
      let best = 0;
      for (const { parts, idf } of variants) {
        const tf = occurrences(positions, parts);
        if (tf === 0) continue;
        const norm = tf + K1 * (1 - B + (B * length) / averageLength);
        best = Math.max(best, (idf * tf * (K1 + 1)) / norm);
      }
      score += best;
    }
    return { id, score };
  });
  return scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.id - b.id);
}
