import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { describeUrl } from '../db/connect.ts';

export interface ServerInfo {
  url: string;
  /** Where it is, without the password. */
  where: string;
  version: string;
  pgvector: string;
  /** The server's shared_buffers: whether its HNSW indexes fit in its own cache. */
  sharedBuffers: string;
}

export type ServerProbe = ServerInfo | { unreachable: string; where: string };

/** Whether the benchmark's PostgreSQL server answers, and what it runs. */
export async function probeServer(url: string): Promise<ServerProbe> {
  const where = describeUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const settings = await client.query<{ version: string; buffers: string }>(
      "SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS buffers",
    );
    const { version = '?', buffers: sharedBuffers = '?' } = settings.rows[0] ?? {};
    const vector = await client.query<{ v: string }>(
      `SELECT coalesce((SELECT extversion FROM pg_extension WHERE extname = 'vector'),
         (SELECT default_version FROM pg_available_extensions WHERE name = 'vector')) AS v`,
    );
    const pgvector = vector.rows[0]?.v;
    if (!pgvector) return { unreachable: 'the pgvector extension is not installed', where };
    return { url, where, version, pgvector, sharedBuffers };
  } catch (error) {
    return { unreachable: (error as NodeJS.ErrnoException).code ?? (error as Error).message, where };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The server's URL with another database name. */
function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A database of the benchmark's own on the server (created next to the one in the URL, so the role needs
 * CREATEDB), emptied first when asked. Emptying drops what the role owns rather than the database: an
 * autovacuum worker in it cannot be terminated by a role that is not a superuser.
 */
export async function serverDatabase(
  server: ServerInfo,
  name: string,
  empty: boolean,
): Promise<Record<string, string>> {
  const database = `assistant_bench_${name}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(server.url, database);
  if (empty) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('DROP OWNED BY CURRENT_USER');
    } finally {
      await client.end();
    }
  }
  return { DATABASE_URL: url };
}

/** An embedded database folder of the benchmark's own under `cacheDir`, emptied first when asked. */
export async function embeddedDatabase(
  cacheDir: string,
  name: string,
  empty: boolean,
): Promise<Record<string, string>> {
  const dataDir = join(cacheDir, `embedded-${name}`);
  if (empty) await rm(dataDir, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  return { DATA_DIR: dataDir };
}

/** Drops one of the benchmark's server databases (quick runs leave none behind). */
export function dropServerDatabase(server: ServerInfo, name: string): Promise<void> {
  return dropDatabase(server.url, `assistant_bench_${name}`);
}

/**
 * Drops a database on the server at `url` (as the role there), tried again while PostgreSQL refuses: an
 * autovacuum worker visiting it cannot be terminated by a role that is not a superuser, and leaves soon.
 */
export async function dropDatabase(url: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 40 || (code !== '42501' && code !== '55006')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await admin.end();
  }
}
