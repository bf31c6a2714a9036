import type { BarGroup } from './chart.ts';
import type { BackendFigures, BenchFigures } from './figures.ts';
import type { RetrievalFigures } from './retrieval.ts';
import type { Latency } from './stats.ts';

export const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
export const table = (head: string[], rows: (string | number)[][]) => [
  row(head),
  row(head.map(() => '---')),
  ...rows.map(row),
];
export const ms = (l: Latency) => `${l.p50} / ${l.p95} / ${l.p99}`;
const sizeLabel = (size: string) =>
  Number(size) >= 1000 ? `${Number(size) / 1000}k generated` : `${size} generated`;

export function backends(figures: BenchFigures): [string, BackendFigures][] {
  const list: [string, BackendFigures][] = [['embedded (PGlite)', figures.embedded]];
  if (figures.server) list.push(['PostgreSQL server', figures.server]);
  return list;
}

export function corpora(b: BackendFigures): [string, RetrievalFigures][] {
  return [
    ['real corpus', b.retrieval.real],
    ...Object.entries(b.retrieval.generated).map(([size, r]): [string, RetrievalFigures] => [
      sizeLabel(size),
      r,
    ]),
  ];
}

/** The p95 latencies of each leg, per backend and corpus, for the chart. */
export function chartGroups(figures: BenchFigures): BarGroup[] {
  return backends(figures).flatMap(([name, b]) =>
    corpora(b).map(([corpus, r]) => ({
      label: `${name.split(' ')[0]}, ${corpus.replace(' generated', '').replace(' corpus', '')}`,
      bars: [
        { series: 'hybrid (product)', value: r.hybrid.p95 },
        { series: 'vector only (HNSW)', value: r.vectorHnsw.p95 },
        { series: 'full-text only', value: r.fullText.p95 },
      ],
    })),
  );
}
