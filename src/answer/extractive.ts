import type { Passage, Retrieval } from '../retrieval/retrieve.ts';
import type { Language } from '../text/language.ts';
import type { Answer } from './answer.ts';
import { citationOf } from './citation.ts';
import { MESSAGES } from './messages.ts';

export function common(retrieval: Retrieval) {
  return {
    corpusVersion: retrieval.corpusVersion.label,
    confidence: Number(retrieval.confidence.toFixed(3)),
  };
}

/**
 * The answer without a language model: a one-line lead and the best passages quoted whole. Passages that
 * share no word with the question are dropped unless nothing else was found, since a quote the asker
 * cannot relate to the question reads as a wrong answer; so are passages about what the reports lack.
 */
export function extractiveAnswer(retrieval: Retrieval, language: Language, fallback?: string): Answer {
  const usable = retrieval.passages.filter((p) => p.documentKind !== 'gaps');
  const related = usable.filter((p) => p.matchedText);
  const quoted = related.length > 0 ? related : usable.slice(0, 1);
  const m = MESSAGES[language];
  const translated = quoted.some((p) => p.isTranslation);
  return {
    kind: 'answered',
    language,
    answer: [fallback ? m.fallbackNote : '', translated ? m.translationsMarked : '', m.answeredLead]
      .filter(Boolean)
      .join(' '),
    citations: quoted.map((p) => citationOf(p)),
    mode: 'extractive',
    ...(fallback ? { fallback } : {}),
    ...common(retrieval),
  };
}

export function lowConfidenceEscalation(
  retrieval: Retrieval,
  language: Language,
  threshold: number,
  why?: string,
): Answer {
  const { coverage, confidence } = retrieval;
  const missing =
    coverage.missing.length > 0 ? `; the guidelines never mention: ${coverage.missing.join(', ')}` : '';
  return {
    kind: 'escalated',
    language,
    answer: MESSAGES[language].escalatedLead,
    citations: retrieval.passages.slice(0, 3).map((p) => citationOf(p)),
    reason: why ?? `low confidence ${confidence.toFixed(2)} < ${threshold.toFixed(2)}${missing}`,
    escalation: 'low_confidence',
    ...common(retrieval),
  };
}

/**
 * The question asks for a detail the public reports do not give: say so, quote the item of the gaps list
 * that names it (or, without one, the closest passages, which lack it), and escalate.
 */
export function notInReportsEscalation(
  retrieval: Retrieval,
  language: Language,
  gap: Passage | undefined,
  why: string,
): Answer {
  return {
    kind: 'escalated',
    language,
    answer: MESSAGES[language].notInReportsLead,
    citations: gap ? [citationOf(gap)] : retrieval.passages.slice(0, 3).map((p) => citationOf(p)),
    reason: `the public reports do not give this detail: ${why}`,
    escalation: 'not_in_public_reports',
    ...common(retrieval),
  };
}

/** The model read the passages and judged that they do not answer the question. */
export function notCoveredEscalation(retrieval: Retrieval, language: Language, promptTokens: number): Answer {
  return {
    kind: 'escalated',
    language,
    answer: MESSAGES[language].escalatedLead,
    citations: retrieval.passages.slice(0, 3).map((p) => citationOf(p)),
    reason: 'the language model found that the passages found do not answer the question',
    escalation: 'not_covered',
    mode: 'generated',
    promptTokens,
    ...common(retrieval),
  };
}
