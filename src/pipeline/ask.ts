import type { Answer } from '../answer/answer.ts';
import { escalation, extractiveAnswer } from '../answer/extractive.ts';
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
    const retrieval = await retrieve(question);
    if (retrieval.passages.length === 0 || retrieval.confidence < confidenceThreshold) {
      return escalation(retrieval, language, confidenceThreshold);
    }
    return extractiveAnswer(retrieval, language);
  };
}

export type Ask = ReturnType<typeof createAsk>;
