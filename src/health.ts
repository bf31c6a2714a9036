import type { CorpusVersion } from './db/versions.ts';
import type { Logger } from './logger.ts';

/** GET /healthz: ok when the database answers and a corpus version is active (questions can be answered). */
export interface Health {
  status: 'ok' | 'unavailable';
  database: 'reachable' | 'unreachable';
  /** The active corpus version's label; null before the first index or when the database is unreachable. */
  corpusVersion: string | null;
}

/**
 * A hung server would hold a health request until the pool's own 5 s connect timeout and beyond; a load
 * balancer or compose healthcheck wants an answer sooner, and a database this slow is unhealthy anyway.
 */
const HEALTH_TIMEOUT_MS = 2_000;

export function createHealthCheck(
  activeVersion: () => Promise<CorpusVersion | undefined>,
  log: Logger,
  timeoutMs = HEALTH_TIMEOUT_MS,
) {
  return async function checkHealth(): Promise<Health> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
    });
    try {
      const version = await Promise.race([activeVersion(), timeout]);
      return {
        status: version ? 'ok' : 'unavailable',
        database: 'reachable',
        corpusVersion: version?.label ?? null,
      };
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'health check: the database did not answer');
      return { status: 'unavailable', database: 'unreachable', corpusVersion: null };
    } finally {
      clearTimeout(timer);
    }
  };
}

export type CheckHealth = ReturnType<typeof createHealthCheck>;
