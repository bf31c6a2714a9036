import type { ChunksRepository, StoredChunk } from '../db/chunks.ts';
import type { TermsRepository } from '../db/terms.ts';
import type { CorpusVersion, VersionsRepository } from '../db/versions.ts';
import type { Embedder } from '../embeddings/create.ts';
import { EmbedderMismatchError, NotIndexedError } from '../errors.ts';
import type { Language } from '../text/language.ts';
import { questionTerms, toTsQuery } from '../text/terms.ts';
import { type Coverage, topicCoverage } from './confidence.ts';
import { fuseRankings } from './fuse.ts';
import { createOriginalsLookup, type OriginalText } from './originals.ts';

export interface Passage extends Omit<StoredChunk, 'id' | 'searchText' | 'documentVersion'> {
  chunkId: number;
  /** The document's own edition label (front matter `version`). */
  version: string;
  /** Reciprocal-rank-fusion score: orders passages, says nothing absolute. */
  score: number;
  matchedText: boolean;
  /** For a passage of a translation: the same section in the original language. */
  original: OriginalText | undefined;
}

export interface Retrieval {
  corpusVersion: CorpusVersion;
  passages: Passage[];
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
}

// Each leg looks deeper than the answer needs, so fusion can lift a passage that one leg ranks low.
const CANDIDATES_PER_LEG = 4;

/**
 * Staff ask about the Party guidelines: where a related document (Letter 557, for state agencies) or the
 * training conference says much the same, the guidelines' passage comes first. 0.9 moves a passage about
 * as far as a few ranks in both legs, so a question that names Letter 557 still gets Letter 557.
 */
const KIND_PRIOR: Record<string, number> = { guidelines: 1, gaps: 1, related: 0.9, context: 0.9 };

async function activeVersion(versions: VersionsRepository, embedder: Embedder): Promise<CorpusVersion> {
  const version = await versions.active();
  if (!version) throw new NotIndexedError('The guidelines are not indexed yet: run `npm run reindex`.');
  if (version.embedder !== embedder.id) {
    throw new EmbedderMismatchError(
      `The active index (${version.label}) was built with the embedder ${version.embedder}, but the configuration ` +
        `selects ${embedder.id}. Run \`npm run reindex\` to rebuild it, or restore the EMBEDDINGS_* settings.`,
    );
  }
  return version;
}

export function createRetriever({ versions, chunks, terms, embedder, topK }: RetrieverDeps) {
  const originals = createOriginalsLookup(versions, chunks);
  return async function retrieve(question: string, language: Language): Promise<Retrieval> {
    const version = await activeVersion(versions, embedder);
    // Search the asker's language; where the corpus has nothing in it, the Vietnamese originals.
    const sizes = await versions.passagesByLanguage(version.id);
    const languages = sizes.has(language) ? [language] : ['vi'];
    const passageCount = languages.reduce((sum, l) => sum + (sizes.get(l) ?? 0), 0);
    const queryTerms = questionTerms(question, language);
    const tsQuery = toTsQuery(queryTerms);
    const depth = Math.max(topK * CANDIDATES_PER_LEG, 20);
    const embedding = await embedder.embedQuery(question);
    const [nearest, matching, frequencies] = await Promise.all([
      chunks.nearest(version.id, languages, embedding, depth),
      tsQuery ? chunks.matching(version.id, languages, tsQuery, depth) : Promise.resolve([]),
      terms.frequencies(version.id, languages, [
        ...queryTerms.unigrams,
        ...queryTerms.bigrams,
        ...[...queryTerms.synonyms.values()].flat(),
      ]),
    ]);
    const fused = fuseRankings(nearest, matching);
    const stored = new Map((await chunks.byIds(fused.map((f) => f.id))).map((c) => [c.id, c]));
    const hits = fused
      .flatMap((hit) => {
        const chunk = stored.get(hit.id);
        return chunk
          ? [{ hit: { ...hit, score: hit.score * (KIND_PRIOR[chunk.documentKind] ?? 1) }, chunk }]
          : [];
      })
      .sort((a, b) => b.hit.score - a.hit.score || a.hit.id - b.hit.id)
      .slice(0, topK);
    const aligned = await originals(
      version.id,
      hits.map(({ chunk }) => chunk),
    );
    const passages: Passage[] = hits.map(({ hit, chunk }) => {
      const { id, searchText, documentVersion, ...rest } = chunk;
      return {
        ...rest,
        chunkId: id,
        version: documentVersion,
        score: hit.score,
        matchedText: hit.textRank !== undefined,
        original: aligned.get(id),
      };
    });
    const coverage = topicCoverage({ terms: queryTerms, frequencies, chunkCount: passageCount });
    const confidence = matching.length === 0 ? 0 : coverage.score;
    return { corpusVersion: version, passages, coverage, confidence };
  };
}

export type Retrieve = ReturnType<typeof createRetriever>;
