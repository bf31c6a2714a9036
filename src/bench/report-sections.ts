import type { BenchFigures } from './figures.ts';
import { backends, ms, table } from './report-tables.ts';

/** A corpus built this run whose pages the role could not force to disk: its timings include those writes. */
const NOT_WRITTEN_BACK =
  ', **its pages not forced to disk** (the role may not run CHECKPOINT: grant it `pg_checkpoint`), so the ' +
  "server's checkpoints may write them during the timings";

/** Indexing throughput and re-index times, per backend. */
export function indexingSection(f: BenchFigures): string[] {
  const lines: string[] = [];
  lines.push('## Indexing', '');
  lines.push(
    ...table(
      [
        'backend',
        'real corpus: first index',
        'passages/s',
        're-index, nothing changed (3 runs)',
        'generated corpora built this run',
      ],
      backends(f).map(([name, b]) => [
        name,
        `${b.indexing.passages} passages in ${b.indexing.seconds} s`,
        b.indexing.passagesPerSecond,
        b.indexing.unchangedSeconds.map((s) => `${s} s`).join(', '),
        Object.values(b.corpusBuilds)
          .map((c) =>
            c.built
              ? `${c.passages}: ${c.seconds?.toFixed(1)} s (${c.passagesPerSecond}/s)${c.writtenBack ? '' : NOT_WRITTEN_BACK}`
              : `${c.passages}: reused`,
          )
          .join('; ') || '—',
      ]),
    ),
  );
  return lines;
}

/** The assistant's own time per question, the bot's throughput and memory. */
export function overheadSection(f: BenchFigures): string[] {
  const lines: string[] = [];
  lines.push('', "## The assistant's own time per question (no language model)", '');
  lines.push(
    ...table(
      [
        'backend',
        'in-process p50/p95/p99 ms',
        'guard p95',
        'formatting p95',
        'through the bot p50/p95/p99 ms',
        'chats at once',
        'questions/s',
        'latency under load p50/p95',
        'RSS at rest',
        'peak RSS under load',
      ],
      backends(f).map(([name, b]) => [
        name,
        ms(b.overhead.perQuestion),
        b.overhead.guard.p95,
        b.overhead.formatting.p95,
        ms(b.bot.perQuestion),
        b.bot.concurrent.chats,
        b.bot.perSecondRuns
          ? `${b.bot.concurrent.perSecond} (median of ${b.bot.perSecondRuns.join(', ')})`
          : b.bot.concurrent.perSecond,
        `${b.bot.concurrent.latency.p50} / ${b.bot.concurrent.latency.p95}`,
        `${b.bot.restRssMb} MB`,
        `${b.bot.peakRssMb} MB`,
      ]),
    ),
  );
  for (const [name, b] of backends(f)) {
    const tsx = b.botUnderTsx;
    if (!tsx) continue;
    lines.push(
      '',
      `Run from the sources under tsx, as \`npm start\` runs it, the bot on the ${name}: RSS ${tsx.restRssMb} MB ` +
        `at rest, ${tsx.peakRssMb} MB at most under load, ${tsx.concurrent.perSecond} questions/s` +
        `${tsx.perSecondRuns ? ` (median of ${tsx.perSecondRuns.join(', ')})` : ''}, ` +
        `${tsx.perQuestion.p95} ms p95 per question alone (the table shows it compiled, as the production image runs it).`,
    );
  }
  return lines;
}

/** Prompt sizes and the LangChain PGVectorStore comparison. */
export function peerSection(f: BenchFigures): string[] {
  const lines: string[] = [];
  lines.push('', '## Prompt size and the LangChain peer (real corpus, answerable development questions)', '');
  lines.push(
    ...table(
      [
        'backend',
        'our prompt, est. tokens mean/p95',
        'plain top-5 prompt mean/p95',
        'ratio',
        'our latency p50/p95',
        'PGVectorStore p50/p95',
        'latency ratio p50 / p95',
        'recall@5 ours / PGVectorStore',
        'recall ratio',
      ],
      backends(f).map(([name, b]) => [
        name,
        `${b.prompt.ours.mean} / ${b.prompt.ours.p95}`,
        `${b.prompt.plainTopK.mean} / ${b.prompt.plainTopK.p95}`,
        b.prompt.ratio,
        `${b.langchain.ours.latency.p50} / ${b.langchain.ours.latency.p95}`,
        `${b.langchain.langchain.latency.p50} / ${b.langchain.langchain.latency.p95}`,
        `${b.langchain.ratios.latencyP50} / ${b.langchain.ratios.latencyP95}`,
        `${b.langchain.ours.recallAt5} / ${b.langchain.langchain.recallAt5}`,
        b.langchain.ratios.recallAt5,
      ]),
    ),
  );
  return lines;
}
