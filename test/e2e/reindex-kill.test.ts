import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type TestDatabase } from '../helpers/backends.ts';
import { copyCorpus, editFile, GUIDELINES_FILE } from '../helpers/corpus.ts';
import { type FakeModelServer, startFakeModelServer } from '../helpers/fake-model-server.ts';
import { runScript, startScript } from '../helpers/run-script.ts';

/**
 * `npm run reindex` as a process, killed with SIGKILL part-way through: afterwards `ask` answers from the
 * version that was active before, with its old text, and the next re-index completes the change. The embedded
 * database must also open again after an owner that never closed it.
 */
const QUESTION = 'Có được đưa dữ liệu cá nhân nhạy cảm vào AI công cộng không?';
const OLD_TEXT = 'tuyệt đối không cung cấp dữ liệu cá nhân nhạy cảm';
const NEW_TEXT = 'tuyệt đối không đưa dữ liệu cá nhân nhạy cảm';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(BACKENDS)('a re-index killed mid-way [$name]', (backend) => {
  let db: TestDatabase;
  let corpus: string;
  let cwd: string;
  let env: Record<string, string>;
  let model: FakeModelServer;

  const script = (name: string, args: string[], extra: Record<string, string> = {}) =>
    runScript(`scripts/${name}.ts`, args, { ...env, ...extra }, { cwd });

  /** The answer to QUESTION now: which version it came from and whether it quotes the old or new text. */
  async function answerNow() {
    const result = await script('ask', ['--json', QUESTION]);
    expect(result.code, result.stderr).toBe(0);
    const answer = JSON.parse(result.stdout) as {
      kind: string;
      corpusVersion: string;
      citations: { quote: string }[];
    };
    const quotes = answer.citations.map((c) => c.quote).join('\n');
    return {
      kind: answer.kind,
      version: answer.corpusVersion,
      old: quotes.includes(OLD_TEXT),
      new: quotes.includes(NEW_TEXT),
    };
  }

  beforeAll(async () => {
    db = await backend.create();
    corpus = await copyCorpus();
    cwd = await mkdtemp(join(tmpdir(), 'assistant-reindex-kill-'));
    env = { ...db.env, CORPUS_DIR: corpus, LOG_LEVEL: 'silent' };
    model = await startFakeModelServer({ behaviour: 'hang', dimensions: 512 });
    const first = await script('reindex', ['--no-quality-check']);
    expect(first.code, first.stderr).toBe(0);
    await editFile(corpus, GUIDELINES_FILE, (text) => text.replace(OLD_TEXT, NEW_TEXT));
  });

  afterAll(async () => {
    await model?.stop();
    await db?.drop();
    await rm(corpus, { recursive: true, force: true });
    await rm(cwd, { recursive: true, force: true });
  });

  it('leaves the previous version answering when killed while embedding', async () => {
    // An embedding server that takes the texts and never answers holds the re-index in its embedding step.
    const { child, result } = startScript(
      'scripts/reindex.ts',
      [],
      { ...env, EMBEDDINGS_PROVIDER: 'ollama', EMBEDDINGS_BASE_URL: model.url, EMBEDDINGS_MODEL: 'bge-m3' },
      cwd,
    );
    child.stdin.end();
    while (!model.requests.some((r) => r.path === '/api/embed')) await sleep(20);
    child.kill('SIGKILL');
    expect((await result).code).toBeNull();
    expect(await answerNow()).toEqual({ kind: 'answered', version: 'v1', old: true, new: false });
  });

  it.runIf(backend.name === 'postgres')(
    'leaves the previous version answering when killed inside the storing transaction',
    async () => {
      // A lock on the chunks table lets the re-index read, begin its transaction and write the new version's
      // row, then holds it at its first chunk insert: killed there, the server discards the transaction.
      const holder = new pg.Client({ connectionString: env.DATABASE_URL });
      const watcher = new pg.Client({ connectionString: env.DATABASE_URL });
      await Promise.all([holder.connect(), watcher.connect()]);
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE chunks IN EXCLUSIVE MODE');
      const { child, result } = startScript('scripts/reindex.ts', [], env, cwd);
      child.stdin.end();
      const insertWaiting = async () => {
        const { rows } = await watcher.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO chunks%'`,
        );
        return (rows[0]?.n ?? 0) > 0;
      };
      while (!(await insertWaiting())) await sleep(50);
      child.kill('SIGKILL');
      expect((await result).code).toBeNull();
      await holder.query('ROLLBACK');
      await Promise.all([holder.end(), watcher.end()]);
      expect(await answerNow()).toEqual({ kind: 'answered', version: 'v1', old: true, new: false });
    },
  );

  it('activates the change with a re-index run to the end afterwards', async () => {
    const last = await script('reindex', ['--no-quality-check']);
    expect(last.code, last.stderr).toBe(0);
    const now = await answerNow();
    expect(now).toMatchObject({ kind: 'answered', old: false, new: true });
    expect(now.version).not.toBe('v1');
  });
});
