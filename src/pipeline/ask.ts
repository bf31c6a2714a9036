import type { Answer } from '../answer/answer.ts';
import { extractiveAnswer, lowConfidenceEscalation, notInReportsEscalation } from '../answer/extractive.ts';
import type { Retrieve } from '../retrieval/retrieve.ts';
import { detectLanguage } from '../text/language.ts';

export interface AskDeps {
  retrieve: Retrieve;
  confidenceThreshold: number;
}

/** The question path: language, retrieval, then an answer or an escalation. */
export function createAsk({ retrieve, confidenceThreshold }: AskDeps) {
  return async function ask(question: string): Promise<Answer> {
    const language = detectLanguage(question);
    const retrieval = await retrieve(question, language);
    const best = retrieval.passages[0];
    if (!best || retrieval.confidence < confidenceThreshold) {
      return lowConfidenceEscalation(retrieval, language, confidenceThreshold);
    }
    if (best.documentKind === 'gaps') return notInReportsEscalation(retrieval, language, best);
    return extractiveAnswer(retrieval, language);
  };
}

export type Ask = ReturnType<typeof createAsk>;
