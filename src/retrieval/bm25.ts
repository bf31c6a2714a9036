import type { RankedId } from '../db/chunks.ts';
import type { Terms } from '../text/terms.ts';

export interface TextCandidate {
  id: number;
  searchText: string;
}

// The usual Okapi BM25 constants: term-frequency saturation and length normalisation.
const K1 = 1.2;
const B = 0.75;

function occurrences(tokens: string[], term: string): number {
  const parts = term.split(' ');
  let count = 0;
  for (let i = 0; i + parts.length <= tokens.length; i += 1) {
    if (parts.every((part, j) => tokens[i + j] === part)) count += 1;
  }
  return count;
}

/**
 * Okapi BM25 over the full-text candidates. PostgreSQL's ts_rank counts matches without weighing how rare
 * a word is, so common words ("nội dung", "cơ quan") outrank the one that matters ("bí mật"); this ranks the
 * candidates by inverse document frequency instead. A term's synonyms count as the term (best of them);
 * word pairs are scored like words, which rewards passages that keep the asker's phrases together.
 */
export function rankByBm25(
  candidates: TextCandidate[],
  terms: Terms,
  documentFrequency: (term: string) => number,
  passageCount: number,
): RankedId[] {
  if (candidates.length === 0) return [];
  const tokenized = candidates.map((c) => ({ id: c.id, tokens: c.searchText.split(' ') }));
  const averageLength = tokenized.reduce((sum, c) => sum + c.tokens.length, 0) / tokenized.length;
  const queryTerms = [...terms.unigrams, ...terms.bigrams];
  const scored = tokenized.map(({ id, tokens }) => {
    let score = 0;
    for (const term of queryTerms) {
      const variants = [term, ...(terms.synonyms.get(term) ?? [])];
      let best = 0;
      for (const variant of variants) {
        const tf = occurrences(tokens, variant);
        if (tf === 0) continue;
        const df = Math.max(documentFrequency(variant), 1);
        const idf = Math.log(1 + (passageCount - df + 0.5) / (df + 0.5));
        const norm = tf + K1 * (1 - B + (B * tokens.length) / averageLength);
        best = Math.max(best, (idf * tf * (K1 + 1)) / norm);
      }
      score += best;
    }
    return { id, score };
  });
  return scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.id - b.id);
}
