import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../helpers/backends.ts';
import { type FakeModelServer, startFakeModelServer } from '../helpers/fake-model-server.ts';
import { runScript } from '../helpers/run-script.ts';
import {
  INVENTED_QUOTE,
  inventingReply,
  passagesInPrompt,
  userMessageOf,
} from '../helpers/scripted-replies.ts';

/** `npm run ask` with a language model configured, against a loopback server that lies, stalls or is absent. */
const QUESTION = 'Can I paste a state-secret document into a public AI chatbot?';
const TIMEOUT_MS = 1_500;

describe('ask --json with a language model', () => {
  let cwd: string;
  let env: Record<string, string>;
  let server: FakeModelServer;
  let corpusText: string;
  let startupMs: number;

  const ask = (extra: Record<string, string>) =>
    runScript('scripts/ask.ts', ['--json', QUESTION], { ...env, ...extra }, { cwd });

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'assistant-llm-cli-'));
    env = {
      DATA_DIR: join(cwd, 'data'),
      CORPUS_DIR,
      LOG_LEVEL: 'silent',
      LLM_TIMEOUT_MS: String(TIMEOUT_MS),
    };
    server = await startFakeModelServer();
    const files = (await readdir(CORPUS_DIR)).filter((f) => f.endsWith('.md'));
    const texts = await Promise.all(files.map((f) => readFile(join(CORPUS_DIR, f), 'utf8')));
    corpusText = texts.join('\n').replace(/\s+/g, ' ');
    await ask({}); // indexes on first use
    startupMs = (await ask({})).ms; // what a run costs without any model
  });
  afterAll(async () => {
    await server?.stop();
    await rm(cwd, { recursive: true, force: true });
  });

  it('shows no invented quote: every citation quote is text of the guidelines', async () => {
    server.behaviour = 'normal';
    server.chatReply = (body) => inventingReply(passagesInPrompt(userMessageOf(body)));
    const result = await ask({ LLM_PROVIDER: 'openai', LLM_BASE_URL: `${server.url}/v1`, LLM_MODEL: 'liar' });
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer).toMatchObject({ kind: 'answered', mode: 'generated', language: 'en' });
    expect(result.stdout).not.toContain(INVENTED_QUOTE);
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const citation of answer.citations)
      expect(corpusText).toContain(citation.quote.replace(/\s+/g, ' '));
    expect(answer.citations[0].original?.language).toBe('vi');
  });

  it.each([
    ['nothing listens on the port', 'http://127.0.0.1:9'],
    ['the server accepts the connection but never replies', 'hang'],
  ])('answers extractively, in time, when %s', async (_, target) => {
    server.behaviour = 'hang';
    const baseUrl = target === 'hang' ? server.url : target;
    const result = await ask({
      LLM_PROVIDER: 'ollama',
      LLM_BASE_URL: baseUrl,
      LLM_MODEL: 'absent',
      LOG_LEVEL: 'debug',
    });
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer).toMatchObject({ kind: 'answered', mode: 'extractive', fallback: expect.any(String) });
    expect(answer.citations[0].quote).toMatch(/state.secret/i);
    // Process start-up aside: the time of the answer itself, as the command logs it.
    const logged = result.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
      .find((entry) => entry.msg === 'answered');
    expect(logged?.ms).toBeLessThan(TIMEOUT_MS + 2_000);
    // And the process does not linger on a socket the model server holds open.
    expect(result.ms - startupMs).toBeLessThan(TIMEOUT_MS + 10_000);
  });
});
