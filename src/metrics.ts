import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Answer } from './answer/answer.ts';
import type { OperationalFigures } from './db/gauges.ts';
import type { CorpusVersion } from './db/versions.ts';
import { GUARD_CATEGORIES } from './guard/guard.ts';
import type { BreakerState } from './llm/circuit-breaker.ts';
import type { Ask } from './pipeline/ask.ts';
import type { Language } from './text/language.ts';

/**
 * What is read afresh at each scrape. A database that cannot be read sets assistant_database_up to 0 and
 * reports its figures unknown (NaN, or no series), never stale.
 */
export interface MetricsSources {
  activeVersion(): Promise<CorpusVersion | undefined>;
  figures(): Promise<OperationalFigures>;
  modelCircuit(): BreakerState | undefined;
}

export interface Metrics {
  /** `ask`, counted and timed; everything else about it unchanged. */
  instrument(ask: Ask): Ask;
  /** The exposition text for GET /metrics. */
  render(): Promise<{ contentType: string; body: string }>;
}

const KINDS = ['answered', 'escalated', 'refused'] as const;
const LANGUAGES: Language[] = ['vi', 'en', 'uk'];
const MODES = ['generated', 'extractive', 'curated', 'none'] as const;
const CIRCUIT_STATES: BreakerState[] = ['closed', 'half-open', 'open'];
// From a curated or extractive answer (tens of milliseconds) to a model reaching LLM_TIMEOUT_MS (20 s default).
const LATENCY_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60];

/**
 * The assistant's Prometheus metrics. Every label value comes from a closed set (outcome kinds, languages,
 * answer modes, guard categories, breaker states): never message text, a user or chat id, or a free-text
 * reason, so a scrape cannot leak what anyone wrote and the number of series stays fixed.
 */
export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  const questions = new Counter({
    name: 'assistant_questions_total',
    help: 'Questions answered, by outcome (answered, escalated, refused) and language of the reply',
    labelNames: ['kind', 'language'] as const,
    registers,
  });
  const failures = new Counter({
    name: 'assistant_question_failures_total',
    help: 'Questions whose handling threw (the asker got the generic error message)',
    registers,
  });
  const latency = new Histogram({
    name: 'assistant_answer_duration_seconds',
    help: 'Time from a question to its answer (guard, retrieval, model), by how the answer was made',
    labelNames: ['mode'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const fallbacks = new Counter({
    name: 'assistant_model_fallbacks_total',
    help: "Answers that fell back to extractive because the language model's answer could not be used",
    registers,
  });
  const refusals = new Counter({
    name: 'assistant_guard_refusals_total',
    help: 'Questions the sensitive-data guard refused, by category found (one question may count in several)',
    labelNames: ['category'] as const,
    registers,
  });
  const circuit = new Gauge({
    name: 'assistant_model_circuit_state',
    help: "1 for the language model circuit breaker's current state (none when no model is configured)",
    labelNames: ['state'] as const,
    registers,
  });
  const databaseUp = new Gauge({
    name: 'assistant_database_up',
    help: 'Whether the last scrape could read the database (1) or not (0)',
    registers,
  });
  const corpusVersion = new Gauge({
    name: 'assistant_corpus_active_version',
    help: 'Id of the active corpus version (0: none yet)',
    registers,
  });
  const corpusChunks = new Gauge({
    name: 'assistant_corpus_chunks',
    help: 'Passages in the active corpus version',
    registers,
  });
  const escalations = new Gauge({
    name: 'assistant_escalations_open',
    help: 'Escalations waiting for a coordinator: open (unclaimed) or claimed (not yet answered)',
    labelNames: ['state'] as const,
    registers,
  });
  const oldestUnanswered = new Gauge({
    name: 'assistant_escalation_oldest_unanswered_seconds',
    help: 'Age of the oldest open or claimed escalation (0: none)',
    registers,
  });
  const outbox = new Gauge({
    name: 'assistant_outbox_messages',
    help: 'Messages to Telegram in the outbox: pending (not yet accepted) or failed (refused for good)',
    labelNames: ['state'] as const,
    registers,
  });
  const oldestPending = new Gauge({
    name: 'assistant_outbox_oldest_pending_seconds',
    help: 'Age of the oldest message still waiting for Telegram (0: none)',
    registers,
  });

  // Every series exists from the start at 0, so that rate() and alerts see the first increase.
  for (const kind of KINDS) for (const language of LANGUAGES) questions.inc({ kind, language }, 0);
  for (const mode of MODES) latency.zero({ mode });
  for (const category of GUARD_CATEGORIES) refusals.inc({ category }, 0);

  function observe(answer: Answer, seconds: number) {
    questions.inc({ kind: answer.kind, language: answer.language });
    latency.observe({ mode: answer.mode ?? 'none' }, seconds);
    if (answer.fallback) fallbacks.inc();
    if (answer.kind === 'refused') {
      for (const category of answer.guard?.categories ?? []) refusals.inc({ category });
    }
  }

  async function refresh() {
    circuit.reset();
    const state = sources.modelCircuit();
    if (state) for (const s of CIRCUIT_STATES) circuit.set({ state: s }, s === state ? 1 : 0);
    try {
      const [version, figures] = await Promise.all([sources.activeVersion(), sources.figures()]);
      databaseUp.set(1);
      corpusVersion.set(version?.id ?? 0);
      corpusChunks.set(version?.chunkCount ?? 0);
      escalations.set({ state: 'open' }, figures.escalations.open);
      escalations.set({ state: 'claimed' }, figures.escalations.claimed);
      oldestUnanswered.set(figures.oldestUnansweredSeconds ?? 0);
      outbox.set({ state: 'pending' }, figures.outbox.pending);
      outbox.set({ state: 'failed' }, figures.outbox.failed);
      oldestPending.set(figures.oldestPendingSeconds ?? 0);
    } catch {
      // The health endpoint says why; a scrape still reports the process and the counters. Unknown is
      // NaN (Prometheus's convention; no comparison with it is true) or an absent series, never a stale value.
      databaseUp.set(0);
      for (const gauge of [corpusVersion, corpusChunks, oldestUnanswered, oldestPending])
        gauge.set(Number.NaN);
      escalations.reset();
      outbox.reset();
    }
  }

  return {
    instrument(ask) {
      return async (question, options) => {
        const started = process.hrtime.bigint();
        try {
          const answer = await ask(question, options);
          observe(answer, Number(process.hrtime.bigint() - started) / 1e9);
          return answer;
        } catch (error) {
          failures.inc();
          throw error;
        }
      };
    },
    async render() {
      await refresh();
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
