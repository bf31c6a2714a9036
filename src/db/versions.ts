import type pg from 'pg';
import type { CorpusDiff } from '../pipeline/corpus-diff.ts';

export interface CorpusVersion {
  id: number;
  label: string;
  embedder: string;
  dimensions: number;
  fingerprint: string;
  chunkCount: number;
  isActive: boolean;
  createdAt: Date;
  activatedAt: Date | null;
  /** Sections added, changed and removed against the version active before it (null for older builds). */
  diff: CorpusDiff | null;
}

/** A version without what its re-index changed. */
export type VersionSummary = Omit<CorpusVersion, 'diff'>;

export interface DocumentRecord {
  documentId: string;
  language: string;
  title: string;
  status: string;
  kind: string;
  isTranslation: boolean;
  chunkCount: number;
  versionLabel: string;
  issuer: string | undefined;
  note: string | undefined;
  sources: string[];
  fileName: string;
}

export interface NewVersion {
  embedder: string;
  dimensions: number;
  fingerprint: string;
  chunkCount: number;
}

type Queryable = pg.Pool | pg.PoolClient;

const SUMMARY_COLUMNS = `id::int AS id, label, embedder, dimensions, fingerprint, chunk_count AS "chunkCount",
  is_active AS "isActive", created_at AS "createdAt", activated_at AS "activatedAt"`;
const VERSION_COLUMNS = `${SUMMARY_COLUMNS}, diff`;

/**
 * How long the question path reuses its read of the active version. A re-index or rollback in this process
 * is seen at once (`forgetActive`); one in another process (the CLI, another replica) up to this much later,
 * meanwhile answering from the version before, which stays whole until it is pruned.
 */
const ACTIVE_VERSION_REUSED_MS = 1_000;

/** Corpus versions and the documents each holds. */
export function createVersionsRepository(pool: pg.Pool) {
  // One read at a time is shared by every question asked meanwhile (fifty chats at once: one query).
  let activeRead: { at: number; summary: Promise<VersionSummary | undefined> } | undefined;
  return {
    async active(): Promise<CorpusVersion | undefined> {
      const result = await pool.query<CorpusVersion>(
        `SELECT ${VERSION_COLUMNS} FROM corpus_versions WHERE is_active`,
      );
      return result.rows[0];
    },

    /**
     * The active version without its diff, for the question path: the diff of a large build lists every
     * section (half a megabyte at 100,000 passages, 25 ms a read, measured by `npm run bench`).
     */
    activeSummary(): Promise<VersionSummary | undefined> {
      const now = performance.now();
      if (activeRead && now - activeRead.at < ACTIVE_VERSION_REUSED_MS) return activeRead.summary;
      const summary = pool
        .query<VersionSummary>({
          name: 'versions.active-summary',
          text: `SELECT ${SUMMARY_COLUMNS} FROM corpus_versions WHERE is_active`,
        })
        .then((result) => result.rows[0]);
      const read = { at: now, summary };
      activeRead = read;
      // A failed read is not reused: the next question tries again.
      summary.catch(() => {
        if (activeRead === read) activeRead = undefined;
      });
      return summary;
    },

    /** Reads the active version afresh next time: call after committing a change of it. */
    forgetActive(): void {
      activeRead = undefined;
    },

    async list(): Promise<CorpusVersion[]> {
      const result = await pool.query<CorpusVersion>(
        `SELECT ${VERSION_COLUMNS} FROM corpus_versions ORDER BY id`,
      );
      return result.rows;
    },

    /** A new, inactive version labelled v<id>. */
    async create(client: Queryable, version: NewVersion): Promise<CorpusVersion> {
      const inserted = await client.query<{ id: number }>(
        `INSERT INTO corpus_versions (label, embedder, dimensions, fingerprint, chunk_count)
         VALUES (gen_random_uuid()::text, $1, $2, $3, $4) RETURNING id::int AS id`,
        [version.embedder, version.dimensions, version.fingerprint, version.chunkCount],
      );
      const id = inserted.rows[0]?.id;
      const result = await client.query<CorpusVersion>(
        `UPDATE corpus_versions SET label = 'v' || id WHERE id = $1 RETURNING ${VERSION_COLUMNS}`,
        [id],
      );
      return result.rows[0] as CorpusVersion;
    },

    async recordDiff(client: Queryable, versionId: number, diff: CorpusVersion['diff']): Promise<void> {
      await client.query('UPDATE corpus_versions SET diff = $2 WHERE id = $1', [
        versionId,
        JSON.stringify(diff),
      ]);
    },

    /** Inactive versions beyond the newest `keep` (the active one aside), deleted with their passages. */
    async prune(client: Queryable, keep: number): Promise<string[]> {
      const result = await client.query<{ label: string }>(
        `DELETE FROM corpus_versions WHERE NOT is_active AND id NOT IN (
           SELECT id FROM corpus_versions WHERE NOT is_active ORDER BY id DESC LIMIT $1)
         RETURNING label`,
        [keep],
      );
      return result.rows.map((r) => r.label);
    },

    /** Makes one version the active one; call inside the transaction that built it. */
    async activate(client: Queryable, versionId: number): Promise<void> {
      await client.query('UPDATE corpus_versions SET is_active = false WHERE is_active AND id <> $1', [
        versionId,
      ]);
      await client.query('UPDATE corpus_versions SET is_active = true, activated_at = now() WHERE id = $1', [
        versionId,
      ]);
    },

    async insertDocuments(client: Queryable, versionId: number, documents: DocumentRecord[]): Promise<void> {
      for (const d of documents) {
        await client.query(
          `INSERT INTO documents (version_id, document_id, language, title, status, kind, is_translation, chunk_count,
             version_label, issuer, note, sources, file_name)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            versionId,
            d.documentId,
            d.language,
            d.title,
            d.status,
            d.kind,
            d.isTranslation,
            d.chunkCount,
            d.versionLabel,
            d.issuer,
            d.note,
            d.sources,
            d.fileName,
          ],
        );
      }
    },

    async documents(versionId: number): Promise<DocumentRecord[]> {
      const result = await pool.query<DocumentRecord>(
        `SELECT document_id AS "documentId", language, title, status, kind, is_translation AS "isTranslation",
           chunk_count AS "chunkCount", version_label AS "versionLabel", issuer, note, sources, file_name AS "fileName"
         FROM documents WHERE version_id = $1 ORDER BY document_id, language`,
        [versionId],
      );
      return result.rows;
    },

    /**
     * Passages per language in a version that can answer (the list of what the reports lack excluded):
     * which languages can be searched, and the N of inverse document frequencies.
     */
    async passagesByLanguage(versionId: number): Promise<Map<string, number>> {
      const result = await pool.query<{ language: string; count: number }>(
        `SELECT language, sum(chunk_count)::int AS count FROM documents
         WHERE version_id = $1 AND kind <> 'gaps' GROUP BY language`,
        [versionId],
      );
      return new Map(result.rows.map((row) => [row.language, row.count]));
    },
  };
}

export type VersionsRepository = ReturnType<typeof createVersionsRepository>;
