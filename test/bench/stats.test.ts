import { describe, expect, it } from 'vitest';
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
