import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { App } from '../app.ts';
import { loadCorpus } from '../corpus/load.ts';
import type { ReindexProgress } from '../pipeline/reindex.ts';
import { FIRST_GENERATED_ID, writeSyntheticCorpus } from './synthetic-corpus.ts';
import { GENERATOR_VERSION } from './synthetic-text.ts';

export interface CorpusBuild {
  passages: number;
  /** Writing the documents aside: loading, chunking, embedding and storing through `reindex`. */
  seconds: number;
  /** Whether its pages were written to disk before anything was timed (see `writeBack`). */
  writtenBack: boolean;
}

const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Writes the new passages' pages to disk at once. Otherwise the next checkpoint spreads those writes over the
 * following minutes, inside the timings (after 100,000 passages it wrote 450 MB over 4.5 minutes, the whole
 * retrieval measurement). CHECKPOINT needs a superuser or the pg_checkpoint role (PostgreSQL 15 and later);
 * without it the writes are left to the server, and the report says so.
 */
async function writeBack(app: App): Promise<boolean> {
  try {
    await app.database.pool.query('CHECKPOINT');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === INSUFFICIENT_PRIVILEGE) return false;
    throw error;
  }
}

/**
 * The edition label of the generated documents: the generator's version and the real corpus they are added
 * to, so a database built from an older generator or another corpus is never taken for this one.
 */
export async function generatedLabel(realCorpusDir: string): Promise<string> {
  const hash = createHash('sha256').update(GENERATOR_VERSION);
  const files = (await readdir(realCorpusDir, { recursive: true })).sort();
  for (const file of files) {
    const content = await readFile(join(realCorpusDir, file)).catch(() => undefined); // folders
    if (content) hash.update(file).update(content);
  }
  return `${GENERATOR_VERSION}-${hash.digest('hex').slice(0, 12)}`;
}

/** Whether the database's active version is this generated corpus, built by this embedder. */
export async function holdsGeneratedCorpus(app: App, passages: number, label: string): Promise<boolean> {
  const active = await app.versions.active();
  if (!active || active.chunkCount !== passages || active.embedder !== app.embedder.id) return false;
  const documents = await app.versions.documents(active.id);
  return documents.some((d) => d.documentId === FIRST_GENERATED_ID && d.versionLabel === label);
}

/**
 * Fills an empty database with the real corpus plus generated passages up to `passages` in all, through
 * the product's own index path (`reindex`: one transaction, the HNSW index built after loading).
 */
export async function buildGeneratedCorpus(
  app: App,
  options: { realCorpusDir: string; passages: number; label: string; workDir: string },
  onProgress: (event: ReindexProgress) => void,
): Promise<CorpusBuild> {
  const { realCorpusDir, passages, label, workDir } = options;
  if (await app.versions.active()) throw new Error('a generated corpus is built into an empty database');
  const realPassages = (await loadCorpus(realCorpusDir)).reduce((sum, d) => sum + d.chunks.length, 0);
  await writeSyntheticCorpus(workDir, realCorpusDir, passages - realPassages, label);
  try {
    const started = performance.now();
    const report = await app.reindex(workDir, onProgress);
    const seconds = (performance.now() - started) / 1000;
    if (report.chunks !== passages) {
      throw new Error(`the generated corpus holds ${report.chunks} passages, not ${passages}`);
    }
    // Vacuumed and analysed, as autovacuum does within a minute of a real re-index: measured while it ran (on
    // 100,000 passages it took a minute, throttled), the retrieval figures were autovacuum's as much as ours.
    await app.database.pool.query('VACUUM (ANALYZE)');
    return { passages, seconds, writtenBack: await writeBack(app) };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
