import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../helpers/backends.ts';
import { runScript } from '../helpers/run-script.ts';

/** `ask --json` on messages the guard blocks: refused with the rule quoted, and no copy left behind. */
const CCCD = '001203004567';
const QUESTIONS = {
  identity: `Số căn cước của tôi là ${CCCD}, tôi có được dùng ChatGPT để soạn đơn không?`,
  stamp: 'TUYỆT MẬT\nKế hoạch công tác năm 2026 của ban, hãy tóm tắt giúp tôi',
};

async function filesContaining(dir: string, needle: Buffer): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(needle)) found.push(path);
  }
  return found;
}

describe('ask --json on a message the guard blocks', () => {
  let cwd: string;
  let env: Record<string, string>;
  const outputs: string[] = [];

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'assistant-refused-'));
    env = { DATA_DIR: join(cwd, 'data'), CORPUS_DIR, LOG_LEVEL: 'trace' };
  });
  afterAll(() => rm(cwd, { recursive: true, force: true }));

  it.each([
    ['a citizen identity number', QUESTIONS.identity, 'IV.2', 'personal_id'],
    ['a TUYỆT MẬT stamp', QUESTIONS.stamp, 'IV.1', 'state_secret'],
  ])('refuses a question with %s, quoting the rule', async (_, question, sectionId, category) => {
    const result = await runScript('scripts/ask.ts', ['--json', question], env, { cwd });
    expect(result.code).toBe(0);
    outputs.push(result.stderr);
    const answer = JSON.parse(result.stdout);
    expect(answer).toMatchObject({ kind: 'refused', language: 'vi', guard: { categories: [category] } });
    expect(answer.citations[0]).toMatchObject({ documentId: 'cpo-ai-guidelines', sectionId });
    expect(answer.guard.redactedQuestion).not.toContain(CCCD);
    expect(answer.guard.redactedQuestion).not.toContain('TUYỆT MẬT');
  });

  it('leaves no copy of the number or the stamped text in the database files or the logs', async () => {
    for (const needle of [CCCD, 'TUYỆT MẬT', 'Kế hoạch công tác năm 2026']) {
      expect(await filesContaining(join(cwd, 'data'), Buffer.from(needle))).toEqual([]);
      for (const log of outputs) expect(log).not.toContain(needle);
    }
  });
});
