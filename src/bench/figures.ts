import type { BotFigures } from './bot-process.ts';
import type { IndexingFigures } from './indexing.ts';
import type { PeerFigures } from './langchain-peer.ts';
import type { MachineFigures } from './machine.ts';
import type { OverheadFigures } from './overhead.ts';
import type { PromptFigures } from './prompt-size.ts';
import type { RetrievalFigures } from './retrieval.ts';
import type { TargetResult } from './targets.ts';

/** A generated corpus's build, when this run had to build it (a cached one is reused). */
export interface CorpusBuildFigures {
  passages: number;
  built: boolean;
  seconds: number | undefined;
  passagesPerSecond: number | undefined;
  /** Built this run: whether its pages were on disk before the timings; undefined when reused. */
  writtenBack: boolean | undefined;
}

/** Everything measured on one database backend. */
export interface BackendFigures {
  indexing: IndexingFigures;
  retrieval: { real: RetrievalFigures; generated: Record<string, RetrievalFigures> };
  corpusBuilds: Record<string, CorpusBuildFigures>;
  overhead: OverheadFigures;
  bot: BotFigures;
  /** The same bot run from the sources under tsx, as `npm start` runs it (server only), for comparison. */
  botUnderTsx?: BotFigures;
  prompt: PromptFigures;
  langchain: PeerFigures;
}

export interface BenchFigures {
  quick: boolean;
  machine: MachineFigures;
  postgres:
    | { where: string; version: string; pgvector: string; sharedBuffers: string }
    | { where: string; unreachable: string };
  embedded: BackendFigures;
  server: BackendFigures | null;
  /** Generated corpus sizes measured, per backend. */
  sizes: { embedded: number[]; server: number[] };
  /** Judged on the server's figures, or on the embedded ones (marked) when the server was unreachable. */
  targets: { backend: 'server' | 'embedded'; results: TargetResult[] };
  seconds: number;
}
