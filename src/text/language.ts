import { foldText, hasLatinDiacritics, words } from './normalize.ts';
import { STOPWORDS_EN, STOPWORDS_VI_FOLDED } from './stopwords.ts';

export type Language = 'vi' | 'en' | 'uk';

const CYRILLIC = /\p{Script=Cyrillic}/u;
// The shape of a Vietnamese syllable typed without marks: optional onset, vowel nucleus, optional coda.
// English words rarely fit it ("state", "paste", "document" do not); Vietnamese ones always do.
const VIETNAMESE_SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?$/;

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
  let syllables = 0;
  for (const token of tokens) {
    if (STOPWORDS_VI_FOLDED.has(token)) vietnamese += 1;
    if (STOPWORDS_EN.has(token)) english += 1;
    if (VIETNAMESE_SYLLABLE.test(token)) syllables += 1;
  }
  if (tokens.length > 0 && syllables / tokens.length >= 0.75) return 'vi';
  // Keyword queries have no function words: then the words that cannot be Vietnamese syllables decide.
  return english > vietnamese || tokens.length - syllables >= syllables ? 'en' : 'vi';
}
