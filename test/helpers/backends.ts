import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
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
        async drop() {
          const client = new pg.Client({ connectionString: serverUrl });
          await client.connect();
          try {
            // An autovacuum worker visiting the database cannot be terminated by a non-superuser (42501):
            // it leaves within moments, so the drop is tried again.
            for (let attempt = 1; ; attempt += 1) {
              try {
                await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
                break;
              } catch (error) {
                const code = (error as { code?: string }).code;
                if (attempt >= 20 || (code !== '42501' && code !== '55006')) throw error;
                await new Promise((resolve) => setTimeout(resolve, 250));
              }
            }
          } finally {
            await client.end();
          }
        },
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
