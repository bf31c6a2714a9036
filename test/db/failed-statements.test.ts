import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/connect.ts';
import { BACKENDS, type TestDatabase } from '../helpers/backends.ts';

/**
 * A statement that fails (a broken constraint, a typo) fails alone: the queries after it, plain, named or in a
 * transaction, still run. On the embedded database the one after a failed one used to fail too.
 */
describe.each(BACKENDS)('after a failed statement [$name]', (backend) => {
  let db: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    db = await backend.create();
    database = await openDatabase(db.config);
    await database.pool.query('CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL)');
  });

  afterAll(async () => {
    await database?.close();
    await db?.drop();
  });

  it('runs the next query, plain or with parameters', async () => {
    const { pool } = database;
    await expect(pool.query('INSERT INTO items VALUES ($1, $2)', [1, null])).rejects.toThrow(/not-null/);
    expect((await pool.query('SELECT $1::int AS n', [5])).rows).toEqual([{ n: 5 }]);
    await pool.query('INSERT INTO items VALUES ($1, $2)', [1, 'one']);
    await expect(pool.query('INSERT INTO items VALUES ($1, $2)', [1, 'again'])).rejects.toThrow(
      /duplicate key/,
    );
    await expect(pool.query('SELEC 1')).rejects.toThrow(/syntax/);
    expect((await pool.query('SELECT label FROM items')).rows).toEqual([{ label: 'one' }]);
  });

  it('runs a named statement again after it failed', async () => {
    const insert = (id: number, label: string | null) =>
      database.pool.query({
        name: 'items.insert',
        text: 'INSERT INTO items VALUES ($1, $2)',
        values: [id, label],
      });
    await expect(insert(2, null)).rejects.toThrow(/not-null/);
    await insert(2, 'two');
    await insert(3, 'three');
    expect((await database.pool.query('SELECT count(*)::int AS n FROM items')).rows).toEqual([{ n: 3 }]);
  });

  it('rolls back a transaction whose statement failed, and goes on', async () => {
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO items VALUES ($1, $2)', [4, 'four']);
      await expect(client.query('INSERT INTO items VALUES ($1, $2)', [4, 'four'])).rejects.toThrow(
        /duplicate/,
      );
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect((await database.pool.query('SELECT count(*)::int AS n FROM items')).rows).toEqual([{ n: 3 }]);
  });
});
