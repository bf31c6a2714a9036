import { describe, expect, it } from 'vitest';
import type { CorpusVersion } from '../src/db/versions.ts';
import { createHealthCheck } from '../src/health.ts';
import { createLogger } from '../src/logger.ts';

const log = createLogger('silent');
const VERSION = { id: 2, label: 'v2' } as CorpusVersion;

describe('createHealthCheck', () => {
  it('is ok with an active version, unavailable without one', async () => {
    expect(await createHealthCheck(async () => VERSION, log)()).toEqual({
      status: 'ok',
      database: 'reachable',
      corpusVersion: 'v2',
    });
    expect(await createHealthCheck(async () => undefined, log)()).toEqual({
      status: 'unavailable',
      database: 'reachable',
      corpusVersion: null,
    });
  });

  it('calls a database that fails, or does not answer in time, unreachable', async () => {
    const unreachable = { status: 'unavailable', database: 'unreachable', corpusVersion: null };
    const failing = createHealthCheck(async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    }, log);
    expect(await failing()).toEqual(unreachable);
    const hung = createHealthCheck(() => new Promise<never>(() => undefined), log, 50);
    const started = Date.now();
    expect(await hung()).toEqual(unreachable);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
