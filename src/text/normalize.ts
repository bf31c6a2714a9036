/**
 * Text normal forms. Everything stored or compared is NFC first; matching uses a folded copy that is
 * case- and diacritic-insensitive for Latin script (Vietnamese typed without tone marks must still match)
 * while Cyrillic letters keep their identity (stripping marks would turn Ukrainian й into и and ї into і).
 */

const APOSTROPHES = /[’ʼ`´‘]/g;
const LATIN_WITH_MARKS = /[\u00C0-\u024F\u1E00-\u1EFF]/;
const COMBINING_MARKS = /\p{M}/gu;

/** NFC, one apostrophe, single spaces. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(APOSTROPHES, "'").replace(/\s+/g, ' ').trim();
}

function foldChar(char: string): string {
  if (char === 'đ' || char === 'Đ') return 'd';
  if (!LATIN_WITH_MARKS.test(char)) return char;
  return char.normalize('NFD').replace(COMBINING_MARKS, '');
}

/** Lower-case, diacritic-free (Latin only) form used for search. */
export function foldText(text: string): string {
  const nfc = normalizeText(text).toLowerCase();
  let folded = '';
  for (const char of nfc) folded += foldChar(char);
  // Combining marks left behind by decomposed Latin input (NFD keyboards, PDF extractors); apostrophes
  // inside Ukrainian words (пам'ять) are dropped so every typing of them folds alike.
  return folded.replace(/([a-z])\p{M}+/gu, '$1').replace(/'/g, '');
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words of a text, in order. */
export function words(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

/** True when the text carries any Latin diacritic, i.e. it was typed with Vietnamese marks. */
export function hasLatinDiacritics(text: string): boolean {
  for (const char of text.normalize('NFC')) {
    if (char === 'đ' || char === 'Đ') return true;
    if (LATIN_WITH_MARKS.test(char) && foldChar(char) !== char) return true;
  }
  return false;
}
