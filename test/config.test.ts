import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors.ts';

/** The ConfigError that loadConfig throws for an environment. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: undefined,
      dataDir: './data',
      corpusDir: './corpus',
      embeddings: {
        provider: 'local',
        model: 'hashed-ngrams-v1',
        baseUrl: undefined,
        apiKey: undefined,
        dimensions: 512,
        timeoutMs: 30_000,
        maxRetries: 2,
      },
      retrievalTopK: 5,
      confidenceThreshold: 0.45,
      curatedSimilarity: 0.75,
      retention: { days: 180, escalationDays: 365 },
      versionsKept: 5,
      qualityCheck: { questionSet: undefined, tolerance: 0.02 },
      llm: {
        provider: 'none',
        model: '',
        baseUrl: undefined,
        apiKey: undefined,
        timeoutMs: 20_000,
        maxTokens: 800,
        contextTokens: 3_000,
      },
      logLevel: 'info',
      telegramBotToken: undefined,
      bot: {
        apiRoot: undefined,
        mode: 'polling',
        webhook: { url: undefined, secret: undefined, port: 8080 },
        metricsPort: undefined,
        access: { staff: [], coordinators: [], maintainers: [], staffChatId: undefined },
        rateLimitPerMinute: 10,
        maxQuestionChars: 1000,
        coordinators: { chatId: undefined, language: 'vi', slaMinutes: 240, reminderIntervalMinutes: 60 },
      },
    });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ RETRIEVAL_TOP_K: '', DATABASE_URL: '  ', LOG_LEVEL: '' })).toEqual(loadConfig({}));
  });

  it.each([
    [{ RETRIEVAL_TOP_K: '12' }, { retrievalTopK: 12 }],
    [{ CONFIDENCE_THRESHOLD: '0.35' }, { confidenceThreshold: 0.35 }],
    [
      { QUALITY_SET: 'qa/mine.jsonl', QUALITY_TOLERANCE: '0.05' },
      { qualityCheck: { questionSet: 'qa/mine.jsonl', tolerance: 0.05 } },
    ],
    [{ DATABASE_URL: 'postgresql://u:p@db:5432/x' }, { databaseUrl: 'postgresql://u:p@db:5432/x' }],
    [
      { EMBEDDINGS_PROVIDER: 'ollama' },
      { embeddings: { model: 'bge-m3', baseUrl: 'http://127.0.0.1:11434' } },
    ],
    [
      { LLM_PROVIDER: 'ollama', LLM_TIMEOUT_MS: '5000' },
      {
        llm: {
          provider: 'ollama',
          model: 'qwen2.5:7b-instruct',
          baseUrl: 'http://127.0.0.1:11434',
          timeoutMs: 5000,
        },
      },
    ],
    [
      { LLM_PROVIDER: 'openai', LLM_MODEL: 'm', LLM_BASE_URL: 'http://vllm:8000/v1' },
      { llm: { provider: 'openai', model: 'm', baseUrl: 'http://vllm:8000/v1', apiKey: undefined } },
    ],
  ])('reads %j', (env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  it('reports every bad value at once, one line per variable, starting with its name', () => {
    const error = configError({
      EMBEDDINGS_PROVIDER: 'bogus',
      RETRIEVAL_TOP_K: '0',
      CONFIDENCE_THRESHOLD: '2',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
    });
    const names = error.problems.map((line) => line.split(':')[0]);
    expect(names.sort()).toEqual(
      ['CONFIDENCE_THRESHOLD', 'DATABASE_URL', 'EMBEDDINGS_PROVIDER', 'LOG_LEVEL', 'RETRIEVAL_TOP_K'].sort(),
    );
    expect(error.message.split('\n')).toEqual(error.problems);
  });

  it.each([
    ['EMBEDDINGS_DIMENSIONS', '8'],
    ['EMBEDDINGS_DIMENSIONS', 'abc'],
    ['EMBEDDINGS_TIMEOUT_MS', '1.5'],
    ['RETRIEVAL_TOP_K', '51'],
    ['CONFIDENCE_THRESHOLD', '-0.1'],
    ['QUALITY_TOLERANCE', '5%'],
    ['QUALITY_TOLERANCE', '1.5'],
    ['EMBEDDINGS_BASE_URL', 'ftp://models.local'],
    ['LLM_PROVIDER', 'gpt'],
    ['LLM_TIMEOUT_MS', '10'],
    ['LLM_MAX_TOKENS', 'many'],
    ['LLM_CONTEXT_TOKENS', '0'],
    ['LLM_BASE_URL', 'localhost:11434'],
    ['METRICS_PORT', '0'],
    ['METRICS_PORT', '9464.5'],
    ['METRICS_PORT', 'http'],
  ])('rejects %s=%s', (name, value) => {
    expect(configError({ [name]: value }).problems).toEqual([
      expect.stringMatching(new RegExp(`^${name}: `)),
    ]);
  });

  it.each([
    [{ EMBEDDINGS_BASE_URL: 'http://llm:8000/v1' }, ['EMBEDDINGS_MODEL']],
    [{ EMBEDDINGS_MODEL: 'bge-m3' }, ['EMBEDDINGS_BASE_URL']],
    [{}, ['EMBEDDINGS_MODEL', 'EMBEDDINGS_BASE_URL']],
  ])('rejects the openai provider with %j, naming %j', (env, names) => {
    const error = configError({ EMBEDDINGS_PROVIDER: 'openai', ...env });
    expect(error.problems.map((line) => line.split(':')[0])).toEqual(names);
  });

  it('reads METRICS_PORT, in polling mode too', () => {
    expect(loadConfig({ METRICS_PORT: '9464' }).bot.metricsPort).toBe(9464);
  });

  it('reads the allowlists as lists of Telegram user ids', () => {
    const { access } = loadConfig({
      STAFF_USER_IDS: '1, 2,3',
      COORDINATOR_USER_IDS: '7',
      STAFF_CHAT_ID: '-1001234567890',
    }).bot;
    expect(access).toEqual({
      staff: [1, 2, 3],
      coordinators: [7],
      maintainers: [],
      staffChatId: -1001234567890,
    });
  });

  it.each([
    [{ TELEGRAM_BOT_TOKEN: '1:x' }, ['TELEGRAM_BOT_TOKEN']],
    [
      { TELEGRAM_BOT_TOKEN: '1:x', STAFF_USER_IDS: '1', BOT_MODE: 'webhook' },
      ['WEBHOOK_URL', 'WEBHOOK_SECRET'],
    ],
    [{ STAFF_USER_IDS: '1,abc' }, ['STAFF_USER_IDS']],
    [{ WEBHOOK_URL: 'http://insecure.example/hook' }, ['WEBHOOK_URL']],
    [{ WEBHOOK_SECRET: 'short' }, ['WEBHOOK_SECRET']],
    [
      {
        TELEGRAM_BOT_TOKEN: '1:x',
        STAFF_USER_IDS: '1',
        BOT_MODE: 'webhook',
        WEBHOOK_URL: 'https://bot.example.org/hook',
        WEBHOOK_SECRET: 'a-secret-of-enough-length',
        METRICS_PORT: '8080',
      },
      ['METRICS_PORT'],
    ],
  ])('rejects the bot settings %j, naming %j', (env, names) => {
    expect(configError(env).problems.map((line) => line.split(':')[0])).toEqual(names);
  });

  it('rejects an openai language model without a model name and a base URL, naming both', () => {
    const error = configError({ LLM_PROVIDER: 'openai' });
    expect(error.problems.map((line) => line.split(':')[0])).toEqual(['LLM_MODEL', 'LLM_BASE_URL']);
  });

  it('accepts the openai provider with a model and a base URL', () => {
    const env = {
      EMBEDDINGS_PROVIDER: 'openai',
      EMBEDDINGS_MODEL: 'bge-m3',
      EMBEDDINGS_BASE_URL: 'http://llm/v1',
    };
    expect(loadConfig(env).embeddings).toMatchObject({
      provider: 'openai',
      model: 'bge-m3',
      baseUrl: 'http://llm/v1',
    });
  });

  it.each([
    [{ EMBEDDINGS_PROVIDER: 'openai', EMBEDDINGS_API_KEY: 'sk-very-secret-key' }, 'sk-very-secret-key'],
    [{ EMBEDDINGS_API_KEY: 'sk-very-secret-key', RETRIEVAL_TOP_K: 'x' }, 'sk-very-secret-key'],
    [{ DATABASE_URL: 'mysql://admin:hunter2pass@db/x' }, 'hunter2pass'],
    [{ DATABASE_URL: 'postgres//admin:hunter2pass@db/x' }, 'hunter2pass'],
  ])('never puts a secret into the error (%j)', (env, secret) => {
    const error = configError(env);
    expect(error.message).not.toContain(secret);
    expect(error.problems.join('\n')).not.toContain(secret);
  });

  it('reports a missing openai model together with the other bad values', () => {
    const error = configError({ EMBEDDINGS_PROVIDER: 'openai', RETRIEVAL_TOP_K: '0' });
    expect(error.problems.map((line) => line.split(':')[0])).toEqual(
      expect.arrayContaining(['RETRIEVAL_TOP_K', 'EMBEDDINGS_MODEL', 'EMBEDDINGS_BASE_URL']),
    );
  });
});
