import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CORPUS_DIR } from '../helpers/backends.ts';
import { runScript, startScript } from '../helpers/run-script.ts';

describe('the command line on a bare machine (embedded database)', () => {
  let cwd: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'assistant-cli-'));
    env = { DATA_DIR: join(cwd, 'data'), CORPUS_DIR, LOG_LEVEL: 'silent' };
  });
  afterAll(() => rm(cwd, { recursive: true, force: true }));

  it('indexes by itself on first use, says so on stderr, and prints one JSON answer on stdout', async () => {
    const question = 'Có được đưa thông tin thuộc bí mật nhà nước vào ChatGPT không?';
    const result = await runScript('scripts/ask.ts', ['--json', question], env, { cwd });
    expect(result.stderr).toMatch(/no index yet: indexing the guidelines/);
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.kind).toBe('answered');
    expect(answer.language).toBe('vi');
    expect(answer.citations[0].quote).toContain('bí mật nhà nước');
    expect(Object.keys(answer.citations[0])).toEqual(
      expect.arrayContaining(['documentId', 'section', 'version', 'quote', 'score']),
    );
  });

  it('reports an unrelated question as escalated, with its reason', async () => {
    const result = await runScript('scripts/ask.ts', ['--json', 'Thời tiết Hà Nội hôm nay thế nào?'], env, {
      cwd,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      kind: 'escalated',
      reason: expect.stringMatching(/confidence/),
    });
  });

  it('prints a readable answer with section and version without --json', async () => {
    const result = await runScript('scripts/ask.ts', ['co duoc dua bi mat nha nuoc vao AI khong'], env, {
      cwd,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Mục: IV\. .+ · phiên bản digest-2025-11-27/);
    expect(result.stdout).toMatch(/> .*bí mật nhà nước/);
  });

  it('says that a second re-index with nothing changed embedded nothing', async () => {
    const result = await runScript('scripts/reindex.ts', [], env, { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/No changes since v1: nothing embedded, v1 stays active/);
  });

  it('runs a terminal chat when no Telegram token is set, and says how to connect Telegram', async () => {
    const input = 'Ai ban hành Hướng dẫn sử dụng AI cho cán bộ, đảng viên?\n\n';
    const result = await runScript('src/main.ts', [], env, { cwd, input });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/TELEGRAM_BOT_TOKEN/);
    expect(result.stdout).toMatch(/Văn phòng Trung ương Đảng/);
  });

  it('stops a second process on the same data folder with a clear message', async () => {
    const holder = startScript('src/main.ts', [], env, cwd);
    try {
      await vi.waitFor(() => expect(holder.output.stdout).toMatch(/Guidelines assistant/), {
        timeout: 20_000,
      });
      const second = await runScript('scripts/reindex.ts', [], env, { cwd });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(new RegExp(`in use by process ${holder.child.pid}`));
    } finally {
      holder.child.stdin.end();
      expect((await holder.result).code).toBe(0);
    }
  });

  it('shows usage when the question is missing', async () => {
    const result = await runScript('scripts/ask.ts', ['--json'], env, { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No question given\.\nUsage: npm run ask/);
  });

  it.each([
    ['only whitespace and invisible characters', ['--json', ' \u200B\u202E '], /No question given\./],
    ['only emoji', ['--json', '👍🤖'], /The question has no words to look up \(only symbols or emoji\)\./],
  ])('says what is wrong with a question of %s', async (_name, args, message) => {
    const result = await runScript('scripts/ask.ts', args, env, { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it.each([
    [{ EMBEDDINGS_PROVIDER: 'bogus' }, /^EMBEDDINGS_PROVIDER: expected one of local, ollama, openai\n$/],
    [
      { EMBEDDINGS_PROVIDER: 'bogus', RETRIEVAL_TOP_K: 'many' },
      /^EMBEDDINGS_PROVIDER: .+\nRETRIEVAL_TOP_K: expected a whole number from 1 to 50\n$/,
    ],
    [
      { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' },
      /^Cannot use PostgreSQL at 127\.0\.0\.1:1\/x \(ECONNREFUSED\)/,
    ],
  ])('fails fast with one line per problem and no stack trace: %o', async (bad, message) => {
    const result = await runScript('scripts/ask.ts', ['--json', 'câu hỏi'], { ...env, ...bad }, { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.ms).toBeLessThan(15_000);
  });
});
