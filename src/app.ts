import type { Config } from './config.ts';
import { createChunksRepository } from './db/chunks.ts';
import { type Database, openDatabase } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { createTermsRepository } from './db/terms.ts';
import { createVersionsRepository } from './db/versions.ts';
import { createEmbedder, type Embedder } from './embeddings/create.ts';
import { type Ask, createAsk, type Trace } from './pipeline/ask.ts';
import { createReindex, type Reindex } from './pipeline/reindex.ts';
import { createRetriever } from './retrieval/retrieve.ts';

export interface App {
  database: Database;
  embedder: Embedder;
  versions: ReturnType<typeof createVersionsRepository>;
  ask: Ask;
  /** The answer with the retrieval behind it, for evaluation. */
  trace: Trace;
  reindex: Reindex;
  close(): Promise<void>;
}

export interface AppOverrides {
  /** Tests inject an embedder speaking to a local fake server, or a deliberately different one. */
  embedder?: Embedder;
}

/** Wires the stages to one database; the composition roots call this with the parsed configuration. */
export async function openApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.pool);
  } catch (error) {
    await database.close();
    throw error;
  }
  const { pool } = database;
  const versions = createVersionsRepository(pool);
  const chunks = createChunksRepository(pool);
  const terms = createTermsRepository(pool);
  const embedder = overrides.embedder ?? createEmbedder(config.embeddings);
  const retrieve = createRetriever({ versions, chunks, terms, embedder, topK: config.retrievalTopK });
  const { ask, trace } = createAsk({ retrieve, confidenceThreshold: config.confidenceThreshold });
  return {
    database,
    embedder,
    versions,
    ask,
    trace,
    reindex: createReindex({ pool, versions, chunks, terms, embedder }),
    close: () => database.close(),
  };
}
