import type pg from 'pg';
import type { LoadedDocument } from '../corpus/load.ts';
import { audit } from '../db/audit.ts';
import type { ChunkRecord, ChunksRepository } from '../db/chunks.ts';
import { type FlaggedAnswer, flagForReview } from '../db/curated.ts';
import type { OutboxRepository, OutgoingMessage } from '../db/outbox.ts';
import type { TermsRepository } from '../db/terms.ts';
import type { CorpusVersion, DocumentRecord, VersionsRepository } from '../db/versions.ts';
import { AppError } from '../errors.ts';
import { documentFrequencies } from '../text/terms.ts';
import { type CorpusDiff, touchedSections } from './corpus-diff.ts';

export interface StoreDeps {
  pool: pg.Pool;
  versions: VersionsRepository;
  chunks: ChunksRepository;
  terms: TermsRepository;
  outbox: Pick<OutboxRepository, 'enqueue'>;
  /**
   * The coordinators' message listing the curated answers a new version hid; none when no coordinators' chat
   * is configured. Written to the outbox in the activating transaction: it is sent once, even after a crash.
   */
  reviewNotice(flagged: FlaggedAnswer[], version: CorpusVersion): OutgoingMessage[];
}

export interface NewBuild {
  embedder: string;
  fingerprint: string;
  documents: LoadedDocument[];
  records: ChunkRecord[];
  diff: CorpusDiff;
  /** Inactive versions kept for rollback; older ones are deleted. */
  keepVersions: number;
}

export interface StoredVersion {
  version: CorpusVersion;
  /** Curated answers about sections this version changed or removed, now hidden until reviewed. */
  flaggedForReview: FlaggedAnswer[];
  /** Whether the coordinators' chat is told about them (through the outbox). */
  reviewNoticeQueued: boolean;
  /** Old versions deleted to keep `keepVersions`. */
  pruned: string[];
}

// Any fixed number: one re-index at a time per database.
export const REINDEX_LOCK_KEY = 7_310_002;

function documentRecord(d: LoadedDocument): DocumentRecord {
  const { meta } = d;
  return {
    documentId: meta.id,
    language: meta.language,
    title: meta.title,
    status: meta.status,
    kind: meta.kind,
    isTranslation: meta.translation,
    chunkCount: d.chunks.length,
    versionLabel: meta.version,
    issuer: meta.issuer,
    note: meta.note,
    sources: meta.sources,
    fileName: d.fileName,
  };
}

/** Word and word-pair document frequencies per language, gaps passages counted apart. */
async function storeTermFrequencies(
  terms: StoreDeps['terms'],
  client: pg.PoolClient,
  versionId: number,
  build: NewBuild,
): Promise<void> {
  const chunks = build.documents.flatMap((d) =>
    d.chunks.map((c) => ({ ...c, gaps: d.meta.kind === 'gaps' })),
  );
  for (const language of new Set(chunks.map((c) => c.language))) {
    for (const scope of ['answers', 'gaps'] as const) {
      // What the passages state, not the example questions: those name topics a passage is asked about,
      // including details it does not give.
      // The gaps list's introduction (section 0) says what the list is ("the assistant does not answer by
      // guessing but passes the question on"); only its items name missing details, so only their words
      // may mark a question as asking for one.
      const texts = chunks
        .filter((c) => c.language === language && c.gaps === (scope === 'gaps'))
        .filter((c) => !(c.gaps && c.sectionId === '0'))
        .map((c) => c.statedText);
      if (texts.length > 0)
        await terms.insert(client, versionId, language, scope, documentFrequencies(texts));
    }
  }
}

/**
 * Writes a complete version and activates it in one transaction: readers see the old version until the
 * commit and the new one after it, and a failure anywhere leaves the old version active.
 */
export async function storeVersion(deps: StoreDeps, build: NewBuild): Promise<StoredVersion> {
  const dimensions = new Set(build.records.map((r) => r.embedding.length));
  if (dimensions.size !== 1) {
    throw new AppError(`The embedder returned vectors of different sizes (${[...dimensions].join(', ')}).`);
  }
  const client = await deps.pool.connect();
  try {
    await client.query('BEGIN');
    const locked = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [
      REINDEX_LOCK_KEY,
    ]);
    if (!locked.rows[0]?.ok)
      throw new AppError('Another re-index is running on this database; try again later.');
    const version = await deps.versions.create(client, {
      embedder: build.embedder,
      dimensions: [...dimensions][0] as number,
      fingerprint: build.fingerprint,
      chunkCount: build.records.length,
    });
    await deps.versions.insertDocuments(client, version.id, build.documents.map(documentRecord));
    await deps.chunks.insert(client, version.id, build.records);
    await deps.chunks.ensureVectorIndex(client, version.dimensions);
    await storeTermFrequencies(deps.terms, client, version.id, build);
    await deps.versions.activate(client, version.id);
    await deps.versions.recordDiff(client, version.id, build.diff);
    const flaggedForReview = await flagForReview(client, touchedSections(build.diff));
    const notice = flaggedForReview.length > 0 ? deps.reviewNotice(flaggedForReview, version) : [];
    await deps.outbox.enqueue(client, notice);
    const pruned = await deps.versions.prune(client, build.keepVersions);
    await audit(client, {
      actor: undefined,
      action: 'reindexed',
      subject: `version:${version.label}`,
      details: {
        documents: build.documents.length,
        passages: build.records.length,
        embedder: build.embedder,
        flaggedForReview: flaggedForReview.map((f) => f.id),
        pruned,
      },
    });
    await client.query('COMMIT');
    deps.versions.forgetActive();
    return {
      version: { ...version, isActive: true, diff: build.diff },
      flaggedForReview,
      reviewNoticeQueued: notice.length > 0,
      pruned,
    };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
