import type { ChunksRepository, StoredChunk } from '../db/chunks.ts';
import type { TermsRepository } from '../db/terms.ts';
import type { CorpusVersion, VersionSummary, VersionsRepository } from '../db/versions.ts';
import type { Embedder } from '../embeddings/create.ts';
import { EmbedderMismatchError, NotIndexedError } from '../errors.ts';
import type { Language } from '../text/language.ts';
import { type Coverage, topicCoverage } from './confidence.ts';
import { fuseRankings } from './fuse.ts';
import { createOriginalsLookup, type OriginalText } from './originals.ts';
import { createTextLeg } from './text-leg.ts';
import { createVectorLeg } from './vector-leg.ts';

export interface Passage extends Omit<StoredChunk, 'id' | 'documentVersion'> {
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
  corpusVersion: VersionSummary;
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

/** Document kinds that answer (the list of what the public reports lack only explains an escalation). */
export const ANSWER_KINDS = ['guidelines', 'related', 'context'];
// Each leg looks deeper than the answer needs, so fusion can lift a passage that one leg ranks low.
const CANDIDATES_PER_LEG = 4;

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
): Promise<VersionSummary> {
  const version = pinned ?? (await versions.activeSummary());
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
  const searchText = createTextLeg({ chunks, terms, answerKinds: ANSWER_KINDS });
  const nearestPassages = createVectorLeg({ chunks });

  /** Ranked ids as passages, in their order; ids without a stored row dropped. */
  function toPassages(
    ranked: { id: number; score: number; text: boolean }[],
    stored: Map<number, StoredChunk>,
    aligned: Map<number, OriginalText>,
  ): Passage[] {
    return ranked.flatMap(({ id, score, text }): Passage[] => {
      const chunk = stored.get(id);
      if (!chunk) return [];
      const { id: _, documentVersion, ...rest } = chunk;
      return [
        {
          ...rest,
          chunkId: id,
          version: documentVersion,
          score,
          matchedText: text,
          original: aligned.get(id),
        },
      ];
    });
  }

  // A version's passages never change once it is built, so their count per language is asked for once.
  const passageCounts = new Map<number, Promise<Map<string, number>>>();
  const countsOf = (versionId: number) => {
    let counts = passageCounts.get(versionId);
    if (!counts) {
      counts = versions.passagesByLanguage(versionId);
      passageCounts.set(versionId, counts);
      counts.catch(() => passageCounts.delete(versionId));
    }
    return counts;
  };

  return async function retrieve(question: string, language: Language): Promise<Retrieval> {
    // The version and the question's embedding at once: with an embeddings server both are round trips.
    const [version, embedding] = await Promise.all([
      searchedVersion(versions, embedder, pinned),
      embedder.embedQuery(question),
    ]);
    // Search the asker's language; where the corpus has nothing in it, the Vietnamese originals.
    const sizes = await countsOf(version.id);
    const languages = sizes.has(language) ? [language] : ['vi'];
    const passageCount = languages.reduce((sum, l) => sum + (sizes.get(l) ?? 0), 0);
    const depth = Math.max(topK * CANDIDATES_PER_LEG, 20);
    const [nearest, text] = await Promise.all([
      nearestPassages(version, { languages, kinds: ANSWER_KINDS }, embedding, depth),
      searchText(version, languages, passageCount, question, language),
    ]);
    const matching = text.matching.slice(0, depth);
    const kindOf = new Map([...nearest, ...matching].map((hit) => [hit.id, hit.kind]));
    // Fused, weighed by kind, and cut to the best before any passage is read whole.
    const best = fuseRankings(nearest, matching)
      .map((f) => ({
        id: f.id,
        score: f.score * (KIND_PRIOR[kindOf.get(f.id) as string] ?? 1),
        text: f.textRank !== undefined,
      }))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, topK);
    const gapHit = text.bestGap ? [{ ...text.bestGap, text: true }] : [];
    // The passages and the gaps item in one read, and the originals of the translated ones in another.
    const rows = await chunks.byIds([...best, ...gapHit].map((r) => r.id));
    const stored = new Map(rows.map((c) => [c.id, c]));
    const aligned = await originals(version, rows);
    const passages = toPassages(best, stored, aligned);
    const [gap] = toPassages(gapHit, stored, aligned);
    const coverage = topicCoverage({
      terms: text.terms,
      frequencies: text.frequencies,
      chunkCount: passageCount,
      pairsAreWords: language === 'vi',
      pairsQualifyHeads: language === 'en',
    });
    const confidence = matching.length === 0 ? 0 : coverage.score;
    return { corpusVersion: version, passages, gap, coverage, confidence };
  };
}

export type Retrieve = ReturnType<typeof createRetriever>;
