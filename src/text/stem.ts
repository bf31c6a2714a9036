import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';
import type { Language } from './language.ts';

/**
 * Word stems for matching: English and Ukrainian inflect ("secret"/"secrets", "державну"/"державної"),
 * Vietnamese does not (its syllables are invariable), so Vietnamese words pass through unchanged.
 */
const STEMMERS: Record<Language, (word: string) => string> = {
  vi: (word) => word,
  en: english,
  uk: ukrainian,
};

export function stemWord(word: string, language: Language): string {
  return STEMMERS[language](word);
}
