import type { Answer } from '../answer/answer.ts';
import { askedDetails, statesDetail } from '../answer/asked-detail.ts';
import type { Compose } from '../answer/compose.ts';
import { curatedAnswer } from '../answer/curated.ts';
import {
  extractiveAnswer,
  lowConfidenceEscalation,
  notCoveredEscalation,
  notInReportsEscalation,
} from '../answer/extractive.ts';
import { generatedAnswer } from '../answer/generated.ts';
import { namedRegulation } from '../answer/other-regulation.ts';
import { mentionsTopic } from '../answer/topic.ts';
import type { GuardCategory, GuardResult } from '../guard/guard.ts';
import type { Retrieval, Retrieve } from '../retrieval/retrieve.ts';
import { cleanInput } from '../text/clean-input.ts';
import { detectLanguage, type Language } from '../text/language.ts';
import type { CuratedAnswers } from './curated.ts';

/**
 * The share of a question's topic (by word rarity) carried by words that only the gaps list uses, from
 * which the question counts as asking for a missing detail even when the rest of it is well covered.
 * Chosen on the tuning half of the development questions (see README, "Quality").
 */
const GAP_SHARE = 0.1;

/**
 * The confidence from which a question that mentions neither AI nor these documents is still answered: above
 * every such out-of-scope question of the tuning halves (at most 0.65), so a close match on the corpus's own
 * wording is not lost for a missing keyword.
 */
const OFF_TOPIC_CONFIDENCE = 0.7;

/** How many of the best passages may state the specific detail a question asks for. */
const DETAIL_DEPTH = 3;

export interface AskDeps {
  retrieve: Retrieve;
  confidenceThreshold: number;
  /** The sensitive-data guard and the refusal that quotes the rule; without it nothing is checked. */
  guard?: {
    check(text: string, allowed: GuardCategory[]): GuardResult;
    refuse(result: GuardResult, language: Language): Promise<Answer>;
  };
  /** Published answers of the coordinating department, consulted before the guidelines. */
  curated?: Pick<CuratedAnswers, 'match'>;
  /** The language model's verified answer; without it every answer is extractive. */
  compose?: Compose;
}

export interface AskOptions {
  /** Called when a language model starts composing from the passages found (the slow part of an answer). */
  onComposing?: (progress: { passages: number; language: Language }) => void;
  /** Guard categories the asker confirmed as public (a hotline number): masked when stored, not blocking. */
  allowed?: GuardCategory[];
}

export interface Traced {
  answer: Answer;
  /** What retrieval found, before the answer chose from it (none for a blocked message). */
  retrieval: Retrieval | undefined;
}

/** The question path: language, retrieval, then an answer or an escalation. */
export function createAsk({ retrieve, confidenceThreshold, compose, curated, guard }: AskDeps) {
  async function trace(typed: string, options: AskOptions = {}): Promise<Traced> {
    const question = cleanInput(typed);
    const language = detectLanguage(question);
    // The guard runs first: a blocked message reaches neither retrieval, nor the model, nor storage.
    const checked = guard?.check(question, options.allowed ?? []);
    if (checked?.blocked)
      return { retrieval: undefined, answer: await guard?.refuse(checked, language) } as Traced;
    const traced = await answerQuestion(question, language, options);
    if (!checked || checked.hits.length === 0) return traced;
    const { categories, overridable, redacted } = checked;
    return {
      ...traced,
      answer: { ...traced.answer, guard: { categories, overridable, redactedQuestion: redacted } },
    };
  }

  async function answerQuestion(question: string, language: Language, options: AskOptions): Promise<Traced> {
    const [retrieval, published] = await Promise.all([
      retrieve(question, language),
      curated?.match(question, language),
    ]);
    if (published) return { retrieval, answer: curatedAnswer(published, language, retrieval) };
    const { gap, coverage, passages } = retrieval;
    const confident = retrieval.confidence >= confidenceThreshold;
    const missingDetail = (why: string) => ({
      retrieval,
      answer: notInReportsEscalation(retrieval, language, gap, why),
    });
    // Enough of the question is words that only the list of missing details uses (or the rest of the
    // corpus does not cover it), and that list has a matching item.
    if (gap && coverage.gapTerms.length > 0 && (coverage.gapShare >= GAP_SHARE || !confident)) {
      return missingDetail(`only the list of missing details mentions ${coverage.gapTerms.join(', ')}`);
    }
    if (passages.length === 0 || !confident) {
      return { retrieval, answer: lowConfidenceEscalation(retrieval, language, confidenceThreshold) };
    }
    const notAbout = (why: string) => ({
      retrieval,
      answer: lowConfidenceEscalation(retrieval, language, confidenceThreshold, why),
    });
    if (retrieval.confidence < OFF_TOPIC_CONFIDENCE && !mentionsTopic(question)) {
      return notAbout('the question mentions neither AI nor these documents');
    }
    const regulation = namedRegulation(question);
    if (regulation) {
      return notAbout(
        `the question is about another instrument (${regulation}), which these documents do not cover`,
      );
    }
    // A question for a specific fact (a number, a date, a sanction…) that the best passages do not state
    // is not answered by a passage that is merely on the same topic.
    const unstated = askedDetails(question).filter(
      (kind) => !passages.slice(0, DETAIL_DEPTH).some((p) => statesDetail(p.content, kind)),
    );
    if (unstated.length > 0)
      return missingDetail(
        `no passage found states the ${unstated.join(', ').replaceAll('_', ' ')} asked for`,
      );
    if (!compose) return { retrieval, answer: extractiveAnswer(retrieval, language) };
    // Only a question retrieval is confident about reaches the model, so the fallback is always extractive.
    options.onComposing?.({ passages: passages.length, language });
    const composed = await compose(question, language, passages);
    const promptTokens = composed.prompt?.estimatedTokens;
    switch (composed.status) {
      case 'answered':
        return {
          retrieval,
          answer: generatedAnswer(retrieval, language, composed.prompt, composed.verified),
        };
      case 'not_covered':
        return {
          retrieval,
          answer: notCoveredEscalation(retrieval, language, composed.prompt.estimatedTokens),
        };
      case 'failed':
        return {
          retrieval,
          answer: {
            ...extractiveAnswer(retrieval, language, composed.why),
            ...(promptTokens ? { promptTokens } : {}),
          },
        };
    }
  }
  const ask = async (question: string, options: AskOptions = {}): Promise<Answer> =>
    (await trace(question, options)).answer;
  return { ask, trace };
}

export type Ask = ReturnType<typeof createAsk>['ask'];
export type Trace = ReturnType<typeof createAsk>['trace'];
