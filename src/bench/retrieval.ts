import type pg from 'pg';
import type { App } from '../app.ts';
import { createChunksRepository, type RankedId } from '../db/chunks.ts';
import { createTermsRepository } from '../db/terms.ts';
import { firstHit } from '../eval/metrics.ts';
import type { QaItem } from '../eval/qa-file.ts';
import { ANSWER_KINDS, createRetriever, type Passage } from '../retrieval/retrieve.ts';
import { createTextLeg } from '../retrieval/text-leg.ts';
import { detectLanguage } from '../text/language.ts';
import { questionsAcrossCorpus } from './corpus-questions.ts';
import { describePlan, explainingPool } from './plans.ts';
import { type Latency, latencyOf, round, timeEach } from './stats.ts';
import { isGeneratedDocument } from './synthetic-corpus.ts';

export interface RetrievalFigures {
  passages: number;
  questions: number;
  /**
   * The product's retrieval (both legs, fusion, passages and their originals, coverage) in steady state: each
   * question asked `repeat` times after every question was asked once.
   */
  hybrid: Latency;
  /**
   * The same, each question the first time it is asked: the term counts of its words not kept yet, and
   * PostgreSQL's buffers as the work before left them.
   */
  hybridFirstAsked: Latency;
  /** The vector leg alone (query embedding and the HNSW search for 10), then the same by exact scan. */
  vectorHnsw: Latency;
  vectorExact: Latency;
  /** The full-text leg alone: term statistics, candidates, BM25. */
  fullText: Latency;
  /** Share of the exact scan's 10 nearest that the HNSW search returns, averaged over the questions. */
  hnswRecallAt10: number;
  /**
   * The same for questions spread over the generated documents (`questionsAcrossCorpus`); null on the real
   * corpus, which has none.
   */
  hnswRecallAt10AcrossCorpus: number | null;
  /**
   * The exact scan's passages the HNSW search missed for the development questions: how many, how many of
   * those are in generated documents (not the real corpus), and their similarities to the question.
   */
  hnswMisses: { passages: number; generated: number; similarity: { min: number; max: number } | null };
  /** Questions searched by exact scan (a subset: each scan reads every vector). */
  exactQuestions: number;
  /** Recall@10 (both question sets) and vector-leg p95 (ms) at other hnsw.ef_search values. */
  efSearchSweep: {
    efSearch: number;
    recallAt10: number;
    recallAt10AcrossCorpus: number | null;
    p95: number;
  }[];
  efSearch: string;
  plans: { hnsw: string; exact: string };
  /** Answerable questions whose expected passage is among the hybrid top 5: quality at this corpus size. */
  devRecallAt5: number;
}

const K = 10;
const TOP_K = 5;
const overlap = (a: RankedId[], b: RankedId[]) => {
  const ids = new Set(b.map((r) => r.id));
  return a.filter((r) => ids.has(r.id)).length / Math.max(1, Math.min(K, b.length));
};

/** What the approximate search missed of the exact one's passages (see RetrievalFigures.hnswMisses). */
async function missesOf(
  chunks: ReturnType<typeof createChunksRepository>,
  asked: string[],
  exact: Map<string, RankedId[]>,
  approximate: Map<string, RankedId[]>,
): Promise<RetrievalFigures['hnswMisses']> {
  const missed = asked.flatMap((question) => {
    const found = new Set((approximate.get(question) ?? []).map((r) => r.id));
    return (exact.get(question) ?? []).filter((r) => !found.has(r.id));
  });
  const documents = new Map((await chunks.byIds(missed.map((r) => r.id))).map((c) => [c.id, c.documentId]));
  const similarities = missed.map((r) => r.score);
  return {
    passages: missed.length,
    generated: missed.filter((r) => isGeneratedDocument(documents.get(r.id) ?? '')).length,
    similarity:
      missed.length > 0
        ? { min: round(Math.min(...similarities), 3), max: round(Math.max(...similarities), 3) }
        : null,
  };
}

/**
 * A pool stand-in that runs every query on one client (a client whose settings differ from the pool's), each
 * planned afresh: a prepared statement may keep a plan made before the settings changed.
 */
const onClient = (client: pg.PoolClient) =>
  ({
    query: (query: string | pg.QueryConfig, values?: unknown[]) =>
      client.query(typeof query === 'string' ? query : { ...query, name: undefined }, values),
  }) as unknown as pg.Pool;

/**
 * Retrieval latency on the app's active version for Vietnamese questions (the guidelines' language and
 * the generated documents'), each question asked `repeat` times after a warm-up.
 */
export async function measureRetrieval(
  app: App,
  items: QaItem[],
  {
    repeat,
    exactQuestions,
    acrossCorpusQuestions,
    efSearchSweep = [],
  }: { repeat: number; exactQuestions: number; acrossCorpusQuestions: number; efSearchSweep?: number[] },
): Promise<RetrievalFigures> {
  const { pool } = app.database;
  const version = await app.versions.activeSummary();
  if (!version) throw new Error('nothing is indexed');
  const chunks = createChunksRepository(pool);
  const terms = createTermsRepository(pool);
  const questions = items.filter((i) => i.lang === 'vi');
  const runs = Array.from({ length: repeat }, () => questions).flat();
  const scope = { languages: ['vi'], kinds: ANSWER_KINDS };
  const passageCount = (await app.versions.passagesByLanguage(version.id)).get('vi') ?? 0;

  const retrieve = createRetriever({
    versions: app.versions,
    chunks,
    terms,
    embedder: app.embedder,
    topK: TOP_K,
  });
  const found = new Map<QaItem, Passage[]>();
  const ask = async (item: QaItem) => {
    found.set(item, (await retrieve(item.question, detectLanguage(item.question))).passages);
  };
  // Every question once, then the timed runs: a server that has been answering keeps the term counts of
  // common words and the index pages its questions visit in memory. What a question costs the first time is
  // reported beside it.
  const hybridFirstAsked = await timeEach(questions, ask, 0);
  const hybrid = await timeEach(runs, ask, 0);
  const searchText = createTextLeg({ chunks, terms, answerKinds: ANSWER_KINDS });
  const fullText = await timeEach(runs, (item) =>
    searchText(version, scope.languages, passageCount, item.question, 'vi'),
  );
  const vectorLeg =
    (repository: typeof chunks, into: Map<string, RankedId[]>) => async (question: string) => {
      const embedding = await app.embedder.embedQuery(question);
      into.set(question, await repository.nearest(version.id, scope, embedding, K));
    };
  /** The vector leg for each question, untimed: for recall alone. */
  const searchEach = async (asked: string[], repository: typeof chunks, into: Map<string, RankedId[]>) => {
    for (const question of asked) await vectorLeg(repository, into)(question);
  };
  const nearest = new Map<string, RankedId[]>();
  const vectorHnsw = await timeEach(
    runs.map((q) => q.question),
    vectorLeg(chunks, nearest),
  );
  const efSearch = (
    await pool.query<{ value: string }>('SELECT current_setting($1) AS value', ['hnsw.ef_search'])
  ).rows[0]?.value as string;

  // Recall is judged on two sets of questions: the development questions, and questions spread over the
  // generated documents (none on the real corpus). A whole scan per question: fewer of them, once each.
  const development = questions.slice(0, exactQuestions).map((q) => q.question);
  const acrossCorpus = await questionsAcrossCorpus(pool, version.id, acrossCorpusQuestions);
  const nearestAcross = new Map<string, RankedId[]>();
  await searchEach(acrossCorpus, chunks, nearestAcross);
  // The exact scan: the same query with index scans off, on a client of its own.
  const client = await pool.connect();
  const exactNearest = new Map<string, RankedId[]>();
  const recallOf = (asked: string[], found: Map<string, RankedId[]>) => {
    const sum = asked.reduce((s, q) => s + overlap(found.get(q) ?? [], exactNearest.get(q) ?? []), 0);
    return round(sum / Math.max(1, asked.length), 4);
  };
  const recallAcross = (found: Map<string, RankedId[]>) =>
    acrossCorpus.length > 0 ? recallOf(acrossCorpus, found) : null;
  const sweep: RetrievalFigures['efSearchSweep'] = [];
  let vectorExact: number[];
  const plans = { hnsw: '', exact: '' };
  try {
    const sample = await app.embedder.embedQuery(questions[0]?.question ?? 'AI');
    const plan = async () =>
      describePlan(
        await explainingPool(client).explain((p) =>
          createChunksRepository(p).nearest(version.id, scope, sample, K),
        ),
      );
    plans.hnsw = await plan();
    await client.query('SET enable_indexscan = off');
    plans.exact = await plan();
    const onThisClient = createChunksRepository(onClient(client));
    vectorExact = await timeEach(development, vectorLeg(onThisClient, exactNearest), 1);
    await searchEach(acrossCorpus, onThisClient, exactNearest);
    await client.query('RESET enable_indexscan');
    for (const ef of efSearchSweep) {
      await client.query(`SET hnsw.ef_search = ${Number(ef)}`);
      const swept = new Map<string, RankedId[]>();
      const times = await timeEach(development, vectorLeg(onThisClient, swept));
      await searchEach(acrossCorpus, onThisClient, swept);
      sweep.push({
        efSearch: ef,
        recallAt10: recallOf(development, swept),
        recallAt10AcrossCorpus: recallAcross(swept),
        p95: latencyOf(times).p95,
      });
    }
  } finally {
    await client.query('RESET enable_indexscan');
    await client.query(`SET hnsw.ef_search = ${Number(efSearch)}`);
    client.release();
  }
  const hnswMisses = await missesOf(chunks, development, exactNearest, nearest);
  const answerable = questions.filter((q) => q.answerable);
  const recalled = answerable.filter((q) => {
    const passages = (found.get(q) ?? []).map((p) => ({
      section: p.sectionPath,
      quote: p.content,
      original: p.original?.quote,
    }));
    return firstHit(passages, q.expect, TOP_K) !== undefined;
  });
  return {
    passages: version.chunkCount,
    questions: runs.length,
    hybrid: latencyOf(hybrid),
    hybridFirstAsked: latencyOf(hybridFirstAsked),
    vectorHnsw: latencyOf(vectorHnsw),
    vectorExact: latencyOf(vectorExact),
    fullText: latencyOf(fullText),
    hnswRecallAt10: recallOf(development, nearest),
    hnswRecallAt10AcrossCorpus: recallAcross(nearestAcross),
    hnswMisses,
    exactQuestions: development.length,
    efSearchSweep: sweep,
    efSearch,
    plans,
    devRecallAt5: round(recalled.length / Math.max(1, answerable.length), 4),
  };
}
