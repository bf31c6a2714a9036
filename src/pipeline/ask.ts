import type { Answer } from '../answer/answer.ts';
import { extractiveAnswer, lowConfidenceEscalation, notInReportsEscalation } from '../answer/extractive.ts';
import type { Retrieval, Retrieve } from '../retrieval/retrieve.ts';
import { detectLanguage } from '../text/language.ts';

export interface AskDeps {
  retrieve: Retrieve;
  confidenceThreshold: number;
}

export interface Traced {
  answer: Answer;
  /** What retrieval found, before the answer chose from it: evaluation measures recall on this. */
  retrieval: Retrieval;
}

/** The question path: language, retrieval, then an answer or an escalation. */
export function createAsk({ retrieve, confidenceThreshold }: AskDeps) {
  async function trace(question: string): Promise<Traced> {
    const language = detectLanguage(question);
    const retrieval = await retrieve(question, language);
    // A question about a detail the reports lack: some of its words occur only in the list of such details,
    // and that list is what retrieval found first (or the rest of the corpus does not cover the question).
    const gap = retrieval.passages.find((p) => p.documentKind === 'gaps');
    const best = retrieval.passages[0];
    const confident = retrieval.confidence >= confidenceThreshold;
    if (gap && retrieval.coverage.gapTerms.length > 0 && (best === gap || !confident)) {
      return { retrieval, answer: notInReportsEscalation(retrieval, language, gap) };
    }
    if (!best || !confident) {
      return { retrieval, answer: lowConfidenceEscalation(retrieval, language, confidenceThreshold) };
    }
    return { retrieval, answer: extractiveAnswer(retrieval, language) };
  }
  const ask = async (question: string): Promise<Answer> => (await trace(question)).answer;
  return { ask, trace };
}

export type Ask = ReturnType<typeof createAsk>['ask'];
export type Trace = ReturnType<typeof createAsk>['trace'];
