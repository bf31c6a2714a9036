import type { ChunksRepository, SearchScope, StoredChunk, TextMatch } from '../db/chunks.ts';
import type { TermsRepository } from '../db/terms.ts';
import type { CorpusVersion, VersionsRepository } from '../db/versions.ts';
import type { Embedder } from '../embeddings/create.ts';
import { EmbedderMismatchError, NotIndexedError } from '../errors.ts';
import type { Language } from '../text/language.ts';
import { frequencyKeys, phraseFrequency, questionTerms, toTsQuery } from '../text/terms.ts';
import { rankByBm25 } from './bm25.ts';
import { type Coverage, topicCoverage } from './confidence.ts';
import { fuseRankings } from './fuse.ts';
import { createOriginalsLookup, type OriginalText } from './originals.ts';

export interface Passage extends Omit<StoredChunk, 'id' | 'searchText' | 'documentVersion'> {
  chunkId: number;
  /** The document's own edition label (front matter `version`). */
  version: string;
  /** Reciprocal-rank-fusion score (with the kind prior): orders passages, says nothing absolute. */
  score: number;
  matchedText: boolean;
  /** For a passage of a translation: the same section in the original language. */
  original: OriginalText | undefined;
}

export interface Retrieval {
  corpusVersion: CorpusVersion;
  /** Passages that can answer, best first (never the list of what the reports lack). */
  passages: Passage[];
  /** The best-matching item of the list of details the public reports do not give, if any matched. */
  gap: Passage | undefined;
  coverage: Coverage;
  /** Calibrated 0..1 signal for answer-or-escalate: topic coverage, and 0 when no passage shares a word. */
  confidence: number;
}

export interface RetrieverDeps {
  versions: VersionsRepository;
  chunks: ChunksRepository;
  terms: TermsRepository;
  embedder: Embedder;
  topK: number;
  /** Searches this version instead of the active one: the quality check measures versions side by side. */
  version?: CorpusVersion;
}

const ANSWER_KINDS = ['guidelines', 'related', 'context'];
// Each leg looks deeper than the answer needs, so fusion can lift a passage that one leg ranks low.
const CANDIDATES_PER_LEG = 4;
// Full-text candidates re-ranked by BM25: enough that a rare word's passages are among them.
const TEXT_CANDIDATES = 200;

/**
 * Staff ask about the Party guidelines: where a related document (Letter 557, for state agencies) or the
 * training conference says much the same, the guidelines' passage comes first. 0.9 moves a passage about
 * as far as a few ranks in both legs, so a question that names Letter 557 still gets Letter 557.
 */
const KIND_PRIOR: Record<string, number> = { guidelines: 1, related: 0.9, context: 0.9 };

async function searchedVersion(
  versions: VersionsRepository,
  embedder: Embedder,
  pinned: CorpusVersion | undefined,
): Promise<CorpusVersion> {
  const version = pinned ?? (await versions.active());
  if (!version) throw new NotIndexedError('The guidelines are not indexed yet: run `npm run reindex`.');
  if (version.embedder !== embedder.id) {
    throw new EmbedderMismatchError(
      `The active index (${version.label}) was built with the embedder ${version.embedder}, but the configuration ` +
        `selects ${embedder.id}. Run \`npm run reindex\` to rebuild it, or restore the EMBEDDINGS_* settings.`,
    );
  }
  return version;
}

export function createRetriever({ versions, chunks, terms, embedder, topK, version: pinned }: RetrieverDeps) {
  const originals = createOriginalsLookup(versions, chunks);

  async function toPassages(versionId: number, ranked: { id: number; score: number; text: boolean }[]) {
    const stored = new Map((await chunks.byIds(ranked.map((r) => r.id))).map((c) => [c.id, c]));
    const hits = ranked.flatMap((r) => {
      const chunk = stored.get(r.id);
      return chunk ? [{ ...r, chunk, score: r.score * (KIND_PRIOR[chunk.documentKind] ?? 1) }] : [];
    });
    hits.sort((a, b) => b.score - a.score || a.id - b.id);
    const aligned = await originals(
      versionId,
      hits.map((h) => h.chunk),
    );
    return hits.map(({ chunk, score, text }): Passage => {
      const { id, searchText, documentVersion, ...rest } = chunk;
      return {
        ...rest,
        chunkId: id,
        version: documentVersion,
        score,
        matchedText: text,
        original: aligned.get(id),
      };
    });
  }

  return async function retrieve(question: string, language: Language): Promise<Retrieval> {
    const version = await searchedVersion(versions, embedder, pinned);
    // Search the asker's language; where the corpus has nothing in it, the Vietnamese originals.
    const sizes = await versions.passagesByLanguage(version.id);
    const languages = sizes.has(language) ? [language] : ['vi'];
    const answers: SearchScope = { languages, kinds: ANSWER_KINDS };
    const queryTerms = questionTerms(question, language);
    const tsQuery = toTsQuery(queryTerms);
    const depth = Math.max(topK * CANDIDATES_PER_LEG, 20);
    const embedding = await embedder.embedQuery(question);
    const none = Promise.resolve([] as TextMatch[]);
    const [nearest, textMatches, gapMatches, frequencies] = await Promise.all([
      chunks.nearest(version.id, answers, embedding, depth),
      tsQuery ? chunks.matching(version.id, answers, tsQuery, TEXT_CANDIDATES) : none,
      tsQuery ? chunks.matching(version.id, { languages, kinds: ['gaps'] }, tsQuery, TEXT_CANDIDATES) : none,
      terms.frequencies(version.id, languages, [
        ...queryTerms.unigrams,
        ...queryTerms.bigrams,
        ...[...queryTerms.synonyms.values()].flat().flatMap(frequencyKeys),
      ]),
    ]);
    const passageCount = languages.reduce((sum, l) => sum + (sizes.get(l) ?? 0), 0);
    const df = (term: string) =>
      phraseFrequency(frequencies.answers, term) + phraseFrequency(frequencies.gaps, term);
    const matching = rankByBm25(textMatches, queryTerms, df, passageCount).slice(0, depth);
    const fused = fuseRankings(nearest, matching).map((f) => ({ ...f, text: f.textRank !== undefined }));
    const passages = (await toPassages(version.id, fused)).slice(0, topK);
    const bestGap = rankByBm25(gapMatches, queryTerms, df, passageCount)[0];
    const [gap] = bestGap ? await toPassages(version.id, [{ ...bestGap, text: true }]) : [];
    const coverage = topicCoverage({
      terms: queryTerms,
      frequencies,
      chunkCount: passageCount,
      pairsAreWords: language === 'vi',
      pairsQualifyHeads: language === 'en',
    });
    const confidence = matching.length === 0 ? 0 : coverage.score;
    return { corpusVersion: version, passages, gap, coverage, confidence };
  };
}

export type Retrieve = ReturnType<typeof createRetriever>;
