import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

export interface MachineFigures {
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  /** One-minute load averages when the run started and ended: what else the machine was doing. */
  loadAverage: { start: number; end: number | undefined };
}

export function describeMachine(): MachineFigures {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    loadAverage: { start: Number(loadavg()[0]?.toFixed(2)), end: undefined },
  };
}

export function currentLoad(): number {
  return Number(loadavg()[0]?.toFixed(2));
}
