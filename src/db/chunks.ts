import type pg from 'pg';
import pgvector from 'pgvector/pg';
import { parameters } from './params.ts';

export interface ChunkRecord {
  chunkKey: string;
  documentId: string;
  language: string;
  kind: string;
  sectionId: string;
  sectionPath: string;
  ordinal: number;
  content: string;
  searchText: string;
  contentHash: string;
  embedding: number[];
}

export interface StoredChunk {
  id: number;
  chunkKey: string;
  documentId: string;
  language: string;
  sectionId: string;
  sectionPath: string;
  content: string;
  documentTitle: string;
  documentVersion: string;
  documentKind: string;
  isTranslation: boolean;
  sources: string[];
}

export interface SectionText {
  documentId: string;
  sectionId: string;
  language: string;
  sectionPath: string;
  content: string;
}

export interface RankedId {
  id: number;
  score: number;
}

/** A search hit with its document kind, which orders hits before their text is read. */
export interface KindedId {
  id: number;
  kind: string;
}

/** A full-text match, with its search text where the search ranked (a large corpus: see `matching`). */
export interface MatchedId extends KindedId {
  text?: string;
}

type Queryable = pg.Pool | pg.PoolClient;

/** One full-text search of `matching`: which document kinds, how many matches, and whether ranked. */
export interface MatchSearch {
  kinds: string[];
  limit: number;
  examined: number;
  rank: boolean;
}

/** Which passages a search looks at: languages and document kinds. */
export interface SearchScope {
  languages: string[];
  kinds: string[];
}

const INSERT_BATCH = 200;
/** Enough for the HNSW graph of about 200,000 passages of 512 dimensions; memory is taken as needed. */
const HNSW_BUILD_MEMORY_KB = 1024 * 1024;

function assertDimensions(dimensions: number): void {
  // Interpolated into SQL as a type modifier (vector(N)), which cannot be a parameter.
  if (!Number.isInteger(dimensions) || dimensions <= 0 || dimensions > 16_000) {
    throw new Error(`invalid vector dimensions: ${dimensions}`);
  }
}

/** All SQL on the chunks table. */
export function createChunksRepository(pool: pg.Pool) {
  return {
    async insert(client: Queryable, versionId: number, chunks: ChunkRecord[]): Promise<void> {
      for (let start = 0; start < chunks.length; start += INSERT_BATCH) {
        const batch = chunks.slice(start, start + INSERT_BATCH);
        const values: unknown[] = [];
        const rows = batch.map((c, i) => {
          values.push(versionId, c.chunkKey, c.documentId, c.language, c.kind, c.sectionId, c.sectionPath);
          values.push(c.ordinal, c.content, c.searchText, c.contentHash, pgvector.toSql(c.embedding));
          const base = i * 12;
          return `(${Array.from({ length: 12 }, (_, k) => `$${base + k + 1}`).join(', ')})`;
        });
        await client.query(
          `INSERT INTO chunks (version_id, chunk_key, document_id, language, kind, section_id, section_path,
             ordinal, content, search_text, content_hash, embedding)
           VALUES ${rows.join(', ')}`,
          values,
        );
      }
    },

    /**
     * One HNSW index per embedding size; cosine distance, as the embedders return normalised vectors. Call it
     * inside the transaction that loaded the passages: the first build then runs once over all of them.
     */
    async ensureVectorIndex(client: Queryable, dimensions: number): Promise<void> {
      assertDimensions(dimensions);
      // pgvector builds the graph quickly only while it fits in maintenance_work_mem, and the usual 64 MB
      // holds about 10,000 passages of 512 dimensions; past that the build goes to disk and takes several
      // times longer (measured by `npm run bench`). Raised for this transaction only, never lowered.
      // ef_construction 200 rather than the default 64: a graph built with more candidates is found far
      // better at search time (at 100,000 passages and ef_search 100, recall@10 was 0.55-0.74 with 64 and
      // 0.87-0.89 with 200; the build takes about twice as long).
      await client.query(
        `SELECT set_config('maintenance_work_mem', greatest(setting::bigint, $1)::text || 'kB', true)
         FROM pg_settings WHERE name = 'maintenance_work_mem'`,
        [HNSW_BUILD_MEMORY_KB],
      );
      await client.query(
        `CREATE INDEX IF NOT EXISTS chunks_embedding_hnsw_${dimensions} ON chunks
         USING hnsw ((embedding::vector(${dimensions})) vector_cosine_ops) WITH (m = 16, ef_construction = 200)
         WHERE vector_dims(embedding) = ${dimensions}`,
      );
    },

    /** Stored embeddings for content hashes, from any version built by the same embedder. */
    async embeddingsByHash(embedder: string, hashes: string[]): Promise<Map<string, number[]>> {
      const result = await pool.query<{ hash: string; embedding: number[] }>(
        `SELECT DISTINCT ON (c.content_hash) c.content_hash AS hash, c.embedding
         FROM chunks c JOIN corpus_versions v ON v.id = c.version_id
         WHERE v.embedder = $1 AND c.content_hash = ANY($2::text[])`,
        [embedder, hashes],
      );
      return new Map(result.rows.map((row) => [row.hash, row.embedding]));
    },

    /** Nearest chunks of one version by cosine similarity. The ORDER BY stays bare so HNSW serves it. */
    async nearest(
      versionId: number,
      scope: SearchScope,
      embedding: number[],
      limit: number,
    ): Promise<(RankedId & KindedId)[]> {
      assertDimensions(embedding.length);
      const n = embedding.length;
      const result = await pool.query<RankedId & KindedId>({
        // Named, so each connection parses and plans it once: the plan is the same HNSW scan every time.
        name: `chunks.nearest.${n}`,
        text: `SELECT id::int AS id, kind, 1 - (embedding::vector(${n}) <=> $4) AS score FROM chunks
         WHERE version_id = $1 AND language = ANY($2::text[]) AND kind = ANY($3::text[])
           AND vector_dims(embedding) = ${n}
         ORDER BY embedding::vector(${n}) <=> $4 LIMIT $5`,
        values: [versionId, scope.languages, scope.kinds, pgvector.toSql(embedding), limit],
      });
      return result.rows;
    },

    /**
     * Every passage of a version with its embedding, for an exact search in memory. Read as text and parsed
     * here, the same on both backends whatever type parsers their connections have.
     */
    async embeddings(versionId: number): Promise<(KindedId & { language: string; embedding: number[] })[]> {
      const result = await pool.query<KindedId & { language: string; embedding: string }>(
        'SELECT id::int AS id, kind, language, embedding::text AS embedding FROM chunks WHERE version_id = $1',
        [versionId],
      );
      return result.rows.map((row) => ({ ...row, embedding: JSON.parse(row.embedding) as number[] }));
    },

    /**
     * Ids (and kinds) of a version's full-text matches, for ranking by the caller: one list per search, all in
     * one statement (a round trip per search cost more than either search itself). Where more may match than
     * `limit`, the database's ts_rank picks which (`rank`), over the first `examined` matches only: ranking
     * reads each one's tsvector, and a query of common words on a large corpus matches tens of thousands (the
     * caller picks its terms so that this rarely cuts anything). ts_rank, not ts_rank_cd: the caller ranks
     * the chosen by BM25 anyway, and cover density took twice as long (8 of 12 ms for 342 matches at 100,000
     * passages) with the same recall@5 on the development questions. Where all matches fit the limit, ranking
     * them would only cost time (reading the tsvectors of even 15 rows took 0.6 ms).
     */
    async matching(
      versionId: number,
      languages: string[],
      tsQuery: string,
      searches: MatchSearch[],
    ): Promise<MatchedId[][]> {
      const { values, param } = parameters(versionId, languages, tsQuery);
      const selects = searches.map(({ kinds, limit, examined, rank }, search) => {
        const filter = `version_id = $1 AND language = ANY($2::text[]) AND kind = ANY(${param(kinds)}::text[])
          AND tsv @@ to_tsquery('simple', $3)`;
        return rank
          ? `(SELECT ${search} AS search, id, kind, search_text AS text,
                row_number() OVER (ORDER BY ts_rank(tsv, to_tsquery('simple', $3)) DESC, id) AS position
              FROM (SELECT id, kind, tsv, search_text FROM chunks WHERE ${filter} LIMIT ${param(examined)}) AS found
              ORDER BY position LIMIT ${param(limit)})`
          : `(SELECT ${search} AS search, id, kind, NULL AS text, id AS position FROM chunks WHERE ${filter}
              ORDER BY id LIMIT ${param(limit)})`;
      });
      const result = await pool.query<KindedId & { search: number; text: string | null }>(
        `SELECT search, id::int AS id, kind, text FROM (${selects.join(' UNION ALL ')}) AS matches
         ORDER BY search, position`,
        values,
      );
      const lists = searches.map((): MatchedId[] => []);
      for (const { search, id, kind, text } of result.rows)
        lists[search]?.push(text === null ? { id, kind } : { id, kind, text });
      return lists;
    },

    /** The search text of every passage of a version, with what a search filters on. */
    async versionSearchTexts(versionId: number): Promise<(KindedId & { language: string; text: string })[]> {
      const result = await pool.query<KindedId & { language: string; text: string }>(
        'SELECT id::int AS id, kind, language, search_text AS text FROM chunks WHERE version_id = $1',
        [versionId],
      );
      return result.rows;
    },

    /** Passages' search texts by id. */
    async searchTexts(ids: number[]): Promise<Map<number, string>> {
      const result = await pool.query<{ id: number; text: string }>({
        name: 'chunks.search-texts',
        text: 'SELECT id::int AS id, search_text AS text FROM chunks WHERE id = ANY($1::bigint[])',
        values: [ids],
      });
      return new Map(result.rows.map((row) => [row.id, row.text]));
    },

    /** The whole text of sections in one language (the original that a translated passage renders). */
    async sections(
      versionId: number,
      language: string,
      wanted: { documentId: string; sectionId: string }[],
    ): Promise<SectionText[]> {
      const result = await pool.query<SectionText>({
        name: 'chunks.sections',
        text: `SELECT document_id AS "documentId", section_id AS "sectionId", language, min(section_path) AS "sectionPath",
           string_agg(content, E'\n\n' ORDER BY ordinal) AS content
         FROM chunks
         WHERE version_id = $1 AND language = $2
           AND (document_id, section_id) IN (SELECT * FROM unnest($3::text[], $4::text[]))
         GROUP BY document_id, section_id, language`,
        values: [versionId, language, wanted.map((w) => w.documentId), wanted.map((w) => w.sectionId)],
      });
      return result.rows;
    },

    /** Content hash of every chunk of a version, by chunk key: what a new build is compared with. */
    async hashesByKey(versionId: number): Promise<Map<string, string>> {
      const result = await pool.query<{ key: string; hash: string }>(
        'SELECT chunk_key AS key, content_hash AS hash FROM chunks WHERE version_id = $1',
        [versionId],
      );
      return new Map(result.rows.map((row) => [row.key, row.hash]));
    },

    /**
     * Passages with their documents' details. The sources come as JSON: node-postgres parses a text[]
     * character by character, and those URL lists were the largest allocation of a question (`npm run bench`).
     */
    async byIds(ids: number[]): Promise<StoredChunk[]> {
      const result = await pool.query<StoredChunk>({
        name: 'chunks.by-ids',
        text: `SELECT c.id::int AS id, c.chunk_key AS "chunkKey", c.document_id AS "documentId", c.language,
           c.section_id AS "sectionId", c.section_path AS "sectionPath", c.content,
           d.title AS "documentTitle", d.version_label AS "documentVersion", d.kind AS "documentKind",
           d.is_translation AS "isTranslation", to_json(d.sources) AS sources
         FROM chunks c
         JOIN documents d USING (version_id, document_id, language)
         WHERE c.id = ANY($1::bigint[])`,
        values: [ids],
      });
      return result.rows;
    },
  };
}

export type ChunksRepository = ReturnType<typeof createChunksRepository>;
