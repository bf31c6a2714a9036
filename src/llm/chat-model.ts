import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOllama } from '@langchain/ollama';
import { ChatOpenAI } from '@langchain/openai';
import type { LlmConfig } from '../config.ts';
import { fetchWithTimeout } from './fetch-with-timeout.ts';

/**
 * The configured self-hosted chat model, or none (extractive answers only). Retries are off: one slow or
 * failing call already costs the asker the whole time budget, and the circuit breaker handles outages.
 */
export function createChatModel(config: LlmConfig): BaseChatModel | undefined {
  const common = { model: config.model, temperature: 0, maxRetries: 0 };
  switch (config.provider) {
    case 'none':
      return undefined;
    case 'ollama':
      return new ChatOllama({
        ...common,
        baseUrl: config.baseUrl,
        numPredict: config.maxTokens,
        fetch: fetchWithTimeout(config.timeoutMs),
      });
    case 'openai':
      return new ChatOpenAI({
        ...common,
        // The client refuses to start without a key; keyless self-hosted servers ignore it.
        apiKey: config.apiKey ?? 'not-needed',
        configuration: { baseURL: config.baseUrl },
        maxTokens: config.maxTokens,
        timeout: config.timeoutMs,
      });
  }
}
