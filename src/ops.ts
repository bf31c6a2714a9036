import type { App } from './app.ts';
import { createGaugesRepository } from './db/gauges.ts';
import { createHealthCheck } from './health.ts';
import type { Logger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { createOpsEndpoints, type OpsEndpoints } from './ops-endpoints.ts';

export interface Ops {
  /** The app with its `ask` counted and timed: hand this one to the bot. */
  app: App;
  endpoints: OpsEndpoints;
}

/** Health and metrics for one running bot process (each replica has its own counters). */
export function createOps(app: App, log: Logger): Ops {
  const gauges = createGaugesRepository(app.database.pool);
  const metrics = createMetrics({
    activeVersion: () => app.versions.active(),
    figures: () => gauges.read(),
    modelCircuit: () => app.modelCircuit(),
  });
  const endpoints = createOpsEndpoints(
    createHealthCheck(() => app.versions.active(), log),
    metrics,
    log,
  );
  return { app: { ...app, ask: metrics.instrument(app.ask) }, endpoints };
}
