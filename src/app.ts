import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { createI18n } from './bot/i18n.ts';
import { createReviewNotice } from './bot/review-messages.ts';
import type { Config } from './config.ts';
import { createAuditRepository } from './db/audit.ts';
import { createChunksRepository } from './db/chunks.ts';
import { type Database, openDatabase } from './db/connect.ts';
import { createCuratedRepository } from './db/curated.ts';
import { migrate } from './db/migrate.ts';
import { createOutboxRepository } from './db/outbox.ts';
import { createQualityRepository } from './db/quality.ts';
import { createReindexLock } from './db/reindex-lock.ts';
import { createTermsRepository } from './db/terms.ts';
import { type CorpusVersion, createVersionsRepository } from './db/versions.ts';
import { createEmbedder, type Embedder } from './embeddings/create.ts';
import { checkText, type GuardCategory } from './guard/guard.ts';
import { type BreakerState, createCircuitBreaker } from './llm/circuit-breaker.ts';
import { type Ask, createAsk, type Trace } from './pipeline/ask.ts';
import { type CuratedAnswers, createCuratedAnswers } from './pipeline/curated.ts';
import {
  createQualityCheck,
  DEFAULT_QUESTION_SET,
  type QualityOutcome,
  type QualityProgress,
} from './pipeline/quality-check.ts';
import { createRefusal } from './pipeline/refusal.ts';
import { createReindex, type Reindex } from './pipeline/reindex.ts';
import { createRollback, type Rollback } from './pipeline/rollback.ts';
import { createRetriever } from './retrieval/retrieve.ts';

export interface App {
  database: Database;
  embedder: Embedder;
  versions: ReturnType<typeof createVersionsRepository>;
  ask: Ask;
  /** The answer with the retrieval behind it, for evaluation. */
  trace: Trace;
  reindex: Reindex;
  /**
   * The development questions on `current` and `previous`, compared (QUALITY_SET unless `questionSet` is
   * given); never throws: a check that cannot run says why in its outcome.
   */
  checkQuality(
    current: CorpusVersion,
    previous: CorpusVersion | undefined,
    options?: { questionSet?: string; onProgress?: (event: QualityProgress) => void },
  ): Promise<QualityOutcome>;
  rollback: Rollback;
  curated: CuratedAnswers;
  /** The language model's circuit breaker (for the metrics); undefined when no model is configured. */
  modelCircuit(): BreakerState | undefined;
  close(): Promise<void>;
}

export interface AppOverrides {
  /** Tests inject an embedder speaking to a local fake server, or a deliberately different one. */
  embedder?: Embedder;
  /** Tests inject LangChain's scripted chat model; null forces extractive answers. */
  chatModel?: BaseChatModel | null;
}

/**
 * Three failures in a row mean the server is down or overloaded rather than unlucky; half a minute spares it
 * while it restarts, and one probe then tells whether it is back.
 */
const BREAKER = { failureThreshold: 3, cooldownMs: 30_000 };

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
  const audit = createAuditRepository(pool);
  const embedder = overrides.embedder ?? createEmbedder(config.embeddings);
  const retrieve = createRetriever({ versions, chunks, terms, embedder, topK: config.retrievalTopK });
  // The model clients, and the composer with its LangChain parts, are loaded only when a model is
  // configured: with the embedding clients they are about 100 MB of a process's memory (`npm run bench`).
  const model =
    overrides.chatModel !== undefined
      ? overrides.chatModel
      : config.llm.provider === 'none'
        ? undefined
        : (await import('./llm/chat-model.ts')).createChatModel(config.llm);
  const breaker = model ? createCircuitBreaker(BREAKER) : undefined;
  const compose =
    model && breaker
      ? (await import('./answer/compose.ts')).createComposer({
          model,
          breaker,
          timeoutMs: config.llm.timeoutMs,
          contextTokens: config.llm.contextTokens,
        })
      : undefined;
  const curated = createCuratedAnswers({
    repository: createCuratedRepository(pool),
    embedder,
    minSimilarity: config.curatedSimilarity,
    recordAudit: audit.record,
  });
  const refuse = createRefusal(versions, chunks);
  const guard = {
    check: (text: string, allowed: GuardCategory[]) =>
      checkText(text, { maxChars: config.bot.maxQuestionChars, allowed }),
    refuse,
  };
  const { confidenceThreshold } = config;
  const { ask, trace } = createAsk({ retrieve, guard, confidenceThreshold, compose, curated });
  const checkQuality = createQualityCheck({
    stored: createQualityRepository(pool),
    traceAt: (version) =>
      createAsk({
        retrieve: createRetriever({ versions, chunks, terms, embedder, topK: config.retrievalTopK, version }),
        guard,
        confidenceThreshold,
      }).trace,
    embedderId: embedder.id,
    settings: { k: config.retrievalTopK, confidenceThreshold, maxQuestionChars: config.bot.maxQuestionChars },
    tolerance: config.qualityCheck.tolerance,
  });
  // The coordinators' texts are read only when a re-index has curated answers to report.
  let i18n: ReturnType<typeof createI18n> | undefined;
  const reviewNotice = createReviewNotice((locale, key, variables) => {
    i18n ??= createI18n();
    return i18n.t(locale, key, variables);
  }, config.bot.coordinators);
  return {
    database,
    embedder,
    versions,
    ask,
    trace,
    reindex: createReindex({
      pool,
      versions,
      chunks,
      terms,
      embedder,
      keepVersions: config.versionsKept,
      runLock: createReindexLock(database),
      outbox: createOutboxRepository(pool),
      reviewNotice,
    }),
    checkQuality: (current, previous, options = {}) =>
      checkQuality(
        current,
        previous,
        options.questionSet ?? config.qualityCheck.questionSet ?? DEFAULT_QUESTION_SET,
        options.onProgress,
      ),
    rollback: createRollback({ pool, versions, embedder }),
    curated,
    modelCircuit: () => breaker?.state(),
    close: () => database.close(),
  };
}
