import { buildPrompt, estimateTokens } from '../answer/prompt.ts';
import type { Passage } from '../retrieval/retrieve.ts';
import type { Language } from '../text/language.ts';
import { percentile, round } from './stats.ts';

export interface TokenFigures {
  mean: number;
  p50: number;
  p95: number;
}

export interface PromptFigures {
  questions: number;
  /** Our prompt: the fixed rules, the numbered passages within LLM_CONTEXT_TOKENS, the question. */
  ours: TokenFigures;
  /** LangChain's classic "stuff" prompt around the plain vector top-k passages. */
  plainTopK: TokenFigures;
  /** Ours divided by the plain one, by mean. */
  ratio: number;
}

/** The prompt a plain retrieval chain sends (LangChain's long-standing question-answering template). */
export function plainTopKPrompt(question: string, passages: string[]): string {
  return [
    "Use the following pieces of context to answer the question at the end. If you don't know the answer, just say that you don't know, don't try to make up an answer.",
    '',
    passages.join('\n\n'),
    '',
    `Question: ${question}`,
    'Helpful Answer:',
  ].join('\n');
}

function tokenFigures(counts: number[]): TokenFigures {
  const sorted = [...counts].sort((a, b) => a - b);
  return {
    mean: Math.round(sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length)),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
  };
}

export interface PromptCase {
  question: string;
  language: Language;
  ours: Passage[];
  plain: string[];
}

/** Estimated tokens (src/answer/prompt.ts) of both prompts for each question. */
export function measurePromptSizes(cases: PromptCase[], contextTokens: number): PromptFigures {
  const ours = cases.map((c) => buildPrompt(c.question, c.language, c.ours, contextTokens).estimatedTokens);
  const plain = cases.map((c) => estimateTokens(plainTopKPrompt(c.question, c.plain)));
  const oursFigures = tokenFigures(ours);
  const plainFigures = tokenFigures(plain);
  return {
    questions: cases.length,
    ours: oursFigures,
    plainTopK: plainFigures,
    ratio: round(oursFigures.mean / Math.max(1, plainFigures.mean), 2),
  };
}
