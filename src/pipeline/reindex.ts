import { type Chunk, hashText } from '../corpus/chunk.ts';
import { type LoadedDocument, loadCorpus } from '../corpus/load.ts';
import type { ChunkRecord } from '../db/chunks.ts';
import type { FlaggedAnswer } from '../db/curated.ts';
import type { ReleaseLock } from '../db/reindex-lock.ts';
import { joinBySection, sectionTexts } from '../db/section-texts.ts';
import type { CorpusVersion } from '../db/versions.ts';
import type { Embedder } from '../embeddings/create.ts';
import { AppError } from '../errors.ts';
import { type CorpusDiff, diffCorpus } from './corpus-diff.ts';
import { type StoreDeps, storeVersion } from './store-version.ts';
import { shortTextDiff } from './text-diff.ts';

export type ReindexProgress =
  | { stage: 'loaded'; documents: number; chunks: number }
  | { stage: 'embedding'; done: number; total: number }
  | { stage: 'storing' };

export interface ReindexReport {
  changed: boolean;
  version: CorpusVersion;
  previous: CorpusVersion | undefined;
  documents: number;
  chunks: number;
  /** Distinct passages sent to the embedder in this run. */
  embedded: number;
  /** Passages whose embedding was taken from an earlier version. */
  reused: number;
  diff: CorpusDiff;
  /** A dry run compares and reports, and stores nothing. */
  dryRun: boolean;
  /** Curated answers hidden until reviewed because their sections changed. */
  flaggedForReview: FlaggedAnswer[];
  /** Whether a message listing them waits in the outbox for the coordinators' chat (false: none configured). */
  reviewNoticeQueued: boolean;
  /** Old versions deleted to keep VERSIONS_KEPT. */
  pruned: string[];
}

export interface ReindexDeps extends StoreDeps {
  embedder: Embedder;
  keepVersions: number;
  /** Held for the whole run (not for a dry run, which changes nothing): one re-index at a time. */
  runLock: () => Promise<ReleaseLock>;
}

const EMBED_BATCH = 32;

/**
 * Bump when the search text or term statistics are computed differently (folding, stemming, chunking):
 * the next re-index then rebuilds even though no document changed (embeddings are still reused).
 */
const INDEX_FORMAT = 'search-v3';

function fingerprintOf(embedder: string, documents: LoadedDocument[]): string {
  const parts = [INDEX_FORMAT, embedder];
  for (const d of documents) {
    parts.push(JSON.stringify(d.meta), d.fileName, ...d.chunks.map((c) => `${c.chunkKey}=${c.contentHash}`));
  }
  return hashText(parts.join('\n'));
}

/** Embeds each distinct text that has no stored embedding, in batches, reporting progress. */
async function embedNew(
  embedder: Embedder,
  chunks: Chunk[],
  stored: Map<string, number[]>,
  onProgress: (event: ReindexProgress) => void,
): Promise<Map<string, number[]>> {
  const missing = [
    ...new Map(chunks.filter((c) => !stored.has(c.contentHash)).map((c) => [c.contentHash, c])),
  ];
  const vectors = new Map<string, number[]>();
  for (let start = 0; start < missing.length; start += EMBED_BATCH) {
    const batch = missing.slice(start, start + EMBED_BATCH).map(([, chunk]) => chunk);
    const embedded = await embedder.embedDocuments(batch.map((c) => c.embeddingInput));
    for (const [i, c] of batch.entries()) vectors.set(c.contentHash, embedded[i] as number[]);
    onProgress({
      stage: 'embedding',
      done: Math.min(start + EMBED_BATCH, missing.length),
      total: missing.length,
    });
  }
  return vectors;
}

/** A changed section's text diff; one whose words stayed the same changed in its heading, layout or example questions. */
function describeChange(before: string, after: string): string {
  return shortTextDiff(before, after) || '(same words: its heading, layout or example questions changed)';
}

/** The index path: load and chunk the corpus, embed only what is new, store and activate a version. */
export function createReindex(deps: ReindexDeps) {
  const { versions, chunks, embedder } = deps;
  return async function reindex(
    corpusDir: string,
    onProgress: (event: ReindexProgress) => void = () => {},
    { dryRun = false }: { dryRun?: boolean } = {},
  ): Promise<ReindexReport> {
    if (dryRun) return build(corpusDir, onProgress, true);
    const release = await deps.runLock();
    try {
      return await build(corpusDir, onProgress, false);
    } finally {
      await release();
    }
  };

  async function build(
    corpusDir: string,
    onProgress: (event: ReindexProgress) => void,
    dryRun: boolean,
  ): Promise<ReindexReport> {
    const documents = await loadCorpus(corpusDir);
    const allChunks = documents.flatMap((d) => d.chunks);
    onProgress({ stage: 'loaded', documents: documents.length, chunks: allChunks.length });
    const previous = await versions.active();
    const fingerprint = fingerprintOf(embedder.id, documents);
    const before = previous ? await chunks.hashesByKey(previous.id) : new Map<string, string>();
    const diff = diffCorpus(before, new Map(allChunks.map((c) => [c.chunkKey, c.contentHash])));
    if (previous && diff.changed.length > 0) {
      const was = await sectionTexts(deps.pool, previous.id, diff.changed);
      const now = joinBySection(allChunks.map((c) => [c.chunkKey, c.content]));
      diff.textDiffs = Object.fromEntries(
        diff.changed.map((s) => [s, describeChange(was.get(s) ?? '', now.get(s) ?? '')]),
      );
    }
    const report = {
      previous,
      documents: documents.length,
      chunks: allChunks.length,
      diff,
      dryRun,
      flaggedForReview: [],
      reviewNoticeQueued: false,
      pruned: [],
    };
    const unchanged = previous?.fingerprint === fingerprint;
    if (unchanged || (dryRun && previous)) {
      return { ...report, changed: !unchanged, version: previous, embedded: 0, reused: allChunks.length };
    }
    if (dryRun)
      throw new AppError('Nothing is indexed yet: a dry run needs an active version to compare with.');

    const stored = await chunks.embeddingsByHash(embedder.id, [
      ...new Set(allChunks.map((c) => c.contentHash)),
    ]);
    const fresh = await embedNew(embedder, allChunks, stored, onProgress);
    const kinds = new Map(documents.map((d) => [d.meta.id, d.meta.kind]));
    const records: ChunkRecord[] = allChunks.map((c) => ({
      ...c,
      kind: kinds.get(c.documentId) ?? 'guidelines',
      embedding: (stored.get(c.contentHash) ?? fresh.get(c.contentHash)) as number[],
    }));
    onProgress({ stage: 'storing' });
    const built = await storeVersion(deps, {
      embedder: embedder.id,
      fingerprint,
      documents,
      records,
      diff,
      keepVersions: deps.keepVersions,
    });
    const reused = allChunks.filter((c) => stored.has(c.contentHash)).length;
    return { ...report, ...built, changed: true, embedded: fresh.size, reused };
  }
}

export type Reindex = ReturnType<typeof createReindex>;
