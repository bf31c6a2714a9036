import type { Terms } from '../text/terms.ts';

export interface CoverageInput {
  terms: Terms;
  /** Document frequency of each term in the active version; absent = never mentioned. */
  frequencies: Map<string, number>;
  chunkCount: number;
}

export interface Coverage {
  /** Share of the question's topic, weighted by rarity, that the guidelines mention at all (0..1). */
  score: number;
  /** The asker's words that the guidelines never mention, rarest concepts first. */
  missing: string[];
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
  for (const term of [...terms.unigrams, ...terms.bigrams]) {
    const df = frequencies.get(term) ?? 0;
    const weight = df === 0 ? maxWeight : Math.log(1 + chunkCount / df);
    total += weight;
    if (df > 0) covered += weight;
    else if (terms.unigrams.includes(term)) missing.push(terms.surface.get(term) ?? term);
  }
  return { score: total === 0 ? 0 : covered / total, missing };
}
