import type { Language } from '../text/language.ts';
import { foldText, normalizeText, words } from '../text/normalize.ts';
import { stemWord } from '../text/stem.ts';
import { STOPWORDS_EN, STOPWORDS_UK, STOPWORDS_VI_FOLDED } from '../text/stopwords.ts';
import type { Draft } from './draft.ts';

/** Surrounding marks a model adds around a quote that are not part of it. */
const QUOTE_EDGES = /^[\s"'“”‘’«»„…]+|[\s"'“”‘’«»„…]+$/gu;
/** Shorter "quotes" (a word or two) prove nothing about where a claim comes from. */
const MIN_QUOTE_CHARS = 12;
/**
 * Share of a sentence's content words that its verified quotes must contain. An answer sentence restates
 * its quotes and reuses most of their words; a sentence about something else that borrows a real quote (an
 * injected instruction obeyed, the prompt printed, a claim the passage does not make) shares few of them.
 */
const MIN_SUPPORT = 0.4;

/**
 * The text with each whitespace run as one space, and for every character of it the span it came from, so
 * that a match found in the normalised text maps back to an exact stretch of the original.
 */
function collapseWhitespace(text: string): { collapsed: string; starts: number[]; ends: number[] } {
  let collapsed = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(/\s+|[^\s]/gu)) {
    const isSpace = /^\s/u.test(match[0]);
    if (isSpace && collapsed.length === 0) continue;
    collapsed += isSpace ? ' ' : match[0];
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  return { collapsed, starts, ends };
}

/**
 * The span of `passage` that `quote` reproduces word for word (after Unicode NFC and whitespace
 * normalisation), returned as the stored text itself; undefined when the passage does not contain it.
 * Stored passages are NFC already, so the span is a substring of the stored text.
 */
export function locateQuote(passage: string, quote: string): string | undefined {
  const wanted = normalizeText(quote).replace(QUOTE_EDGES, '');
  if (wanted.length < MIN_QUOTE_CHARS) return undefined;
  const text = passage.normalize('NFC');
  const { collapsed, starts, ends } = collapseWhitespace(text);
  const at = collapsed.indexOf(wanted);
  if (at === -1) return undefined;
  return text.slice(starts[at], ends[at + wanted.length - 1]);
}

const isStopword = (word: string) =>
  STOPWORDS_EN.has(word) || STOPWORDS_UK.has(word) || STOPWORDS_VI_FOLDED.has(word);

function contentWords(text: string, language: Language): string[] {
  return words(foldText(text))
    .filter((word) => !isStopword(word))
    .map((word) => stemWord(word, language));
}

/** Whether the sentence is mostly made of its quotes' words (see MIN_SUPPORT). */
function supported(sentence: string, quotes: VerifiedQuote[], language: Language): boolean {
  const own = contentWords(sentence, language);
  if (own.length === 0) return false;
  const quoted = new Set(quotes.flatMap((q) => contentWords(q.quote, language)));
  return own.filter((word) => quoted.has(word)).length / own.length >= MIN_SUPPORT;
}

export interface VerifiedQuote {
  /** 1-based number of the passage in the prompt. */
  passage: number;
  /** A substring of that passage's stored text. */
  quote: string;
}

export interface VerifiedDraft {
  sentences: { text: string; quotes: VerifiedQuote[] }[];
  /** What was removed, for logs and evaluation: it never reaches the asker. */
  dropped: { unknownPassages: number; unverifiedQuotes: number; unsupportedSentences: number };
}

/**
 * Keeps only what the passages bear out: a citation of a passage number that was not given, or whose quote
 * is not in that passage word for word, is dropped; a sentence left with no verified citation, or that its
 * quotes do not bear out, is dropped.
 */
export function verifyDraft(draft: Draft, passages: readonly string[], language: Language): VerifiedDraft {
  const dropped = { unknownPassages: 0, unverifiedQuotes: 0, unsupportedSentences: 0 };
  const sentences: VerifiedDraft['sentences'] = [];
  for (const sentence of draft.sentences) {
    const quotes: VerifiedQuote[] = [];
    for (const citation of sentence.citations) {
      const passage = passages[citation.passage - 1];
      if (passage === undefined) {
        dropped.unknownPassages += 1;
        continue;
      }
      const quote = locateQuote(passage, citation.quote);
      if (quote === undefined) dropped.unverifiedQuotes += 1;
      else if (!quotes.some((q) => q.passage === citation.passage && q.quote === quote)) {
        quotes.push({ passage: citation.passage, quote });
      }
    }
    const text = normalizeText(sentence.text);
    if (quotes.length === 0 || !supported(text, quotes, language)) dropped.unsupportedSentences += 1;
    else sentences.push({ text, quotes });
  }
  return { sentences, dropped };
}
