import { describe, type ExpectStatic, it, type TestContext } from 'vitest';
import type { EmbeddingsConfig } from '../../src/config.ts';
import { createEmbedder } from '../../src/embeddings/create.ts';
import { EmbeddingServiceError } from '../../src/errors.ts';
import { type Behaviour, fakeVector, startFakeModelServer } from '../helpers/fake-model-server.ts';

interface ProviderCase {
  provider: 'ollama' | 'openai';
  model: string;
  path: string;
  /** Ollama takes the server root; OpenAI-compatible clients take the /v1 URL. */
  baseUrl(serverUrl: string): string;
}

const PROVIDERS: ProviderCase[] = [
  { provider: 'ollama', model: 'bge-m3', path: '/api/embed', baseUrl: (url) => url },
  { provider: 'openai', model: 'BAAI/bge-m3', path: '/v1/embeddings', baseUrl: (url) => `${url}/v1` },
];

const DIMENSIONS = 16;
const TIMEOUT_MS = 300;
const SECRET = 'sk-test-9f3c1a7e-never-print-me';
// One retry (2 attempts) keeps the suite fast; LangChain's AsyncCaller waits 1–2 s before it.
const RETRIES = 1;
const ATTEMPTS = RETRIES + 1;
const WORST_BACKOFF_MS = 2_000;
const HANG_BUDGET_MS = ATTEMPTS * TIMEOUT_MS + WORST_BACKOFF_MS + 1_500;

const TEXTS = [
  'Không được đưa thông tin bí mật nhà nước vào hệ thống trí tuệ nhân tạo.',
  'Cán bộ phải kiểm tra lại nội dung do AI tạo ra.',
  'Who coordinates the use of AI?',
  'Хто координує використання ШІ?',
  'Ban Chuyển đổi số – Cơ yếu',
];

async function setup(
  context: TestContext,
  c: ProviderCase,
  { behaviour = 'normal', apiKey }: { behaviour?: Behaviour; apiKey?: string } = {},
) {
  const server = await startFakeModelServer({ behaviour, dimensions: DIMENSIONS });
  context.onTestFinished(() => server.stop());
  const config: EmbeddingsConfig = {
    provider: c.provider,
    model: c.model,
    baseUrl: c.baseUrl(server.url),
    apiKey,
    dimensions: 512,
    timeoutMs: TIMEOUT_MS,
    maxRetries: RETRIES,
  };
  return { server, config, embedder: createEmbedder(config) };
}

/** The one-line, actionable failure the command-line edge prints. */
async function expectServiceError(expect: ExpectStatic, call: Promise<unknown>, config: EmbeddingsConfig) {
  const error = await call.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmbeddingServiceError);
  const { message } = error as EmbeddingServiceError;
  expect(message).toContain(`${config.provider}:${config.model}`);
  expect(message).toContain(config.baseUrl);
  expect(message).not.toContain('\n');
  expect(message).not.toContain(SECRET);
}

/** Rejects after `ms`, so a client that ignores its timeout fails the test instead of hanging it. */
function deadline(context: TestContext, ms: number): Promise<never> {
  return new Promise((_, reject) => {
    const timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms);
    context.onTestFinished(() => clearTimeout(timer));
  });
}

// Retried failures wait for LangChain's backoff (3–6 s each), so the cases run side by side.
describe.concurrent('createEmbedder against a model server speaking the real HTTP API', () => {
  for (const c of PROVIDERS) {
    describe(c.provider, () => {
      it('embeds documents with the configured model and returns the server vectors', async (context) => {
        const { server, embedder } = await setup(context, c);
        const vectors = await embedder.embedDocuments(TEXTS);
        context.expect(vectors).toEqual(TEXTS.map((text) => fakeVector(text, DIMENSIONS)));
        context.expect(embedder.id).toBe(`${c.provider}:${c.model}`);
        context.expect(server.requests).toHaveLength(1);
        context.expect(server.requests[0]).toMatchObject({ method: 'POST', path: c.path });
        context.expect(server.requests[0]?.body).toMatchObject({ model: c.model, input: TEXTS });
      });

      it('embeds a query as one input and returns its vector', async (context) => {
        const { server, embedder } = await setup(context, c);
        const query = 'Có được dùng ChatGPT để soạn văn bản mật không?';
        context.expect(await embedder.embedQuery(query)).toEqual(fakeVector(query, DIMENSIONS));
        const body = server.requests[0]?.body as { model: string; input: string | string[] };
        context.expect(body.model).toBe(c.model);
        context.expect([body.input].flat()).toEqual([query]);
      });

      it('embeds a question asked twice at once with one request, and asks again after a failure', async (context) => {
        const { server, config, embedder } = await setup(context, c);
        const query = 'Ai điều phối việc dùng AI trong cơ quan Đảng?';
        const [first, second] = await Promise.all([embedder.embedQuery(query), embedder.embedQuery(query)]);
        context.expect(first).toEqual(fakeVector(query, DIMENSIONS));
        context.expect(second).toEqual(first);
        context.expect(server.requests.filter((r) => r.path === c.path)).toHaveLength(1);
        const other = 'Có được dùng AI để soạn văn bản không?';
        server.behaviour = 'missingVectors';
        await expectServiceError(context.expect, embedder.embedQuery(other), config);
        server.behaviour = 'normal';
        context.expect(await embedder.embedQuery(other)).toEqual(fakeVector(other, DIMENSIONS));
      });

      it('keeps the batch order: vector i belongs to text i', async (context) => {
        const { embedder } = await setup(context, c);
        const texts = Array.from({ length: 40 }, (_, i) => `đoạn ${39 - i}`);
        const vectors = await embedder.embedDocuments(texts);
        context.expect(vectors).toHaveLength(texts.length);
        texts.forEach((text, i) => {
          context.expect(vectors[i]).toEqual(fakeVector(text, DIMENSIONS));
        });
      });

      if (c.provider === 'openai') {
        it('sends the API key as a Bearer token when one is configured', async (context) => {
          const { server, embedder } = await setup(context, c, { apiKey: SECRET });
          await embedder.embedQuery('xin chào');
          context.expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
        });
      }

      it('works against a keyless server when no API key is configured', async (context) => {
        const { server, embedder } = await setup(context, c);
        context.expect(await embedder.embedDocuments(['a', 'b'])).toHaveLength(2);
        context.expect(server.requests[0]?.headers.authorization ?? '').not.toContain(SECRET);
      });

      it('reports an HTTP 500 as EmbeddingServiceError after its retries', async (context) => {
        const { server, config, embedder } = await setup(context, c, {
          behaviour: 'error500',
          apiKey: SECRET,
        });
        await expectServiceError(context.expect, embedder.embedDocuments(TEXTS), config);
        context.expect(server.requests).toHaveLength(ATTEMPTS);
      });

      it('reports a malformed JSON reply as EmbeddingServiceError', async (context) => {
        const { config, embedder } = await setup(context, c, { behaviour: 'malformedJson', apiKey: SECRET });
        await expectServiceError(context.expect, embedder.embedQuery('a'), config);
      });

      for (const behaviour of ['emptyVector', 'nullValues'] as const) {
        it(`rejects a reply with an invalid vector (${behaviour})`, async (context) => {
          const { config, embedder } = await setup(context, c, { behaviour, apiKey: SECRET });
          await expectServiceError(context.expect, embedder.embedDocuments(TEXTS), config);
          await expectServiceError(context.expect, embedder.embedQuery('a'), config);
        });
      }

      it('rejects a JSON reply without vectors as EmbeddingServiceError', async (context) => {
        const { config, embedder } = await setup(context, c, { behaviour: 'missingVectors' });
        await expectServiceError(context.expect, embedder.embedDocuments(TEXTS), config);
      });

      it('rejects a reply with fewer vectors than texts', async (context) => {
        const { config, embedder } = await setup(context, c, { behaviour: 'tooFewVectors' });
        await expectServiceError(context.expect, embedder.embedDocuments(TEXTS), config);
      });

      it('gives up on a server that never answers, within the timeout and retries', async (context) => {
        const { server, config, embedder } = await setup(context, c, { behaviour: 'hang', apiKey: SECRET });
        const started = performance.now();
        const call = Promise.race([embedder.embedQuery('a'), deadline(context, HANG_BUDGET_MS)]);
        await expectServiceError(context.expect, call, config);
        context.expect(performance.now() - started).toBeGreaterThanOrEqual(ATTEMPTS * TIMEOUT_MS);
        context.expect(server.requests).toHaveLength(ATTEMPTS);
      });

      it('names the URL of an unreachable server, never the API key', async (context) => {
        const { server, config, embedder } = await setup(context, c, { apiKey: SECRET });
        await server.stop();
        await expectServiceError(context.expect, embedder.embedDocuments(TEXTS), config);
      });
    });
  }
});
