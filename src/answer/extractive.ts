import type { Retrieval } from '../retrieval/retrieve.ts';
import type { Language } from '../text/language.ts';
import type { Answer, Citation } from './answer.ts';
import { MESSAGES } from './messages.ts';

function citationOf(passage: Retrieval['passages'][number]): Citation {
  return {
    documentId: passage.documentId,
    section: passage.sectionPath,
    version: passage.version,
    quote: passage.content,
    score: Number(passage.score.toFixed(6)),
    documentTitle: passage.documentTitle,
    sourceUrl: passage.sources[0],
  };
}

/**
 * The answer without a language model: a one-line lead and the best passages quoted whole. Passages that
 * share no word with the question are dropped unless nothing else was found, since a quote the asker
 * cannot relate to the question reads as a wrong answer.
 */
export function extractiveAnswer(retrieval: Retrieval, language: Language): Answer {
  const related = retrieval.passages.filter((p) => p.matchedText);
  const quoted = related.length > 0 ? related : retrieval.passages.slice(0, 1);
  const m = MESSAGES[language];
  return {
    kind: 'answered',
    language,
    answer: [m.answeredLead, m.quotesAreOriginal].filter(Boolean).join(' '),
    citations: quoted.map(citationOf),
    corpusVersion: retrieval.corpusVersion.label,
    confidence: Number(retrieval.confidence.toFixed(3)),
  };
}

export function escalation(retrieval: Retrieval, language: Language, threshold: number): Answer {
  const { coverage, confidence } = retrieval;
  const missing =
    coverage.missing.length > 0 ? `; the guidelines never mention: ${coverage.missing.join(', ')}` : '';
  return {
    kind: 'escalated',
    language,
    answer: MESSAGES[language].escalatedLead,
    citations: retrieval.passages.slice(0, 3).map(citationOf),
    reason: `low confidence ${confidence.toFixed(2)} < ${threshold.toFixed(2)}${missing}`,
    corpusVersion: retrieval.corpusVersion.label,
    confidence: Number(confidence.toFixed(3)),
  };
}
