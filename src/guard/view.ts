/**
 * A matching view of the input: Latin diacritics and invisible format characters (zero-width space, soft
 * hyphen) removed, `đ` mapped to `d`, case kept, with a map from every view offset back to the original
 * string. The guard matches on the view, so precomposed (NFC), decomposed (NFD) and unaccented typing all
 * meet one pattern, and still reports offsets into the text it was given.
 */

/** A base character with its combining marks (a lone run of marks at the very start forms its own). */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
const STRIPPED = /[\p{M}\p{Cf}]/gu;

export interface TextView {
  readonly original: string;
  readonly folded: string;
  /** Original offsets of `folded.slice(start, end)`. */
  toOriginal(start: number, end: number): { start: number; end: number };
}

function foldCluster(cluster: string): string {
  if (cluster.startsWith('đ')) return 'd';
  if (cluster.startsWith('Đ')) return 'D';
  return cluster.normalize('NFD').replace(STRIPPED, '');
}

export function createView(original: string): TextView {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of original.matchAll(CLUSTER)) {
    const base = foldCluster(match[0]);
    const end = match.index + match[0].length;
    for (let i = 0; i < base.length; i += 1) {
      starts.push(match.index);
      ends.push(end);
    }
    folded += base;
  }
  return {
    original,
    folded,
    toOriginal: (start, end) => ({ start: starts[start] ?? original.length, end: ends[end - 1] ?? 0 }),
  };
}

/** The lower-case letters of a text after NFC (no spaces, digits or punctuation). */
function letters(text: string): string[] {
  return [...text.normalize('NFC').toLowerCase()].filter((char) => /\p{L}/u.test(char));
}

/**
 * True when `text` spells `canonical` letter by letter, each letter either exactly as in `canonical` or
 * with no mark at all (typed without diacritics): `mật` and `mat` fit `mật`, `mặt` (face) and `mất` (lose)
 * do not, although all of them fold to `mat`.
 */
export function fitsDiacritics(text: string, canonical: string): boolean {
  const typed = letters(text);
  const wanted = letters(canonical);
  if (typed.length !== wanted.length) return false;
  return typed.every((char, i) => {
    const want = wanted[i] ?? '';
    return char === want || char === foldCluster(want);
  });
}

/** The folded letters of a text, lower-case: the key under which a canonical spelling is looked up. */
export function letterKey(text: string): string {
  return letters(text).map(foldCluster).join('');
}

/** Upper-case in the original (and made of letters that have case). */
export function isUpperCase(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase();
}

/** Every letter is lower-case. */
export function isLowerCase(text: string): boolean {
  return text === text.toLowerCase();
}

/** End offset in `text` of its first `chars` characters (counted after NFC), never inside a cluster. */
export function prefixEnd(text: string, chars: number): number {
  let counted = 0;
  for (const match of text.matchAll(CLUSTER)) {
    counted += match[0].normalize('NFC').length;
    if (counted > chars) return match.index;
  }
  return text.length;
}
