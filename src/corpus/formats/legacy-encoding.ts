// Letters only Unicode Vietnamese has, outside Latin-1 (which legacy encodings reuse): ă đ ơ ư and the
// toned vowels of Latin Extended Additional.
const VIETNAMESE_LETTERS = /[ăđơưĂĐƠƯ\u1EA0-\u1EF9]/gu;
// Below this share of letters a Vietnamese text has lost its diacritics: the Unicode Vietnamese files of
// corpus/ run at 16–21%, text in a legacy 8-bit font encoding (TCVN3 "ABC", VNI) at none.
const MIN_SHARE = 0.005;
const MIN_LETTERS = 200;

/**
 * True when a text that should be Vietnamese reads as a legacy 8-bit font encoding: its extracted letters
 * are garbage ("Ch­¬ng" for Chương in TCVN3, "Chöông" in VNI) that no search would ever match.
 */
export function looksLikeLegacyEncoding(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return false;
  const vietnamese = text.normalize('NFC').match(VIETNAMESE_LETTERS)?.length ?? 0;
  return vietnamese / letters < MIN_SHARE;
}
