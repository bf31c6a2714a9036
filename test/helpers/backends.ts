import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dropDatabase } from '../../src/bench/databases.ts';
import { type Config, loadConfig } from '../../src/config.ts';

/**
 * The databases every database test runs on: the embedded one always, and a real PostgreSQL server when
 * DATABASE_URL is set (CI sets it, and REQUIRE_POSTGRES=1 so a missing server fails instead of skipping).
 */
export interface Backend {
  name: 'embedded' | 'postgres';
  /** A fresh, empty database for one test file. */
  create(env?: Record<string, string>): Promise<TestDatabase>;
}

export interface TestDatabase {
  config: Config;
  env: Record<string, string>;
  drop(): Promise<void>;
}

export const CORPUS_DIR = join(import.meta.dirname, '..', '..', 'corpus');

const embedded: Backend = {
  name: 'embedded',
  async create(env = {}) {
    const dataDir = await mkdtemp(join(tmpdir(), 'assistant-test-'));
    const fullEnv = { DATA_DIR: dataDir, CORPUS_DIR, LOG_LEVEL: 'silent', ...env };
    return {
      config: loadConfig(fullEnv),
      env: fullEnv,
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  },
};

function postgres(serverUrl: string): Backend {
  return {
    name: 'postgres',
    async create(env = {}) {
      // One database per test file, so files can run in parallel without sharing tables or advisory locks.
      const name = `assistant_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const fullEnv = { DATABASE_URL: url.toString(), CORPUS_DIR, LOG_LEVEL: 'silent', ...env };
      return {
        config: loadConfig(fullEnv),
        env: fullEnv,
        drop: () => dropDatabase(serverUrl, name),
      };
    },
  };
}

function selectBackends(): Backend[] {
  const url = process.env.DATABASE_URL;
  if (!url && process.env.REQUIRE_POSTGRES === '1') {
    throw new Error('REQUIRE_POSTGRES=1 but DATABASE_URL is not set: the real-server tests cannot run');
  }
  return url ? [embedded, postgres(url)] : [embedded];
}

export const BACKENDS = selectBackends();
