import { describe, expect, it } from 'vitest';
import { medianRun } from '../../src/bench/bot.ts';
import type { BotFigures } from '../../src/bench/bot-process.ts';
import { latencyChartSvg } from '../../src/bench/chart.ts';
import { latencyOf, percentile } from '../../src/bench/stats.ts';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it.each([
    [50, 50],
    [95, 95],
    [99, 99],
    [100, 100],
  ])('p%i of 1..100 is %i', (p, value) => {
    expect(percentile(hundred, p)).toBe(value);
  });

  it('takes the largest sample as p99 of fewer than 100', () => {
    expect(percentile([1, 2, 3, 40], 99)).toBe(40);
  });
});

describe('latencyOf', () => {
  it('sorts the samples itself and rounds to hundredths', () => {
    expect(latencyOf([3.456, 1, 2])).toEqual({ n: 3, p50: 2, p95: 3.46, p99: 3.46, mean: 2.15 });
  });
});

describe('latencyChartSvg', () => {
  it('draws one bar per value, the target line and a round scale, escaping labels', () => {
    const svg = latencyChartSvg('p95 <ms>', [{ label: 'A & B', bars: [{ series: 's', value: 12 }] }], 15);
    expect(svg.match(/<rect [^>]*fill="#1565c0"/g)).toHaveLength(2); // the bar and its legend key
    expect(svg).toContain('target 15 ms');
    expect(svg).toContain('A &amp; B');
    expect(svg).toContain('p95 &lt;ms&gt;');
    expect(svg).toContain('>20</text>');
  });
});

describe('medianRun', () => {
  const latency = { n: 1, p50: 1, p95: 1, p99: 1, mean: 1 };
  const run = (perSecond: number, peakRssMb: number): BotFigures => ({
    restRssMb: 80,
    peakRssMb,
    perQuestion: latency,
    concurrent: { chats: 50, questions: 2000, seconds: 2000 / perSecond, perSecond, latency },
    messagesSent: 2000,
  });

  it('keeps the run of median throughput, every run in order, and the highest peak RSS', () => {
    const figures = medianRun([run(136, 140), run(210, 150), run(190, 145)]);
    expect(figures.concurrent.perSecond).toBe(190);
    expect(figures.perSecondRuns).toEqual([136, 210, 190]);
    expect(figures.peakRssMb).toBe(150);
  });

  it('reports a single run as it is', () => {
    expect(medianRun([run(136, 140)])).toEqual(run(136, 140));
  });
});
