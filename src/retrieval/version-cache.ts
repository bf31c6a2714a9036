import type { VersionSummary } from '../db/versions.ts';

export interface VersionCacheDeps<K, V, C> {
  /**
   * Reads the values of keys not kept yet from one version; a key it leaves out has none. `context` is what
   * the caller of `read` passed along for it (the languages searched), if anything.
   */
  load(versionId: number, keys: K[], context: C | undefined): Promise<Map<K, V>>;
  /** Entries kept: the most recently used. */
  capacity: number;
}

/** A version's identity: its id and creation time (a database restored or rebuilt reuses ids). */
const versionKey = (version: Pick<VersionSummary, 'id' | 'createdAt'>) =>
  `${version.id}@${new Date(version.createdAt).getTime()}`;

/**
 * Values read from a corpus version, kept between questions: a version's passages and word statistics never
 * change once it is built, so only the keys not seen yet are read, in one call. Kept for one version at a
 * time (the one last asked for), identified by its id and creation time: a database restored or rebuilt
 * under the same version id holds other passages.
 */
export function createVersionCache<K, V, C = never>({ load, capacity }: VersionCacheDeps<K, V, C>) {
  const cache = new Map<K, V>();
  let cachedVersion = '';
  return async function read(
    version: Pick<VersionSummary, 'id' | 'createdAt'>,
    keys: K[],
    context?: C,
  ): Promise<Map<K, V>> {
    const key = versionKey(version);
    if (key !== cachedVersion) {
      cache.clear();
      cachedVersion = key;
    }
    // The values kept are taken before reading the rest: meanwhile another version may replace them.
    const kept = new Map<K, V>();
    for (const k of keys) {
      const value = cache.get(k);
      if (value !== undefined) kept.set(k, value);
    }
    const missing = [...new Set(keys.filter((k) => !kept.has(k)))];
    const loaded = missing.length > 0 ? await load(version.id, missing, context) : new Map<K, V>();
    const keep = cachedVersion === key;
    const found = new Map<K, V>();
    for (const k of keys) {
      const value = kept.get(k) ?? loaded.get(k);
      if (value === undefined) continue;
      found.set(k, value);
      if (!keep) continue;
      // Map keeps insertion order: moved to the end, it is the last to be evicted.
      cache.delete(k);
      cache.set(k, value);
    }
    for (const k of cache.keys()) {
      if (cache.size <= capacity) break;
      cache.delete(k);
    }
    return found;
  };
}

/**
 * One value read from a whole corpus version (all its passages' vectors or word indexes), kept while that
 * version is the one asked about, identified as in `createVersionCache`. A failed read is not kept: the next
 * caller reads again.
 */
export function createVersionValue<V>(load: (versionId: number) => Promise<V>) {
  let kept: { key: string; value: Promise<V> } | undefined;
  return function forVersion(version: Pick<VersionSummary, 'id' | 'createdAt'>): Promise<V> {
    const key = versionKey(version);
    if (kept?.key === key) return kept.value;
    const entry = { key, value: load(version.id) };
    kept = entry;
    entry.value.catch(() => {
      if (kept === entry) kept = undefined;
    });
    return entry.value;
  };
}
