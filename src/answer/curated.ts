import type { CuratedAnswer } from '../db/curated.ts';
import type { Retrieval } from '../retrieval/retrieve.ts';
import type { Language } from '../text/language.ts';
import type { Answer } from './answer.ts';
import { common } from './extractive.ts';
import { MESSAGES } from './messages.ts';

/** Answers with what the coordinating department published for (nearly) the same question. */
export function curatedAnswer(curated: CuratedAnswer, language: Language, retrieval: Retrieval): Answer {
  const m = MESSAGES[language];
  const date = curated.publishedAt.toISOString().slice(0, 10);
  return {
    kind: 'answered',
    language,
    answer: m.curatedLead,
    citations: [
      {
        documentId: 'coordinating-department',
        section: `#${curated.id} · ${m.answeredOn} ${date}`,
        version: curated.corpusVersion ?? retrieval.corpusVersion.label,
        quote: curated.answer,
        score: Number(curated.similarity.toFixed(6)),
        documentTitle: m.curatedTitle,
        documentKind: 'curated',
        language: curated.language,
        translation: false,
        sourceUrl: undefined,
      },
    ],
    mode: 'curated',
    ...common(retrieval),
  };
}
