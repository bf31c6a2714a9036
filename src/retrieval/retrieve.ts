import type { ChunksRepository } from '../db/chunks.ts';
import type { TermsRepository } from '../db/terms.ts';
import type { CorpusVersion, VersionsRepository } from '../db/versions.ts';
import type { Embedder } from '../embeddings/create.ts';
import { EmbedderMismatchError, NotIndexedError } from '../errors.ts';
import { questionTerms, toTsQuery } from '../text/terms.ts';
import { type Coverage, topicCoverage } from './confidence.ts';
import { fuseRankings } from './fuse.ts';

export interface Passage {
  chunkId: number;
  documentId: string;
  documentTitle: string;
  language: string;
  sectionId: string;
  sectionPath: string;
  /** The document's own edition label (front matter `version`). */
  version: string;
  content: string;
  sources: string[];
  /** Reciprocal-rank-fusion score: orders passages, says nothing absolute. */
  score: number;
  matchedText: boolean;
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

export function createRetriever({ versions, chunks, terms, embedder, topK }: RetrieverDeps) {
  return async function retrieve(question: string): Promise<Retrieval> {
    const version = await versions.active();
    if (!version) throw new NotIndexedError('The guidelines are not indexed yet: run `npm run reindex`.');
    if (version.embedder !== embedder.id) {
      throw new EmbedderMismatchError(
        `The active index (${version.label}) was built with the embedder ${version.embedder}, but the configuration ` +
          `selects ${embedder.id}. Run \`npm run reindex\` to rebuild it, or restore the EMBEDDINGS_* settings.`,
      );
    }
    const queryTerms = questionTerms(question);
    const tsQuery = toTsQuery(queryTerms);
    const depth = Math.max(topK * CANDIDATES_PER_LEG, 20);
    const embedding = await embedder.embedQuery(question);
    const [nearest, matching, frequencies] = await Promise.all([
      chunks.nearest(version.id, embedding, depth),
      tsQuery ? chunks.matching(version.id, tsQuery, depth) : Promise.resolve([]),
      terms.frequencies(version.id, [...queryTerms.unigrams, ...queryTerms.bigrams]),
    ]);
    const fused = fuseRankings(nearest, matching).slice(0, topK);
    const stored = new Map((await chunks.byIds(fused.map((f) => f.id))).map((c) => [c.id, c]));
    const passages: Passage[] = [];
    for (const hit of fused) {
      const chunk = stored.get(hit.id);
      if (!chunk) continue;
      passages.push({
        chunkId: chunk.id,
        documentId: chunk.documentId,
        documentTitle: chunk.documentTitle,
        language: chunk.language,
        sectionId: chunk.sectionId,
        sectionPath: chunk.sectionPath,
        version: chunk.documentVersion,
        content: chunk.content,
        sources: chunk.sources,
        score: hit.score,
        matchedText: hit.textRank !== undefined,
      });
    }
    const coverage = topicCoverage({ terms: queryTerms, frequencies, chunkCount: version.chunkCount });
    const confidence = matching.length === 0 ? 0 : coverage.score;
    return { corpusVersion: version, passages, coverage, confidence };
  };
}

export type Retrieve = ReturnType<typeof createRetriever>;
