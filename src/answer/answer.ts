import type { Language } from '../text/language.ts';

/** The answer contract of `npm run ask -- --json` (see DESIGN.md); fields beyond it are additions only. */
export interface Citation {
  documentId: string;
  section: string;
  version: string;
  quote: string;
  score: number;
  documentTitle: string;
  sourceUrl: string | undefined;
}

export interface Answer {
  kind: 'answered' | 'escalated' | 'refused';
  language: Language;
  answer: string;
  citations: Citation[];
  reason?: string;
  /** The corpus version (index build) the answer came from. */
  corpusVersion?: string;
  confidence?: number;
}
