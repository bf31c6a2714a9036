import type { TermFrequencies } from '../db/terms.ts';
import { phraseFrequency, type Terms } from '../text/terms.ts';

export interface CoverageInput {
  terms: Terms;
  /** Document frequency of each term in the active version; absent = never mentioned. */
  frequencies: TermFrequencies;
  /** Passages that can answer (gaps passages excluded): N of the inverse document frequency. */
  chunkCount: number;
  /**
   * Whether adjacent word pairs are words in their own right. In Vietnamese most words are two syllables
   * ("thời tiết", "bí mật") and single syllables recur everywhere with other meanings, so pairs count as
   * topic terms; in English and Ukrainian two known words that never stand together are still known.
   */
  pairsAreWords: boolean;
  /**
   * Whether two adjacent content words are mostly a qualifier and its head ("neural networks", "shared
   * computer"), as in English once function words are gone; in Ukrainian a verb and its object ("дозволяє
   * передавати") stand together as often, so there a word the corpus lacks says nothing of its neighbour.
   */
  pairsQualifyHeads: boolean;
}

export interface Coverage {
  /** Share of the question's topic words, weighted by rarity, that the answering passages mention (0..1). */
  score: number;
  /** Share of the topic, weighted alike, that only the list of what the reports lack mentions (0..1). */
  gapShare: number;
  /** The asker's words that no passage mentions. */
  missing: string[];
  /** The asker's words and word pairs that only the list of missing details mentions. */
  gapTerms: string[];
}

/**
 * How much of what a question is about occurs anywhere in the corpus. Each content word weighs its inverse
 * document frequency, and a word the corpus never uses weighs the most a word can: a question about
 * "thời tiết Hà Nội" scores near 0 however similar its other words are, while one that names a single
 * unknown product next to well-covered words stays high. A word counts as covered when the corpus has it
 * or one of its thesaurus synonyms. A word pair only the gaps list has marks a question about a missing detail.
 */
export function topicCoverage({
  terms,
  frequencies,
  chunkCount,
  pairsAreWords,
  pairsQualifyHeads,
}: CoverageInput): Coverage {
  const maxWeight = Math.log(1 + chunkCount);
  const dfOf = (map: Map<string, number>, term: string) =>
    Math.max(...[term, ...(terms.synonyms.get(term) ?? [])].map((t) => phraseFrequency(map, t)));
  let total = 0;
  let covered = 0;
  let gapWeight = 0;
  const missing: string[] = [];
  const gapTerms: string[] = [];
  // A phrase the corpus has, itself or through a thesaurus synonym, covers its words: "common approach"
  // is said as "unified", "hàng đầu" as "trên hết", so "approach" or "hàng" is not a topic the corpus lacks.
  const inCoveredPhrase = new Set(
    terms.bigrams.filter((b) => dfOf(frequencies.answers, b) > 0).flatMap((b) => b.split(' ')),
  );
  // A word the corpus never uses changes the sense of the word it qualifies: "neural networks" are not the
  // "networks" the guidelines mention, so that head counts as a topic the corpus lacks too.
  const unknown = (term: string) =>
    dfOf(frequencies.answers, term) === 0 && dfOf(frequencies.gaps, term) === 0 && !inCoveredPhrase.has(term);
  const qualifiedByUnknown = new Set(
    !pairsQualifyHeads
      ? []
      : terms.bigrams
          .map((b) => b.split(' ') as [string, string])
          .filter(([modifier, head]) => unknown(modifier) && !unknown(head))
          .map(([, head]) => head),
  );
  for (const term of pairsAreWords ? [...terms.unigrams, ...terms.bigrams] : terms.unigrams) {
    const df = dfOf(frequencies.answers, term);
    const weight = df === 0 || qualifiedByUnknown.has(term) ? maxWeight : Math.log(1 + chunkCount / df);
    total += weight;
    if (qualifiedByUnknown.has(term)) continue;
    if (df > 0 || inCoveredPhrase.has(term)) covered += weight;
    else if (dfOf(frequencies.gaps, term) > 0) {
      gapWeight += weight;
      gapTerms.push(terms.surface.get(term) ?? term);
    } else if (!term.includes(' ')) missing.push(terms.surface.get(term) ?? term);
  }
  if (!pairsAreWords) {
    for (const bigram of terms.bigrams) {
      if (dfOf(frequencies.answers, bigram) === 0 && dfOf(frequencies.gaps, bigram) > 0) {
        gapTerms.push(terms.surface.get(bigram) ?? bigram);
      }
    }
  }
  return {
    score: total === 0 ? 0 : covered / total,
    gapShare: total === 0 ? 0 : gapWeight / total,
    missing,
    gapTerms,
  };
}
