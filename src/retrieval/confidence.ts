import type { TermFrequencies } from '../db/terms.ts';
import type { Terms } from '../text/terms.ts';

export interface CoverageInput {
  terms: Terms;
  /** Document frequency of each term in the active version; absent = never mentioned. */
  frequencies: TermFrequencies;
  /** Passages that can answer (gaps passages excluded): N of the inverse document frequency. */
  chunkCount: number;
}

export interface Coverage {
  /** Share of the question's topic, weighted by rarity, that the guidelines mention at all (0..1). */
  score: number;
  /** The asker's words that the guidelines never mention. */
  missing: string[];
  /** The asker's words and word pairs that only the list of what the reports lack mentions. */
  gapTerms: string[];
}

/**
 * How much of what a question is about occurs anywhere in the guidelines. Each content word and word pair
 * weighs its inverse document frequency, and a term the guidelines never use weighs the most a term can:
 * a question about "thời tiết Hà Nội" scores near 0 however similar its other words are, while one that
 * names a single unknown product ("ChatGPT") next to well-covered terms stays high.
 */
export function topicCoverage({ terms, frequencies, chunkCount }: CoverageInput): Coverage {
  const maxWeight = Math.log(1 + chunkCount);
  let total = 0;
  let covered = 0;
  const missing: string[] = [];
  const gapTerms: string[] = [];
  for (const term of [...terms.unigrams, ...terms.bigrams]) {
    // A term counts as covered when the corpus says it, or says it in other words.
    const df = Math.max(
      ...[term, ...(terms.synonyms.get(term) ?? [])].map((t) => frequencies.answers.get(t) ?? 0),
    );
    const weight = df === 0 ? maxWeight : Math.log(1 + chunkCount / df);
    total += weight;
    if (df > 0) covered += weight;
    else {
      const surface = terms.surface.get(term) ?? term;
      if (frequencies.gaps.has(term)) gapTerms.push(surface);
      else if (terms.unigrams.includes(term)) missing.push(surface);
    }
  }
  return { score: total === 0 ? 0 : covered / total, missing, gapTerms };
}
