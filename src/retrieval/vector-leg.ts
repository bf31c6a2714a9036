import type { ChunksRepository, KindedId, RankedId, SearchScope } from '../db/chunks.ts';
import type { VersionSummary } from '../db/versions.ts';
import { createVersionValue } from './version-cache.ts';

/**
 * Versions of at most this many passages are searched exactly, in memory. Scoring a passage takes about
 * 0.8 µs in Node at 512 dimensions, so a thousand take about as long as the index search's round trip. For
 * the guidelines' 269 passages that search was a third of the database's execution time per question (0.6
 * of 1.8 ms, pg_stat_statements over 2,000 questions), and the database is the part that replicas share; on
 * a 2-core machine running both, the machine's CPU time per question fell 2-9% (by hand, alternating runs).
 * Above the limit the HNSW index answers, as its cost grows far slower than the number of passages.
 */
export const IN_MEMORY_PASSAGES = 1_000;

interface StoredVector extends KindedId {
  language: string;
  /** The embedding scaled to length 1, so that a dot product is the cosine similarity. */
  unit: Float32Array;
}

export interface VectorLegDeps {
  chunks: Pick<ChunksRepository, 'nearest' | 'embeddings'>;
  /** The largest version searched in memory (tests lower it). */
  inMemoryPassages?: number;
}

function toUnit(values: ArrayLike<number>): Float32Array {
  const unit = Float32Array.from(values);
  let sum = 0;
  for (const value of unit) sum += value * value;
  const norm = Math.sqrt(sum) || 1;
  for (let i = 0; i < unit.length; i += 1) unit[i] = (unit[i] as number) / norm;
  return unit;
}

/**
 * The nearest passages to a question's embedding by cosine similarity, best first, each with its similarity:
 * exactly, in memory, for a small version (its embeddings are read once and kept while it is the one asked
 * about: a version never changes once built), and through the HNSW index for a large one.
 */
export function createVectorLeg({ chunks, inMemoryPassages = IN_MEMORY_PASSAGES }: VectorLegDeps) {
  const vectorsOf = createVersionValue(
    async (versionId): Promise<StoredVector[]> =>
      (await chunks.embeddings(versionId)).map(({ embedding, ...rest }) => ({
        ...rest,
        unit: toUnit(embedding),
      })),
  );

  return async function nearest(
    version: Pick<VersionSummary, 'id' | 'createdAt' | 'chunkCount'>,
    scope: SearchScope,
    embedding: number[],
    limit: number,
  ): Promise<(RankedId & KindedId)[]> {
    if (version.chunkCount > inMemoryPassages) return chunks.nearest(version.id, scope, embedding, limit);
    const vectors = await vectorsOf(version);
    const query = toUnit(embedding);
    const scored: (RankedId & KindedId)[] = [];
    for (const { id, kind, language, unit } of vectors) {
      if (unit.length !== query.length || !scope.languages.includes(language) || !scope.kinds.includes(kind))
        continue;
      let score = 0;
      for (let i = 0; i < unit.length; i += 1) score += (unit[i] as number) * (query[i] as number);
      scored.push({ id, kind, score });
    }
    return scored.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
  };
}
