import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createComposer } from '../../src/answer/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { createChatModel } from '../../src/llm/chat-model.ts';
import { createCircuitBreaker } from '../../src/llm/circuit-breaker.ts';
import { type FakeModelServer, startFakeModelServer } from '../helpers/fake-model-server.ts';
import {
  INVENTED_QUOTE,
  inventingReply,
  makePassage,
  passagesInPrompt,
  quotingReply,
  userMessageOf,
} from '../helpers/scripted-replies.ts';

/**
 * Model-server faults at the protocol level: the real ChatOllama and ChatOpenAI classes talk HTTP to a
 * loopback server that speaks Ollama's /api/chat and the OpenAI /v1/chat/completions API and is told to
 * fail, stall or garble; the composer must always come back, in time, with a verified answer or a reason.
 */
const TIMEOUT_MS = 800;
const PASSAGES = [
  makePassage(
    'Staff must absolutely not provide information classified as state secrets to public AI platforms.',
  ),
  makePassage('Party agencies should organise study of the guidelines and disseminate them.', { chunkId: 2 }),
];

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe.each([
  { provider: 'ollama', path: '/api/chat', base: (url: string) => url },
  { provider: 'openai', path: '/v1/chat/completions', base: (url: string) => `${url}/v1` },
])('model server faults [$provider]', ({ provider, path, base }) => {
  let server: FakeModelServer;

  const composerFor = (baseUrl: string) => {
    const config = loadConfig({
      LLM_PROVIDER: provider,
      LLM_BASE_URL: baseUrl,
      LLM_MODEL: 'fake-chat',
      LLM_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    const model = createChatModel(config.llm);
    if (!model) throw new Error('no model');
    const breaker = createCircuitBreaker({ failureThreshold: 3, cooldownMs: 60_000 });
    return createComposer({ model, breaker, timeoutMs: TIMEOUT_MS, contextTokens: 3_000 });
  };
  const compose = () => composerFor(base(server.url));
  const ask = (composer = compose()) =>
    composer('Can I paste a state secret into a chatbot?', 'en', PASSAGES);
  const chatRequests = () => server.requests.filter((r) => r.path === path);

  beforeAll(async () => {
    server = await startFakeModelServer();
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.behaviour = 'normal';
    server.requests.length = 0;
    server.chatReply = (body) => quotingReply(passagesInPrompt(userMessageOf(body)));
  });

  it('asks for structured output and answers with verified quotes', async () => {
    const result = await ask();
    expect(result.status).toBe('answered');
    const body = chatRequests()[0]?.body as Record<string, unknown>;
    if (provider === 'ollama') expect(body.format).toMatchObject({ type: 'object' });
    else expect(body.response_format).toMatchObject({ type: 'json_schema' });
  });

  it('shows no invented quote when the model fabricates one', async () => {
    server.chatReply = (body) => inventingReply(passagesInPrompt(userMessageOf(body)));
    const result = await ask();
    expect(result.status).toBe('answered');
    if (result.status !== 'answered') return;
    expect(JSON.stringify(result.verified)).not.toContain(INVENTED_QUOTE);
    for (const s of result.verified.sentences) {
      for (const q of s.quotes) expect(PASSAGES[q.passage - 1]?.content).toContain(q.quote);
    }
  });

  it('falls back to plain JSON when the server refuses structured output, and remembers', async () => {
    server.behaviour = 'rejectStructured';
    const composer = compose();
    expect((await ask(composer)).status).toBe('answered');
    expect((await ask(composer)).status).toBe('answered');
    const formats = chatRequests().map((r) => {
      const body = r.body as Record<string, unknown>;
      return body.format ?? body.response_format;
    });
    expect(formats[0]).toBeDefined();
    expect(formats.slice(1).every((f) => f === undefined)).toBe(true);
  });

  it.each([
    ['an HTTP 500', 'error500', /HTTP 500|failed/],
    ['malformed JSON', 'malformedJson', /failed|not the JSON/],
    ['a stream cut off mid-way', 'cutStream', /failed|not the JSON/],
  ] as const)('fails cleanly on %s', async (_, behaviour, why) => {
    server.behaviour = behaviour;
    const result = await ask();
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.why).toMatch(why);
  });

  it.each([
    ['never replies', 'hang'],
    ['replies after the deadline', 'slow'],
  ] as const)('gives up within the timeout when the server %s', async (_, behaviour) => {
    server.behaviour = behaviour;
    server.delayMs = TIMEOUT_MS * 3;
    const started = performance.now();
    const result = await ask();
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ status: 'failed', why: 'the model did not answer in time' });
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 2_000);
  });

  it('fails cleanly when nothing listens', async () => {
    const composer = composerFor(base(`http://127.0.0.1:${await closedPort()}`));
    expect((await ask(composer)).status).toBe('failed');
  });

  it('stops calling a failing server after three failures in a row (circuit breaker)', async () => {
    server.behaviour = 'error500';
    const composer = compose();
    for (let i = 0; i < 3; i += 1) await ask(composer);
    expect(chatRequests()).toHaveLength(3);
    expect(await ask(composer)).toEqual({
      status: 'failed',
      why: 'the model server is paused after repeated failures',
    });
    expect(chatRequests()).toHaveLength(3);
  });
});
