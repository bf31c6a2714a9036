import { join } from 'node:path';
import { type App, openApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { createChunksRepository } from '../db/chunks.ts';
import { createTermsRepository } from '../db/terms.ts';
import type { QaItem } from '../eval/qa-file.ts';
import { createRetriever } from '../retrieval/retrieve.ts';
import { detectLanguage } from '../text/language.ts';
import { botEnv, measureBotRuns } from './bot.ts';
import type { BotFigures } from './bot-process.ts';
import { buildGeneratedCorpus, generatedLabel, holdsGeneratedCorpus } from './corpora.ts';
import type { BackendFigures, CorpusBuildFigures } from './figures.ts';
import { measureIndexing } from './indexing.ts';
import { measurePeer } from './langchain-peer.ts';
import { measureOverhead } from './overhead.ts';
import { measurePromptSizes } from './prompt-size.ts';
import { measureRetrieval } from './retrieval.ts';

export interface BenchPlan {
  corpusDir: string;
  /** Where generated corpora are written while they are indexed. */
  workDir: string;
  items: QaItem[];
  /** Generated corpus sizes, in passages (the real corpus included). */
  sizes: number[];
  /** Rebuild generated corpora even when the database already holds them. */
  fresh: boolean;
  repeat: number;
  exactQuestions: number;
  /** Questions spread over a generated corpus, for its recall (`questionsAcrossCorpus`). */
  acrossCorpusQuestions: number;
  /** hnsw.ef_search values also tried on the largest generated corpus. */
  efSearchSweep: number[];
  /** The bot's load, measured `runs` times (the median run counts). */
  bot: { sequential: number; chats: number; questionsPerChat: number; runs: number };
  /** Also run the bot from the sources under tsx (`bot` is the compiled one, as in production). */
  compareTsx?: boolean;
}

/** Opens (and empties, when asked) one of the backend's benchmark databases: its configuration variables. */
export type OpenDatabase = (name: string, empty: boolean) => Promise<Record<string, string>>;

const configOf = (env: Record<string, string>, corpusDir: string): Config =>
  loadConfig({ ...env, CORPUS_DIR: corpusDir, LOG_LEVEL: 'silent' });

async function withApp<T>(config: Config, use: (app: App) => Promise<T>): Promise<T> {
  const app = await openApp(config);
  try {
    return await use(app);
  } finally {
    await app.close();
  }
}

/** The real corpus: indexing, retrieval, overhead, the LangChain peer and prompt sizes, then the bot. */
async function realCorpus(open: OpenDatabase, plan: BenchPlan, say: (text: string) => void) {
  const env = await open('real', true);
  const config = configOf(env, plan.corpusDir);
  const figures = await withApp(config, async (app) => {
    say('indexing the real corpus');
    const indexing = await measureIndexing(app, plan.corpusDir);
    say('retrieval on the real corpus');
    const retrieval = await measureRetrieval(app, plan.items, { ...plan, efSearchSweep: [] });
    say('overhead per question, in-process');
    const overhead = await measureOverhead(app, plan.items, plan.repeat, config.bot.maxQuestionChars);
    say('LangChain PGVectorStore on the same passages');
    const { pool } = app.database;
    const retrieve = createRetriever({
      versions: app.versions,
      chunks: createChunksRepository(pool),
      terms: createTermsRepository(pool),
      embedder: app.embedder,
      topK: 5,
    });
    const peer = await measurePeer(app, plan.corpusDir, plan.items, async (item) => {
      return (await retrieve(item.question, detectLanguage(item.question))).passages;
    });
    const cases = [...peer.found].map(([item, found]) => ({
      question: item.question,
      language: detectLanguage(item.question),
      ours: found.ours,
      plain: found.langchain,
    }));
    const prompt = measurePromptSizes(cases, config.llm.contextTokens);
    return { indexing, retrieval, overhead, langchain: peer.figures, prompt };
  });
  say(`the bot in a process of its own, then ${plan.bot.chats} chats at once`);
  const { runs, ...load } = plan.bot;
  const job = {
    env: botEnv({ ...env, CORPUS_DIR: plan.corpusDir }, plan.bot.chats),
    questions: plan.items.map((i) => i.question),
    ...load,
  };
  const measured = await measureBotRuns(job, plan.compareTsx ? ['compiled', 'tsx'] : ['compiled'], runs);
  return { ...figures, bot: measured.get('compiled') as BotFigures, botUnderTsx: measured.get('tsx') };
}

/** A generated corpus of `size` passages: built (or reused), then retrieval measured on it. */
async function generatedCorpus(
  open: OpenDatabase,
  plan: BenchPlan,
  size: number,
  say: (text: string) => void,
) {
  const label = await generatedLabel(plan.corpusDir);
  let config = configOf(await open(String(size), false), plan.corpusDir);
  const held = !plan.fresh && (await withApp(config, (app) => holdsGeneratedCorpus(app, size, label)));
  if (!held) config = configOf(await open(String(size), true), plan.corpusDir);
  return withApp(config, async (app) => {
    let build: CorpusBuildFigures = {
      passages: size,
      built: false,
      seconds: undefined,
      passagesPerSecond: undefined,
      writtenBack: undefined,
    };
    if (!held) {
      const built = await buildGeneratedCorpus(
        app,
        {
          realCorpusDir: plan.corpusDir,
          passages: size,
          label,
          workDir: join(plan.workDir, `corpus-${size}`),
        },
        (event) =>
          say(
            `building ${size} passages: ${event.stage}${'done' in event ? ` ${event.done}/${event.total}` : ''}`,
          ),
      );
      build = {
        passages: size,
        built: true,
        seconds: built.seconds,
        passagesPerSecond: Math.round(size / built.seconds),
        writtenBack: built.writtenBack,
      };
    }
    say(`retrieval on ${size} passages`);
    const largest = size === Math.max(...plan.sizes);
    const retrieval = await measureRetrieval(app, plan.items, {
      ...plan,
      efSearchSweep: largest ? plan.efSearchSweep : [],
    });
    return { build, retrieval };
  });
}

/** Every measurement on one backend, in order; nothing runs in parallel with anything else. */
export async function benchBackend(
  open: OpenDatabase,
  plan: BenchPlan,
  say: (text: string) => void,
): Promise<BackendFigures> {
  const real = await realCorpus(open, plan, say);
  const generated: BackendFigures['retrieval']['generated'] = {};
  const corpusBuilds: BackendFigures['corpusBuilds'] = {};
  for (const size of plan.sizes) {
    const { build, retrieval } = await generatedCorpus(open, plan, size, say);
    generated[String(size)] = retrieval;
    corpusBuilds[String(size)] = build;
  }
  return {
    indexing: real.indexing,
    retrieval: { real: real.retrieval, generated },
    corpusBuilds,
    overhead: real.overhead,
    bot: real.bot,
    ...(real.botUnderTsx ? { botUnderTsx: real.botUnderTsx } : {}),
    prompt: real.prompt,
    langchain: real.langchain,
  };
}
