import { z } from 'zod';
import { ConfigError } from './errors.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const postgresUrl = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value))
  .refine((value) => value === undefined || /^postgres(ql)?:\/\/[^/]+/.test(value), {
    message:
      'expected a URL like postgres://user:password@host:5432/database, or unset for the embedded database',
  });

const httpUrl = optionalText.refine((value) => value === undefined || /^https?:\/\/\S+$/.test(value), {
  message: 'expected an http:// or https:// URL',
});

const integer = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ message: `expected a whole number from ${min} to ${max}` })
    .int({ message: `expected a whole number from ${min} to ${max}` })
    .min(min, { message: `expected a whole number from ${min} to ${max}` })
    .max(max, { message: `expected a whole number from ${min} to ${max}` })
    .default(fallback);

const userIds = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value.split(/[\s,]+/).filter(Boolean) : []))
  .refine((ids) => ids.every((id) => /^\d{1,15}$/.test(id)), {
    message: 'expected Telegram user ids (whole numbers) separated by commas',
  })
  .transform((ids) => ids.map(Number));

const envSchema = z.object({
  DATABASE_URL: postgresUrl,
  DATA_DIR: z.string().trim().min(1).default('./data'),
  CORPUS_DIR: z.string().trim().min(1).default('./corpus'),
  EMBEDDINGS_PROVIDER: z
    .enum(['local', 'ollama', 'openai'], { message: 'expected one of local, ollama, openai' })
    .default('local'),
  EMBEDDINGS_MODEL: optionalText,
  EMBEDDINGS_BASE_URL: httpUrl,
  EMBEDDINGS_API_KEY: optionalText,
  EMBEDDINGS_DIMENSIONS: integer(16, 4096, 512),
  EMBEDDINGS_TIMEOUT_MS: integer(100, 600_000, 30_000),
  EMBEDDINGS_MAX_RETRIES: integer(0, 10, 2),
  RETRIEVAL_TOP_K: integer(1, 50, 5),
  // Topic coverage below which a question is escalated. 0.45 lies between the highest off-topic question
  // (0.42) and the lowest answerable one but one (0.47) of the tuning half of test/fixtures.
  CONFIDENCE_THRESHOLD: z.coerce
    .number({ message: 'expected a number from 0 to 1' })
    .min(0, { message: 'expected a number from 0 to 1' })
    .max(1, { message: 'expected a number from 0 to 1' })
    .default(0.45),
  // Cosine similarity from which a question counts as one the coordinating department already answered.
  // With the built-in embedder, distinct questions of test/fixtures/qa.tuning.jsonl in one language reach 0.62
  // at most, and rewordings of one question (word order, tone marks) 0.83-0.94.
  CURATED_SIMILARITY: z.coerce
    .number({ message: 'expected a number from 0 to 1' })
    .min(0, { message: 'expected a number from 0 to 1' })
    .max(1, { message: 'expected a number from 0 to 1' })
    .default(0.75),
  // Inactive corpus versions kept for rollback (each holds its own passages and vectors).
  VERSIONS_KEPT: integer(1, 100, 5),
  // The question set the quality check runs after a re-index (unset: the tuning half in test/fixtures).
  QUALITY_SET: optionalText,
  // How much worse a figure may get before the quality check warns: an absolute rate, 0.02 = 2 points.
  // One answerable question of the tuning half is 0.012, so one question does not warn and two do.
  QUALITY_TOLERANCE: z.coerce
    .number({ message: 'expected a number from 0 to 1' })
    .min(0, { message: 'expected a number from 0 to 1' })
    .max(1, { message: 'expected a number from 0 to 1' })
    .default(0.02),
  // Questions, answers and feedback are kept this long; escalations until closed and ESCALATION_RETENTION_DAYS.
  RETENTION_DAYS: integer(1, 3650, 180),
  ESCALATION_RETENTION_DAYS: integer(1, 3650, 365),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  LLM_PROVIDER: z
    .enum(['none', 'ollama', 'openai'], { message: 'expected one of none, ollama, openai' })
    .default('none'),
  LLM_MODEL: optionalText,
  LLM_BASE_URL: httpUrl,
  LLM_API_KEY: optionalText,
  // The whole model call, structured-output fallback included; past it the asker gets the extractive answer.
  LLM_TIMEOUT_MS: integer(500, 600_000, 20_000),
  LLM_MAX_TOKENS: integer(64, 32_000, 800),
  // Estimated tokens of passages in a prompt: top-5 passages of this corpus take about 1,000.
  LLM_CONTEXT_TOKENS: integer(200, 200_000, 3_000),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: httpUrl,
  BOT_MODE: z.enum(['polling', 'webhook'], { message: 'expected polling or webhook' }).default('polling'),
  WEBHOOK_URL: optionalText.refine((value) => value === undefined || /^https:\/\/\S+$/.test(value), {
    message: 'expected the public https:// URL Telegram posts updates to',
  }),
  WEBHOOK_SECRET: optionalText.refine(
    (value) => value === undefined || /^[A-Za-z0-9_-]{16,256}$/.test(value),
    {
      message: 'expected 16 to 256 characters of A-Z, a-z, 0-9, _ and -',
    },
  ),
  WEBHOOK_PORT: integer(1, 65_535, 8080),
  // A second server for GET /healthz and /metrics only, in either mode: the compose healthcheck and Prometheus
  // reach it while the webhook port faces the reverse proxy. Unset: only the webhook server serves them.
  METRICS_PORT: z.coerce
    .number({ message: 'expected a whole number from 1 to 65535' })
    .int({ message: 'expected a whole number from 1 to 65535' })
    .min(1, { message: 'expected a whole number from 1 to 65535' })
    .max(65_535, { message: 'expected a whole number from 1 to 65535' })
    .optional(),
  STAFF_USER_IDS: userIds,
  COORDINATOR_USER_IDS: userIds,
  MAINTAINER_USER_IDS: userIds,
  STAFF_CHAT_ID: z.coerce
    .number({ message: 'expected a Telegram chat id (a whole number, negative for groups)' })
    .int({ message: 'expected a Telegram chat id (a whole number, negative for groups)' })
    .optional(),
  COORDINATOR_CHAT_ID: z.coerce
    .number({ message: "expected the coordinators' Telegram chat id (a whole number, negative for groups)" })
    .int({ message: "expected the coordinators' Telegram chat id (a whole number, negative for groups)" })
    .optional(),
  COORDINATOR_LANGUAGE: z.enum(['vi', 'en', 'uk'], { message: 'expected one of vi, en, uk' }).default('vi'),
  // An escalation older than this is overdue; the coordinators are reminded of overdue ones at most this often.
  ESCALATION_SLA_MINUTES: integer(1, 60 * 24 * 30, 240),
  REMINDER_INTERVAL_MINUTES: integer(1, 60 * 24 * 7, 60),
  // Questions per user per minute; a person typing never reaches it, a script or a stuck client does.
  RATE_LIMIT_PER_MINUTE: integer(1, 1000, 10),
  // Longer messages are pasted documents, not questions (the safety issue adds a guard for what they contain).
  MAX_QUESTION_CHARS: integer(50, 4096, 1000),
});

export type EmbeddingsProvider = 'local' | 'ollama' | 'openai';

export interface EmbeddingsConfig {
  provider: EmbeddingsProvider;
  model: string;
  baseUrl: string | undefined;
  apiKey: string | undefined;
  /** Only the local embedder has a configurable size; remote models report their own. */
  dimensions: number;
  /** Per attempt; a request is tried 1 + maxRetries times. */
  timeoutMs: number;
  maxRetries: number;
}

export type LlmProvider = 'none' | 'ollama' | 'openai';

export interface LlmConfig {
  provider: LlmProvider;
  model: string;
  baseUrl: string | undefined;
  apiKey: string | undefined;
  timeoutMs: number;
  maxTokens: number;
  /** Budget for the numbered passages in a prompt, in estimated tokens. */
  contextTokens: number;
}

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  corpusDir: string;
  embeddings: EmbeddingsConfig;
  retrievalTopK: number;
  confidenceThreshold: number;
  curatedSimilarity: number;
  retention: { days: number; escalationDays: number };
  versionsKept: number;
  /** The development questions run after each re-index, and how much worse a figure may get silently. */
  qualityCheck: { questionSet: string | undefined; tolerance: number };
  llm: LlmConfig;
  logLevel: (typeof LOG_LEVELS)[number];
  telegramBotToken: string | undefined;
  bot: BotConfig;
}

export interface BotConfig {
  apiRoot: string | undefined;
  mode: 'polling' | 'webhook';
  webhook: { url: string | undefined; secret: string | undefined; port: number };
  /** Port of the separate /healthz and /metrics server; unset: none (the webhook server serves them anyway). */
  metricsPort: number | undefined;
  /** Coordinators and maintainers are staff too. */
  access: { staff: number[]; coordinators: number[]; maintainers: number[]; staffChatId: number | undefined };
  rateLimitPerMinute: number;
  maxQuestionChars: number;
  coordinators: {
    chatId: number | undefined;
    language: 'vi' | 'en' | 'uk';
    slaMinutes: number;
    reminderIntervalMinutes: number;
  };
}

const DEFAULT_MODELS: Record<EmbeddingsProvider, string | undefined> = {
  local: 'hashed-ngrams-v1',
  ollama: 'bge-m3',
  openai: undefined,
};

const DEFAULT_BASE_URLS: Record<EmbeddingsProvider, string | undefined> = {
  local: undefined,
  ollama: 'http://127.0.0.1:11434',
  openai: undefined,
};

/** Multilingual (Vietnamese, English, Ukrainian), follows JSON schemas, fits a single 16 GB GPU. */
const DEFAULT_OLLAMA_CHAT_MODEL = 'qwen2.5:7b-instruct';

/** Reads configuration from an environment; every problem is reported at once, values are never echoed. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // `VAR=` in a .env file or a compose file means "not set", so the default applies.
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(given);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  // Checked even when other values are bad, so that one start-up lists every problem.
  if (given.EMBEDDINGS_PROVIDER === 'openai') {
    if (given.EMBEDDINGS_MODEL === undefined)
      problems.push('EMBEDDINGS_MODEL: required when EMBEDDINGS_PROVIDER=openai');
    if (given.EMBEDDINGS_BASE_URL === undefined) {
      problems.push("EMBEDDINGS_BASE_URL: required when EMBEDDINGS_PROVIDER=openai (the server's /v1 URL)");
    }
  }
  if (given.LLM_PROVIDER === 'openai') {
    if (given.LLM_MODEL === undefined) problems.push('LLM_MODEL: required when LLM_PROVIDER=openai');
    if (given.LLM_BASE_URL === undefined) {
      problems.push("LLM_BASE_URL: required when LLM_PROVIDER=openai (the server's /v1 URL)");
    }
  }
  if (given.TELEGRAM_BOT_TOKEN !== undefined) {
    const access = ['STAFF_USER_IDS', 'COORDINATOR_USER_IDS', 'MAINTAINER_USER_IDS', 'STAFF_CHAT_ID'];
    if (!access.some((name) => given[name] !== undefined)) {
      problems.push(`TELEGRAM_BOT_TOKEN: set who may use the bot: ${access.join(', ')} (at least one)`);
    }
    if (given.BOT_MODE === 'webhook') {
      if (given.WEBHOOK_URL === undefined) problems.push('WEBHOOK_URL: required when BOT_MODE=webhook');
      if (given.WEBHOOK_SECRET === undefined) problems.push('WEBHOOK_SECRET: required when BOT_MODE=webhook');
      if (
        given.METRICS_PORT !== undefined &&
        Number(given.METRICS_PORT) === Number(given.WEBHOOK_PORT ?? 8080)
      ) {
        problems.push(
          'METRICS_PORT: must differ from WEBHOOK_PORT (the webhook server serves /healthz and /metrics too)',
        );
      }
    }
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const model = e.EMBEDDINGS_MODEL ?? DEFAULT_MODELS[e.EMBEDDINGS_PROVIDER] ?? '';
  const baseUrl = e.EMBEDDINGS_BASE_URL ?? DEFAULT_BASE_URLS[e.EMBEDDINGS_PROVIDER];
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    corpusDir: e.CORPUS_DIR,
    embeddings: {
      provider: e.EMBEDDINGS_PROVIDER,
      model,
      baseUrl,
      apiKey: e.EMBEDDINGS_API_KEY,
      dimensions: e.EMBEDDINGS_DIMENSIONS,
      timeoutMs: e.EMBEDDINGS_TIMEOUT_MS,
      maxRetries: e.EMBEDDINGS_MAX_RETRIES,
    },
    retrievalTopK: e.RETRIEVAL_TOP_K,
    confidenceThreshold: e.CONFIDENCE_THRESHOLD,
    curatedSimilarity: e.CURATED_SIMILARITY,
    retention: { days: e.RETENTION_DAYS, escalationDays: e.ESCALATION_RETENTION_DAYS },
    versionsKept: e.VERSIONS_KEPT,
    qualityCheck: { questionSet: e.QUALITY_SET, tolerance: e.QUALITY_TOLERANCE },
    llm: {
      provider: e.LLM_PROVIDER,
      model: e.LLM_MODEL ?? (e.LLM_PROVIDER === 'ollama' ? DEFAULT_OLLAMA_CHAT_MODEL : ''),
      baseUrl: e.LLM_BASE_URL ?? (e.LLM_PROVIDER === 'ollama' ? DEFAULT_BASE_URLS.ollama : undefined),
      apiKey: e.LLM_API_KEY,
      timeoutMs: e.LLM_TIMEOUT_MS,
      maxTokens: e.LLM_MAX_TOKENS,
      contextTokens: e.LLM_CONTEXT_TOKENS,
    },
    logLevel: e.LOG_LEVEL,
    telegramBotToken: e.TELEGRAM_BOT_TOKEN,
    bot: {
      apiRoot: e.TELEGRAM_API_ROOT,
      mode: e.BOT_MODE,
      webhook: { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, port: e.WEBHOOK_PORT },
      metricsPort: e.METRICS_PORT,
      access: {
        staff: e.STAFF_USER_IDS,
        coordinators: e.COORDINATOR_USER_IDS,
        maintainers: e.MAINTAINER_USER_IDS,
        staffChatId: e.STAFF_CHAT_ID,
      },
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      maxQuestionChars: e.MAX_QUESTION_CHARS,
      coordinators: {
        chatId: e.COORDINATOR_CHAT_ID,
        language: e.COORDINATOR_LANGUAGE,
        slaMinutes: e.ESCALATION_SLA_MINUTES,
        reminderIntervalMinutes: e.REMINDER_INTERVAL_MINUTES,
      },
    },
  };
}
