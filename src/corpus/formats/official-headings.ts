/**
 * The numbering that opens a line of a Vietnamese official document (see shared/VIETNAMESE.md):
 * Phần / Chương / Mục / Điều (with Roman, Arabic or, for Phần, ordinal-word numbers), the Roman parts
 * "I." of guidance documents (hướng dẫn), items "1." and "1.1.", points "a)", and list dashes.
 * Pure matching of one line; whether a match is really a heading (order, mode) is the recogniser's call.
 */

export type MarkerKind = 'part' | 'chapter' | 'section' | 'article' | 'roman' | 'item' | 'point' | 'dash';

export interface Marker {
  kind: MarkerKind;
  /** The number as the section id uses it: "II", "5", "1.2", "a"; '' for a dash. */
  number: string;
  /** Its value for checking the order: 5 for "V", 3 for "c", 2 for "thứ hai". */
  value: number;
  /** The numbering as written, without the punctuation after it: "Chương II", "Điều 5", "1.2". */
  label: string;
  /** What follows the numbering on the same line (the title, or the text of a clause). */
  rest: string;
}

const KEYWORDS: Record<string, MarkerKind> = {
  phần: 'part',
  chương: 'chapter',
  mục: 'section',
  điều: 'article',
};

const ORDINALS: Record<string, number> = {
  nhất: 1,
  hai: 2,
  ba: 3,
  tư: 4,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
};

// "Chương II", "CHƯƠNG 2:", "Điều 5.", "Phần thứ hai": the keyword in either case, then its number.
const KEYWORD =
  /^(Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Điều|ĐIỀU)\s+(thứ\s+\p{L}+|THỨ\s+\p{Lu}+|[IVXLC]+|\d{1,3})(?![\p{L}\d])\s*([.:\-–—]?)\s*(.*)$/u;
// Upper-case only: "Vi phạm" is a word, not part VI.
const ROMAN = /^([IVXLC]+)\.\s+(\S.*)$/u;
const ITEM = /^(\d{1,2}(?:\.\d{1,2})*)\.\s+(\S.*)$/u;
// "1.1 Title" without the final period is common too, but only with at least one inner period.
const DOTTED_ITEM = /^(\d{1,2}(?:\.\d{1,2})+)\s+(\p{Lu}.*)$/u;
const POINT = /^([a-zđ])\)\s+(\S.*)$/u;
const DASH = /^[-–—+•*]\s+(\S.*)$/u;

/** Points run a, b, c, d, đ, e, g, h, i, k … (no f, j, w, z in Vietnamese). */
const POINT_ORDER = 'abcdđeghiklmnopqrstuvxy';

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
const VALID_ROMAN = /^(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

export function romanValue(numeral: string): number | undefined {
  if (!VALID_ROMAN.test(numeral) || numeral === '') return undefined;
  let total = 0;
  for (let i = 0; i < numeral.length; i += 1) {
    const value = ROMAN_VALUES[numeral[i] as string] as number;
    const next = ROMAN_VALUES[numeral[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

function keywordMarker(match: RegExpExecArray): Marker | undefined {
  const [, keyword = '', written = '', separator = '', rest = ''] = match;
  const kind = KEYWORDS[keyword.toLowerCase()] as MarkerKind;
  // "Mục 2 của Chương này" is a reference inside a sentence; a heading's title starts upper-case.
  if (rest !== '' && !/^[\p{Lu}\d"“(]/u.test(rest)) return undefined;
  // An article always has its period ("Điều 5."); "Điều 5 Luật …" at a line start is a wrapped reference.
  if (kind === 'article' && separator === '') return undefined;
  let value: number | undefined;
  let number = written;
  if (/^\d+$/.test(written)) value = Number(written);
  else if (/^[IVXLC]+$/.test(written)) value = romanValue(written);
  else {
    if (kind !== 'part') return undefined;
    value = ORDINALS[written.toLowerCase().replace(/^thứ\s+/u, '')];
    number = String(value);
  }
  if (value === undefined) return undefined;
  return { kind, number, value, label: `${keyword} ${written.replace(/\s+/g, ' ')}`, rest };
}

/** The numbering at the start of a (clean, trimmed) line, if any. */
export function matchMarker(line: string): Marker | undefined {
  const keyword = KEYWORD.exec(line);
  if (keyword) return keywordMarker(keyword);
  const roman = ROMAN.exec(line);
  if (roman) {
    const value = romanValue(roman[1] as string);
    if (value !== undefined)
      return {
        kind: 'roman',
        number: roman[1] as string,
        value,
        label: roman[1] as string,
        rest: roman[2] as string,
      };
  }
  const item = ITEM.exec(line) ?? DOTTED_ITEM.exec(line);
  if (item) {
    const number = item[1] as string;
    const value = Number(number.split('.').pop());
    return { kind: 'item', number, value, label: number, rest: item[2] as string };
  }
  const point = POINT.exec(line);
  if (point) {
    const letter = point[1] as string;
    return {
      kind: 'point',
      number: letter,
      value: POINT_ORDER.indexOf(letter) + 1,
      label: letter,
      rest: point[2] as string,
    };
  }
  const dash = DASH.exec(line);
  if (dash) return { kind: 'dash', number: '', value: 0, label: '', rest: dash[1] as string };
  return undefined;
}

/** True for a line any official document would number as a heading: used to keep it from page furniture. */
export function looksLikeHeading(line: string): boolean {
  const marker = matchMarker(line);
  return marker !== undefined && ['part', 'chapter', 'section', 'article', 'roman'].includes(marker.kind);
}
