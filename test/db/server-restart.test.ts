import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/connect.ts';
import { BACKENDS, type TestDatabase } from '../helpers/backends.ts';

const server = BACKENDS.find((b) => b.name === 'postgres');

/** The server ends the pool's idle connections (as a restart or failover does): the process lives on. */
describe.runIf(server)('a PostgreSQL server that ends idle connections', () => {
  let db: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    db = await (server as NonNullable<typeof server>).create();
    database = await openDatabase({ databaseUrl: db.env.DATABASE_URL, dataDir: '' });
  });

  afterAll(async () => {
    await database?.close();
    await db?.drop();
  });

  it('drops the ended connections and answers the next query on a new one', async () => {
    await Promise.all([database.pool.query('SELECT 1'), database.pool.query('SELECT 2')]);
    expect(database.pool.idleCount).toBeGreaterThan(0);
    const admin = new pg.Client({ connectionString: db.env.DATABASE_URL });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    await admin.end();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { rows } = await database.pool.query<{ ok: number }>('SELECT 1 AS ok');
    expect(rows[0]?.ok).toBe(1);
  });
});
