import type { Answer } from '../answer/answer.ts';
import { extractiveAnswer, lowConfidenceEscalation, notInReportsEscalation } from '../answer/extractive.ts';
import type { Retrieval, Retrieve } from '../retrieval/retrieve.ts';
import { detectLanguage } from '../text/language.ts';

/**
 * The share of a question's topic (by word rarity) carried by words that only the gaps list uses, from
 * which the question counts as asking for a missing detail even when the rest of it is well covered.
 * Chosen on the tuning half of the development questions (see README, "Quality").
 */
const GAP_SHARE = 0.15;

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
    // A question about a detail the reports lack: enough of its topic is words that only the list of
    // such details uses (or the rest of the corpus does not cover it), and that list has a matching item.
    const { gap, coverage } = retrieval;
    const best = retrieval.passages[0];
    const confident = retrieval.confidence >= confidenceThreshold;
    if (gap && coverage.gapTerms.length > 0 && (coverage.gapShare >= GAP_SHARE || !confident)) {
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
