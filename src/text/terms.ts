import { detectLanguage, type Language } from './language.ts';
import { foldText, hasLatinDiacritics, normalizeText, words } from './normalize.ts';
import { stemWord } from './stem.ts';
import { STOPWORDS_EN, STOPWORDS_UK, STOPWORDS_VI, STOPWORDS_VI_FOLDED } from './stopwords.ts';
import { synonymsOf } from './synonyms.ts';

/** A question's topic terms: folded content words and the bigrams of adjacent content words. */
export interface Terms {
  unigrams: string[];
  bigrams: string[];
  /** Folded term → the words as the asker wrote them, to name what the guidelines do not cover. */
  surface: Map<string, string>;
  /** Folded term → other ways of saying it (domain thesaurus), for terms that have them. */
  synonyms: Map<string, string[]>;
}

/** Function words of the question's language only: "hệ", "tổ" or "an toàn" are not English words. */
function isStopword(word: string, language: Language): boolean {
  if (language === 'en') return STOPWORDS_EN.has(word);
  if (language === 'uk') return STOPWORDS_UK.has(word);
  // An unmarked word may be a Vietnamese function word typed without tone marks.
  return STOPWORDS_VI.has(word) || (!hasLatinDiacritics(word) && STOPWORDS_VI_FOLDED.has(word));
}

/** Content terms of a question, in order of first appearance, without duplicates. */
export function questionTerms(question: string, language: Language = detectLanguage(question)): Terms {
  const original = words(normalizeText(question).toLowerCase().replace(/'/g, ''));
  const unigrams = new Set<string>();
  const bigrams = new Set<string>();
  const surface = new Map<string, string>();
  let previous: { folded: string; word: string } | undefined;
  for (const word of original) {
    if (isStopword(word, language)) {
      previous = undefined;
      continue;
    }
    const folded = stemWord(foldText(word), language);
    unigrams.add(folded);
    surface.set(folded, word);
    if (previous) {
      const bigram = `${previous.folded} ${folded}`;
      bigrams.add(bigram);
      surface.set(bigram, `${previous.word} ${word}`);
    }
    previous = { folded, word };
  }
  const synonyms = new Map<string, string[]>();
  for (const term of bigrams) {
    const others = synonymsOf(term, language);
    if (others.length > 0) synonyms.set(term, others);
  }
  // A word inside a phrase the thesaurus knows takes the phrase's sense, not its own: "mật" in "mật khẩu"
  // (password) is not "mật" (secret), so it must not pull in the synonyms of secrets.
  const inPhrase = new Set([...synonyms.keys()].flatMap((phrase) => phrase.split(' ')));
  for (const term of unigrams) {
    const others = inPhrase.has(term) ? [] : synonymsOf(term, language);
    if (others.length > 0) synonyms.set(term, others);
  }
  return { unigrams: [...unigrams], bigrams: [...bigrams], surface, synonyms };
}

/** Every unigram and adjacent bigram of a folded passage; used to count document frequencies. */
export function passageTerms(searchText: string): Set<string> {
  const tokens = words(searchText);
  const terms = new Set<string>(tokens);
  for (let i = 1; i < tokens.length; i += 1) terms.add(`${tokens[i - 1]} ${tokens[i]}`);
  return terms;
}

/**
 * A to_tsquery expression that ORs the content words and their phrases, so ranking rewards passages that
 * hold more of them (plainto_tsquery would demand every word). Terms hold only letters and digits, so
 * nothing needs quoting.
 */
export function toTsQuery(terms: Terms): string | undefined {
  return orTsQuery(allQueryTerms(terms));
}

/** Every term a question is searched by: words, word pairs and their thesaurus synonyms, without repeats. */
export function allQueryTerms(terms: Terms): string[] {
  return [...new Set([...terms.unigrams, ...terms.bigrams, ...[...terms.synonyms.values()].flat()])];
}

const tsPhrase = (term: string) => (term.includes(' ') ? `(${term.split(' ').join(' <-> ')})` : term);

/** A to_tsquery expression matching any of the terms; a term of several words is a phrase. */
export function orTsQuery(list: string[]): string | undefined {
  return list.length > 0 ? list.map(tsPhrase).join(' | ') : undefined;
}

/** A to_tsquery expression matching passages that hold every one of the terms. */
export function andTsQuery(list: string[]): string {
  return list.map(tsPhrase).join(' & ');
}

/**
 * The terms to look up for a term's document frequency: the index counts words and word pairs only, so a
 * longer thesaurus phrase ("nơi công cộng", "tuyệt đối không") is looked up by its adjacent pairs.
 */
export function frequencyKeys(term: string): string[] {
  const parts = term.split(' ');
  if (parts.length <= 2) return [term];
  return parts.slice(1).map((part, i) => `${parts[i]} ${part}`);
}

/**
 * A term's document frequency from counts of words and word pairs. A longer phrase occurs at most as often
 * as its rarest pair: that upper bound stands in for its count (0 when any pair never occurs).
 */
export function phraseFrequency(counts: Map<string, number>, term: string): number {
  return Math.min(...frequencyKeys(term).map((key) => counts.get(key) ?? 0));
}

/** How many passages mention each word and word pair. */
export function documentFrequencies(searchTexts: string[]): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const text of searchTexts) {
    for (const term of passageTerms(text)) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  }
  return frequencies;
}

/** The words a passage is searched by: folded, and stemmed in its language. */
export function searchWords(text: string, language: Language): string[] {
  return words(foldText(text)).map((word) => stemWord(word, language));
}
