import type { Language } from '../text/language.ts';

/** The answer contract of `npm run ask -- --json` (see DESIGN.md); fields beyond it are additions only. */
export interface Citation {
  documentId: string;
  section: string;
  /** The section's id in its document (e.g. "IV.1"); absent for the coordinating department's answers. */
  sectionId?: string;
  version: string;
  /** The passage that matched, verbatim, in its own language. */
  quote: string;
  score: number;
  documentTitle: string;
  /** guidelines | related | context | gaps (see corpus/README.md). */
  documentKind: string;
  language: string;
  /** True when the quote is from a translation; `original` then holds the text it translates. */
  translation: boolean;
  original?: { language: string; section: string; quote: string };
  sourceUrl: string | undefined;
}

/** low_confidence: retrieval; not_in_public_reports: a detail the reports lack; not_covered: the model's judgment. */
export type EscalationReason = 'low_confidence' | 'not_in_public_reports' | 'not_covered';

export interface Answer {
  kind: 'answered' | 'escalated' | 'refused';
  language: Language;
  answer: string;
  citations: Citation[];
  reason?: string;
  /** Why it was escalated, as a stable code (the `reason` text explains it). */
  escalation?: EscalationReason;
  /** The corpus version (index build) the answer came from. */
  corpusVersion?: string;
  confidence?: number;
  /** generated: sentences by the language model, each bearing verified quotes; extractive: passages quoted. */
  mode?: 'generated' | 'extractive' | 'curated';
  /** Why a configured model's answer was not used (timeout, server error, nothing verified…). */
  fallback?: string;
  /** Estimated tokens of the prompt sent to the model, when one was asked. */
  promptTokens?: number;
  /**
   * What the sensitive-data guard found: the categories, whether the asker may confirm them as public, and
   * the question with them masked (the only form of it that may be stored).
   */
  guard?: { categories: string[]; overridable: boolean; redactedQuestion: string };
}
