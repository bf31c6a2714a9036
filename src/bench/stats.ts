/** Latency percentiles in milliseconds, by the nearest-rank method, over `n` timed runs. */
export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function latencyOf(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(mean),
  };
}

/**
 * Runs `run` once per input, one at a time, and returns each run's wall time in milliseconds. The first
 * `warmup` inputs run once beforehand untimed: caches, prepared plans and JIT settle before measuring.
 */
export async function timeEach<T>(
  inputs: T[],
  run: (input: T) => Promise<unknown>,
  warmup = Math.min(10, inputs.length),
): Promise<number[]> {
  for (const input of inputs.slice(0, warmup)) await run(input);
  const times: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await run(input);
    times.push(performance.now() - started);
  }
  return times;
}

/** `items` repeated until there are `count` of them (question sets are smaller than the runs wanted). */
export function cycle<T>(items: T[], count: number): T[] {
  return Array.from({ length: count }, (_, i) => items[i % items.length] as T);
}

export { round };
