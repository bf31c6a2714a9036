import type { Embeddings } from '@langchain/core/embeddings';
import type { EmbeddingsConfig } from '../config.ts';
import { EmbeddingServiceError } from '../errors.ts';
import { fetchWithTimeout } from '../llm/fetch-with-timeout.ts';
import { LocalHashEmbeddings } from './local.ts';

/** An embedder with the identity a corpus version records, so a query never meets vectors of another model. */
export interface Embedder {
  /** provider:model(:dimensions for the local one), e.g. "ollama:bge-m3". */
  id: string;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

/** A server URL fit for messages: no user name or password. */
function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'the configured URL';
  }
}

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  const text = message.replace(/\s+/g, ' ').replace(/\.+$/, '').trim();
  return code ? `${text} (${code})` : text;
}

/** Wraps a LangChain embedder so that every failure, and every malformed reply, is one clear error. */
function guarded(id: string, inner: EmbeddingCalls, baseUrl: string | undefined): Embedder {
  const fail = (error: unknown): never => {
    throw new EmbeddingServiceError(
      `The embeddings server (${id} at ${baseUrl ? displayUrl(baseUrl) : 'built in'}) failed: ${describeFailure(error)}. ` +
        'Check EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL, and that the server runs.',
    );
  };
  const check = (vectors: unknown, expected: number): number[][] => {
    if (!Array.isArray(vectors) || vectors.length !== expected) {
      return fail(
        new Error(
          `it returned ${Array.isArray(vectors) ? vectors.length : 'no'} vectors for ${expected} texts`,
        ),
      );
    }
    for (const v of vectors) {
      if (
        !Array.isArray(v) ||
        v.length === 0 ||
        v.some((x) => typeof x !== 'number' || !Number.isFinite(x))
      ) {
        return fail(new Error('it returned an empty or malformed vector'));
      }
    }
    return vectors as number[][];
  };
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      return fail(error);
    }
  };
  return {
    id,
    embedDocuments: async (texts) => check(await call(() => inner.embedDocuments(texts)), texts.length),
    embedQuery: rememberingRecent(
      async (text) => check([await call(() => inner.embedQuery(text))], 1)[0] as number[],
    ),
  };
}

/** Query embeddings kept by text: the last few dozen questions, a burst of colleagues asking alike. */
const RECENT_QUERIES = 64;

/**
 * Each question is embedded for retrieval and for the published answers at once: without this, that was two
 * calls to the embeddings server (and a fifth of what the built-in one allocated per question). A failure is
 * not kept.
 */
function rememberingRecent(embed: (text: string) => Promise<number[]>): (text: string) => Promise<number[]> {
  const recent = new Map<string, Promise<number[]>>();
  return (text) => {
    let vector = recent.get(text);
    if (vector)
      recent.delete(text); // re-inserted below as the most recent
    else {
      vector = embed(text);
      vector.catch(() => recent.delete(text));
    }
    recent.set(text, vector);
    if (recent.size > RECENT_QUERIES) recent.delete(recent.keys().next().value as string);
    return vector;
  };
}

export function createEmbedder(config: EmbeddingsConfig): Embedder {
  const { provider, model, baseUrl, timeoutMs, maxRetries } = config;
  if (provider === 'local') {
    return guarded(
      `local:${model}:${config.dimensions}`,
      new LocalHashEmbeddings(config.dimensions),
      undefined,
    );
  }
  // Without an explicit URL both clients fall back to public endpoints; nothing may leave the organisation.
  if (!baseUrl)
    throw new EmbeddingServiceError(`EMBEDDINGS_BASE_URL is required for ${provider} embeddings.`);
  if (provider === 'ollama') {
    const headers = config.apiKey ? { Authorization: `Bearer ${config.apiKey}` } : undefined;
    return guarded(
      `ollama:${model}`,
      loadedOnFirstUse(async () => {
        const { OllamaEmbeddings } = await import('@langchain/ollama');
        return new OllamaEmbeddings({
          model,
          baseUrl,
          maxRetries,
          fetch: fetchWithTimeout(timeoutMs),
          headers,
        });
      }),
      baseUrl,
    );
  }
  return guarded(
    `openai:${model}`,
    loadedOnFirstUse(async () => {
      const { OpenAIEmbeddings } = await import('@langchain/openai');
      return new OpenAIEmbeddings({
        model,
        // The client insists on a key even for keyless self-hosted servers.
        apiKey: config.apiKey ?? 'not-needed',
        configuration: { baseURL: baseUrl },
        timeout: timeoutMs,
        maxRetries,
      });
    }),
    baseUrl,
  );
}

type EmbeddingCalls = Pick<Embeddings, 'embedDocuments' | 'embedQuery'>;

/**
 * A client module loaded when first needed: the Ollama and OpenAI clients are about 70 MB of a process's
 * memory, which a deployment with the built-in embedder and no model never needs (`npm run bench`).
 */
function loadedOnFirstUse(load: () => Promise<EmbeddingCalls>): EmbeddingCalls {
  let client: Promise<EmbeddingCalls> | undefined;
  const get = () => {
    client ??= load();
    return client;
  };
  return {
    embedDocuments: async (texts) => (await get()).embedDocuments(texts),
    embedQuery: async (text) => (await get()).embedQuery(text),
  };
}
