import type { BenchFigures } from './figures.ts';
import { indexingSection, overheadSection, peerSection } from './report-sections.ts';
import { backends, corpora, ms, table } from './report-tables.ts';

const METHOD = [
  '## How it is measured',
  '',
  "- **Hybrid**: the product's retrieval (both legs, fusion, the passages and their originals, coverage), in steady state: every question is asked once, then each twice more, timed (a server that has been answering keeps the term counts of common words and the index pages that questions visit in memory). **First time asked**: that first pass, timed too: the term counts of the question's words not kept yet, and PostgreSQL's buffers as the work before left them. **Vector (HNSW)**: the query embedding and the vector leg's SQL for 10 passages. **Exact scan**: the same SQL with index scans off, for 40 questions once each; **HNSW recall@10** is the share of its 10 passages the HNSW search returns, for the development questions (dev) and, on the generated corpora, for 100 questions across the corpus (across): each 12 words of one article, the articles spread evenly over the generated documents. A corpus of all the organisation's regulations is asked about all of them, and approximate search is judged on queries like the data it holds; the development questions ask about the real corpus alone, 0.27% of 100,000 passages, so most of their 10 nearest there are generated passages that share only common words with them. **Full-text only**: term statistics, candidates and BM25. **Dev recall@5**: answerable Vietnamese development questions with an expected passage in the hybrid top 5.",
  '- **Generated corpora**: the real corpus plus deterministic Vietnamese-like decrees (one topic each, 500 one-passage articles per document), written to a folder and indexed by `reindex` itself; kept between runs. 100,000 passages are built on the server only: on the embedded database the build would take longer than the run may.',
  '- **In-process**: `ask` and the Telegram formatting for every development question, twice. **Through the bot**: the bot as `npm start` composes it, compiled by `npm run build` and run by plain Node as the production image runs it, in a process of its own, its Bot API answered in-process (what Telegram itself takes is not counted; nor is its pacing), one update at a time, then 50 chats each asking 40 questions one after another, all at once. RSS is sampled every 20 ms.',
  "- **Prompt size**: estimated tokens (characters / 3) of our prompt within `LLM_CONTEXT_TOKENS` against LangChain's classic question-answering prompt around the PGVectorStore top 5. **PGVectorStore**: the same passages and vectors, searched in the same language and document kinds; built with its constructor, as `initialize()` keeps a pool client for ever (the embedded database has one).",
];

/** Recall on the development questions, then on the questions across the corpus where there are some. */
const recalls = (development: number, acrossCorpus: number | null) =>
  acrossCorpus === null ? String(development) : `${development} / ${acrossCorpus}`;

function machineLines(f: BenchFigures): string[] {
  const m = f.machine;
  const server =
    'unreachable' in f.postgres
      ? `**not reachable** at ${f.postgres.where} (${f.postgres.unreachable}): embedded figures only`
      : `PostgreSQL ${f.postgres.version} with pgvector ${f.postgres.pgvector} at ${f.postgres.where} (shared_buffers ${f.postgres.sharedBuffers})`;
  return [
    `- ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB memory, Node ${m.node}`,
    `- server: ${server}; embedded: PGlite (PostgreSQL in WebAssembly) with pgvector`,
    `- one-minute load average ${m.loadAverage.start} at the start and ${m.loadAverage.end} at the end of the run (other work on the machine shares its cores)`,
    `- the whole run took ${f.seconds} s${f.quick ? ' (quick mode: tiny sizes, not for judging targets)' : ''}`,
  ];
}

export function renderReport(f: BenchFigures, chartFile: string): string {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (see README, "Performance"). Reproduce with:',
    '',
  ];
  lines.push(
    '```sh',
    'npm run --silent bench -- --json > bench.json',
    '```',
    '',
    '## Machine',
    '',
    ...machineLines(f),
  );
  lines.push(
    '',
    `## Targets (judged on the ${f.targets.backend === 'server' ? 'PostgreSQL server' : 'embedded database: no server was reachable'})`,
    '',
  );
  lines.push(
    ...table(
      ['figure', 'target', 'measured', ''],
      f.targets.results.map((t) => [
        t.name,
        t.target,
        `${t.value ?? '—'} ${t.unit}`.trim(),
        t.pass ? 'pass' : '**miss**',
      ]),
    ),
  );
  lines.push('', '## Retrieval latency', '', `![p95 retrieval latency by corpus](${chartFile})`, '');
  lines.push(
    'Milliseconds, p50 / p95 / p99, Vietnamese development questions: hybrid in steady state (the target) and the first time each question is asked; the legs alone after those.',
    '',
  );
  for (const [name, b] of backends(f)) {
    lines.push(`### ${name}`, '');
    lines.push(
      ...table(
        [
          'corpus',
          'passages',
          'hybrid',
          'hybrid, first time asked',
          'vector (HNSW)',
          'vector (exact scan)',
          'full-text only',
          'HNSW recall@10, dev / across',
          'dev recall@5',
        ],
        corpora(b).map(([corpus, r]) => [
          corpus,
          r.passages,
          ms(r.hybrid),
          ms(r.hybridFirstAsked),
          ms(r.vectorHnsw),
          `${r.vectorExact.p50} / ${r.vectorExact.p95} (${r.exactQuestions} q.)`,
          ms(r.fullText),
          `${recalls(r.hnswRecallAt10, r.hnswRecallAt10AcrossCorpus)} (ef_search ${r.efSearch})`,
          r.devRecallAt5,
        ]),
      ),
      '',
    );
  }
  for (const [name, b] of backends(f)) {
    for (const [corpus, r] of corpora(b).filter(([, r]) => r.efSearchSweep.length > 0)) {
      const tried = r.efSearchSweep.map(
        (e) => `${e.efSearch}: recall ${recalls(e.recallAt10, e.recallAt10AcrossCorpus)}, p95 ${e.p95} ms`,
      );
      lines.push(`HNSW ef_search on the ${name}, ${corpus} (vector leg alone): ${tried.join('; ')}.`, '');
    }
  }
  for (const [name, b] of backends(f)) {
    for (const [corpus, r] of corpora(b).filter(([, r]) => r.hnswMisses.passages > 0)) {
      const { passages, generated, similarity } = r.hnswMisses;
      lines.push(
        `HNSW misses on the ${name}, ${corpus}: ${passages} of the exact scan's passages over ${r.exactQuestions} ` +
          `questions, ${generated} of them in generated documents, at similarities ${similarity?.min}–${similarity?.max} ` +
          'to the question.',
        '',
      );
    }
  }
  lines.push(...indexingSection(f), ...overheadSection(f), ...peerSection(f), '', ...METHOD);
  return `${lines.join('\n')}\n`;
}
