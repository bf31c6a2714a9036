import type { Passage } from '../retrieval/retrieve.ts';
import type { Citation } from './answer.ts';

/** A passage as the answer cites it; `quote` narrows it to the verified words a generated answer relies on. */
export function citationOf(passage: Passage, quote: string = passage.content): Citation {
  return {
    documentId: passage.documentId,
    section: passage.sectionPath,
    sectionId: passage.sectionId,
    version: passage.version,
    quote,
    score: Number(passage.score.toFixed(6)),
    documentTitle: passage.documentTitle,
    documentKind: passage.documentKind,
    language: passage.language,
    translation: passage.isTranslation,
    ...(passage.original ? { original: passage.original } : {}),
    sourceUrl: passage.sources[0],
  };
}
