import type { Embeddings } from '@langchain/core/embeddings';
import { OllamaEmbeddings } from '@langchain/ollama';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { EmbeddingsConfig } from '../config.ts';
import { EmbeddingServiceError } from '../errors.ts';
import { LocalHashEmbeddings } from './local.ts';

/** An embedder with the identity a corpus version records, so a query never meets vectors of another model. */
export interface Embedder {
  /** provider:model(:dimensions for the local one), e.g. "ollama:bge-m3". */
  id: string;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

function withErrors(id: string, inner: Embeddings, baseUrl: string | undefined): Embedder {
  const fail = (error: unknown): never => {
    throw new EmbeddingServiceError(
      `The embeddings server (${id} at ${baseUrl ?? 'default URL'}) failed: ${(error as Error).message}. ` +
        'Check EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL, and that the server runs.',
    );
  };
  const check = (vectors: number[][]): number[][] => {
    if (vectors.some((v) => !Array.isArray(v) || v.length === 0 || v.some((x) => !Number.isFinite(x)))) {
      fail(new Error('it returned an empty or malformed vector'));
    }
    return vectors;
  };
  return {
    id,
    embedDocuments: (texts) => inner.embedDocuments(texts).then(check, fail),
    embedQuery: (text) => inner.embedQuery(text).then((v) => check([v])[0] as number[], fail),
  };
}

export function createEmbedder(config: EmbeddingsConfig): Embedder {
  switch (config.provider) {
    case 'local':
      return withErrors(
        `local:${config.model}:${config.dimensions}`,
        new LocalHashEmbeddings(config.dimensions),
        undefined,
      );
    case 'ollama':
      return withErrors(
        `ollama:${config.model}`,
        new OllamaEmbeddings({ model: config.model, baseUrl: config.baseUrl, maxRetries: 2 }),
        config.baseUrl,
      );
    case 'openai':
      return withErrors(
        `openai:${config.model}`,
        new OpenAIEmbeddings({
          model: config.model,
          // The client insists on a key even for keyless self-hosted servers.
          apiKey: config.apiKey ?? 'not-needed',
          configuration: { baseURL: config.baseUrl },
          timeout: config.timeoutMs,
          maxRetries: 2,
        }),
        config.baseUrl,
      );
  }
}
