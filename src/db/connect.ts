import pg from 'pg';
import pgvector from 'pgvector/pg';
import { DatabaseUnavailableError } from '../errors.ts';
import { lockDataDir } from './data-dir-lock.ts';

export interface Database {
  pool: pg.Pool;
  kind: 'embedded' | 'postgres';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
}

/** Where a connection string points, without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

async function configureConnection(client: pg.ClientBase): Promise<void> {
  await pgvector.registerTypes(client);
  // The vector leg filters to one corpus version; with old versions kept for rollback, a plain HNSW scan
  // could return fewer rows than asked once the filter drops the other versions' rows. Iterative scans
  // (pgvector 0.8) keep walking the graph until enough rows pass the filter.
  await client.query('SET hnsw.iterative_scan = strict_order');
  // At 100,000 passages of the built-in embedder, the default 40 candidates found 81% of the exact 10
  // nearest, 100 find 87% for about 2 ms more, 400 find 94% at 19 ms p95 (`npm run bench`, docs/benchmarks.md).
  await client.query('SET hnsw.ef_search = 100');
}

async function openServer(url: string): Promise<Database> {
  // The extension must exist before the vector type can be registered on each connection.
  const bootstrap = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await bootstrap.connect();
    await bootstrap.query('CREATE EXTENSION IF NOT EXISTS vector');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DatabaseUnavailableError(
      `Cannot use PostgreSQL at ${describeUrl(url)} (${reason}). Check DATABASE_URL, that the server runs, ` +
        'and that the pgvector extension is installed.',
    );
  } finally {
    await bootstrap.end().catch(() => undefined);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    onConnect: configureConnection,
  } as pg.PoolConfig);
  // An idle connection the server ends (a restart, a failover, an administrator) leaves the pool and is
  // replaced by the next query; unlistened, its 'error' event would take the whole process down.
  pool.on('error', () => undefined);
  return { pool, kind: 'postgres', close: () => pool.end() };
}

/**
 * The embedded pool's queries keep their client when a statement fails. pg-pool closes a client whose query
 * failed, but PGlite's node-postgres adapter hands every client the same connection and delivers the closed
 * client's late 'end' to the next one: the query after any failed one failed as well ("Connection terminated
 * unexpectedly"). PGlite's one session is unharmed by a failed statement, so its client is simply reused.
 */
function keepingClientOnError(pool: pg.Pool): pg.Pool {
  const query = async (config: string | pg.QueryConfig, values?: unknown[]) => {
    const client = await pool.connect();
    try {
      return await client.query(config, values);
    } finally {
      client.release();
    }
  };
  pool.query = query as pg.Pool['query'];
  return pool;
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const lock = lockDataDir(dataDir);
  try {
    // Loaded only here: the WebAssembly database's code is 40 MB of a server deployment's memory otherwise.
    const [{ PGlite }, { createPgConfig }, { vector }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/node-postgres'),
      import('@electric-sql/pglite-pgvector'),
    ]);
    const pglite = await PGlite.create(dataDir, { extensions: { vector } });
    await pglite.exec('CREATE EXTENSION IF NOT EXISTS vector');
    // One in-process connection: PGlite runs one statement at a time anyway, so queries simply queue.
    const pool = keepingClientOnError(
      new pg.Pool({
        ...createPgConfig(pglite),
        max: 1,
        onConnect: configureConnection,
      } as pg.PoolConfig),
    );
    return {
      pool,
      kind: 'embedded',
      close: async () => {
        await pool.end();
        await pglite.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** A real server when a URL is given, otherwise the embedded database in the data folder. */
export function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openServer(options.databaseUrl) : openEmbedded(options.dataDir);
}
