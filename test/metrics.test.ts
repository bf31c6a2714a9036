import { describe, expect, it } from 'vitest';
import type { Answer } from '../src/answer/answer.ts';
import type { OperationalFigures } from '../src/db/gauges.ts';
import type { BreakerState } from '../src/llm/circuit-breaker.ts';
import { createMetrics, type MetricsSources } from '../src/metrics.ts';

const FIGURES: OperationalFigures = {
  escalations: { open: 3, claimed: 1 },
  oldestUnansweredSeconds: 5400,
  outbox: { pending: 2, failed: 1 },
  oldestPendingSeconds: 12.5,
};

const VERSION = {
  id: 7,
  label: 'v7',
  chunkCount: 321,
} as Awaited<ReturnType<MetricsSources['activeVersion']>>;

function sources(overrides: Partial<MetricsSources> = {}): MetricsSources {
  return {
    activeVersion: async () => VERSION,
    figures: async () => FIGURES,
    modelCircuit: () => undefined,
    ...overrides,
  };
}

const answer = (fields: Partial<Answer>): Answer => ({
  kind: 'answered',
  language: 'vi',
  answer: 'Không được đưa bí mật nhà nước vào ChatGPT.',
  citations: [],
  ...fields,
});

function sample(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('createMetrics', () => {
  it('counts outcomes by kind and language, times them by mode, and counts fallbacks and refusals', async () => {
    const metrics = createMetrics(sources());
    const replies: Answer[] = [
      answer({ mode: 'generated' }),
      answer({ mode: 'extractive', fallback: 'the model server is paused after repeated failures' }),
      answer({ kind: 'escalated', language: 'en', escalation: 'low_confidence', reason: 'user 12345 asked' }),
      answer({
        kind: 'refused',
        language: 'uk',
        guard: { categories: ['phone', 'email'], overridable: true, redactedQuestion: '[phone]' },
      }),
    ];
    const ask = metrics.instrument(async () => replies.shift() ?? answer({}));
    for (let i = 0; i < 4; i += 1) await ask('Số 0912 345 678 của tôi, cho hỏi về ChatGPT?');
    const { body, contentType } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain/);
    expect(sample(body, 'assistant_questions_total{kind="answered",language="vi"}')).toBe(2);
    expect(sample(body, 'assistant_questions_total{kind="escalated",language="en"}')).toBe(1);
    expect(sample(body, 'assistant_questions_total{kind="refused",language="uk"}')).toBe(1);
    expect(sample(body, 'assistant_questions_total{kind="answered",language="uk"}')).toBe(0);
    expect(sample(body, 'assistant_answer_duration_seconds_count{mode="generated"}')).toBe(1);
    expect(sample(body, 'assistant_answer_duration_seconds_count{mode="extractive"}')).toBe(1);
    expect(sample(body, 'assistant_answer_duration_seconds_count{mode="none"}')).toBe(2);
    expect(sample(body, 'assistant_model_fallbacks_total')).toBe(1);
    expect(sample(body, 'assistant_guard_refusals_total{category="phone"}')).toBe(1);
    expect(sample(body, 'assistant_guard_refusals_total{category="email"}')).toBe(1);
    expect(sample(body, 'assistant_guard_refusals_total{category="state_secret"}')).toBe(0);
    // The assistant's own series only: process metrics are numbers that may hold any digits (a heap size
    // with "12345" in it made this flaky).
    const own = body
      .split('\n')
      .filter((line) => line.includes('assistant_'))
      .join('\n');
    for (const text of ['0912', 'ChatGPT', '12345', 'paused', 'phone]']) expect(own).not.toContain(text);
  });

  it('counts a question whose handling threw, and passes the error on', async () => {
    const metrics = createMetrics(sources());
    const ask = metrics.instrument(async () => {
      throw new Error('retrieval failed');
    });
    await expect(ask('?')).rejects.toThrow('retrieval failed');
    const { body } = await metrics.render();
    expect(sample(body, 'assistant_question_failures_total')).toBe(1);
    expect(sample(body, 'assistant_answer_duration_seconds_count{mode="none"}')).toBe(0);
  });

  it('reads the queues, the corpus and the breaker at each scrape', async () => {
    let state: BreakerState | undefined = 'closed';
    const metrics = createMetrics(sources({ modelCircuit: () => state }));
    let { body } = await metrics.render();
    expect(sample(body, 'assistant_database_up')).toBe(1);
    expect(sample(body, 'assistant_corpus_active_version')).toBe(7);
    expect(sample(body, 'assistant_corpus_chunks')).toBe(321);
    expect(sample(body, 'assistant_escalations_open{state="open"}')).toBe(3);
    expect(sample(body, 'assistant_escalations_open{state="claimed"}')).toBe(1);
    expect(sample(body, 'assistant_escalation_oldest_unanswered_seconds')).toBe(5400);
    expect(sample(body, 'assistant_outbox_messages{state="pending"}')).toBe(2);
    expect(sample(body, 'assistant_outbox_messages{state="failed"}')).toBe(1);
    expect(sample(body, 'assistant_outbox_oldest_pending_seconds')).toBe(12.5);
    expect(sample(body, 'assistant_model_circuit_state{state="closed"}')).toBe(1);
    expect(sample(body, 'assistant_model_circuit_state{state="open"}')).toBe(0);
    state = 'open';
    ({ body } = await metrics.render());
    expect(sample(body, 'assistant_model_circuit_state{state="closed"}')).toBe(0);
    expect(sample(body, 'assistant_model_circuit_state{state="open"}')).toBe(1);
    state = undefined;
    ({ body } = await metrics.render());
    expect(body).not.toContain('assistant_model_circuit_state{');
  });

  it('reports the database down and leaves its figures out rather than stale', async () => {
    let down = false;
    const figures = async () => {
      if (down) throw new Error('Connection terminated unexpectedly');
      return FIGURES;
    };
    const metrics = createMetrics(sources({ figures }));
    expect(sample((await metrics.render()).body, 'assistant_outbox_messages{state="pending"}')).toBe(2);
    down = true;
    const { body } = await metrics.render();
    expect(sample(body, 'assistant_database_up')).toBe(0);
    expect(body).not.toContain('assistant_outbox_messages{');
    expect(sample(body, 'assistant_corpus_chunks')).toBeNaN();
    expect(sample(body, 'assistant_outbox_oldest_pending_seconds')).toBeNaN();
    expect(sample(body, 'process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
  });
});
