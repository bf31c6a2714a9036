import { PGVectorStore } from '@langchain/community/vectorstores/pgvector';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { App } from '../app.ts';
import { loadCorpus } from '../corpus/load.ts';
import { firstHit, type RetrievedPassage } from '../eval/metrics.ts';
import type { QaItem } from '../eval/qa-file.ts';
import { ANSWER_KINDS, type Passage } from '../retrieval/retrieve.ts';
import { detectLanguage } from '../text/language.ts';
import { type Latency, latencyOf, round, timeEach } from './stats.ts';

export interface PeerRun {
  latency: Latency;
  recallAt5: number;
}

export interface PeerFigures {
  questions: number;
  ours: PeerRun;
  langchain: PeerRun & { indexSeconds: number };
  /** LangChain's figure divided by ours: above 1, it is slower (latency) or finds more (recall). */
  ratios: { latencyP50: number; latencyP95: number; recallAt5: number };
}

const K = 5;
const TABLE = 'langchain_bench';

/**
 * What a user would pick instead: LangChain's PGVectorStore in the same database, holding the same passages
 * with the same vectors (our embedder on the same embedding input), searched within the same scope (the
 * asker's language, passages that answer) for the answerable development questions.
 */
export async function measurePeer(
  app: App,
  corpusDir: string,
  items: QaItem[],
  ours: (item: QaItem) => Promise<Passage[]>,
): Promise<{ figures: PeerFigures; found: Map<QaItem, { ours: Passage[]; langchain: string[] }> }> {
  const questions = items.filter((i) => i.answerable);
  const { pool } = app.database;
  const embeddings = app.embedder as unknown as EmbeddingsInterface;
  // Not PGVectorStore.initialize(): it keeps a pool client for ever, and the embedded database has one.
  const store = new PGVectorStore(embeddings, { pool, tableName: TABLE });
  await pool.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await store.ensureTableInDatabase(undefined);
  const documents = await loadCorpus(corpusDir);
  const passages = documents
    .filter((d) => ANSWER_KINDS.includes(d.meta.kind))
    .flatMap((d) => d.chunks.map((c) => ({ chunk: c, kind: d.meta.kind })));
  const started = performance.now();
  const vectors = await app.embedder.embedDocuments(passages.map((p) => p.chunk.embeddingInput));
  await store.addVectors(
    vectors,
    passages.map(
      ({ chunk, kind }) =>
        new Document({ pageContent: chunk.content, metadata: { language: chunk.language, kind } }),
    ),
  );
  const indexSeconds = (performance.now() - started) / 1000;

  const peerTexts = new Map<QaItem, string[]>();
  const peerSearch = async (item: QaItem) => {
    const filter = { language: detectLanguage(item.question), kind: { in: ANSWER_KINDS } };
    const found = await store.similaritySearch(item.question, K, filter);
    peerTexts.set(
      item,
      found.map((d) => d.pageContent),
    );
  };
  const ourPassages = new Map<QaItem, Passage[]>();
  const ourSearch = async (item: QaItem) => {
    ourPassages.set(item, await ours(item));
  };
  const ourTimes = await timeEach(questions, ourSearch);
  const peerTimes = await timeEach(questions, peerSearch);
  await pool.query(`DROP TABLE IF EXISTS ${TABLE}`);

  const recall = (found: (item: QaItem) => RetrievedPassage[]) =>
    round(
      questions.filter((q) => firstHit(found(q), q.expect, K) !== undefined).length / questions.length,
      4,
    );
  const asRetrieved = (passages: Passage[]): RetrievedPassage[] =>
    passages.map((p) => ({ section: p.sectionPath, quote: p.content, original: p.original?.quote }));
  const oursRun = {
    latency: latencyOf(ourTimes),
    recallAt5: recall((q) => asRetrieved(ourPassages.get(q) ?? [])),
  };
  const peerRun = {
    latency: latencyOf(peerTimes),
    recallAt5: recall((q) =>
      (peerTexts.get(q) ?? []).map((quote) => ({ section: '', quote, original: undefined })),
    ),
    indexSeconds: round(indexSeconds, 3),
  };
  const figures = {
    questions: questions.length,
    ours: oursRun,
    langchain: peerRun,
    ratios: {
      latencyP50: round(peerRun.latency.p50 / oursRun.latency.p50, 2),
      latencyP95: round(peerRun.latency.p95 / oursRun.latency.p95, 2),
      recallAt5: round(peerRun.recallAt5 / Math.max(oursRun.recallAt5, 1e-9), 3),
    },
  };
  const found = new Map(
    questions.map((q) => [q, { ours: ourPassages.get(q) ?? [], langchain: peerTexts.get(q) ?? [] }]),
  );
  return { figures, found };
}
