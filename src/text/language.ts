import { foldText, hasLatinDiacritics, words } from './normalize.ts';
import { STOPWORDS_EN, STOPWORDS_VI_FOLDED } from './stopwords.ts';

export type Language = 'vi' | 'en' | 'uk';

const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * The asker's language, from the question alone. Vietnamese is the default: most staff write it, often
 * without tone marks, so an unmarked question counts as English only when English function words dominate.
 */
export function detectLanguage(question: string): Language {
  if (CYRILLIC.test(question)) return 'uk';
  if (hasLatinDiacritics(question)) return 'vi';
  const tokens = words(foldText(question));
  let vietnamese = 0;
  let english = 0;
  for (const token of tokens) {
    if (STOPWORDS_VI_FOLDED.has(token)) vietnamese += 1;
    if (STOPWORDS_EN.has(token)) english += 1;
  }
  return english > vietnamese ? 'en' : 'vi';
}
