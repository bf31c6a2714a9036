import type { GuardCategory } from './guard.ts';
import type { TextView } from './view.ts';

/** A hit before overlaps are resolved; `strong` hits were found by a context word or a specific shape. */
export interface RawHit {
  category: GuardCategory;
  start: number;
  end: number;
  strong: boolean;
}

// Digit runs: not glued to a letter or digit, not the tail of a decimal, date or document number
// ("1,0912…", "27/11/2025", "557/BKHCN"), and not followed by more of one.
const NB = '(?<![\\p{L}\\p{N}_+]|\\p{N}[.,\\-/])';
const NE = '(?![\\p{L}\\p{N}_]|[.,\\-/]\\p{N})';
const L = '(?<![\\p{L}\\p{N}_])';
const R = '(?![\\p{L}\\p{N}_])';
const SEP = '[ .\\-]?';
const INTL = '(?:(?:\\+|00)84[ .\\-]?(?:\\(0\\)[ .\\-]?)?|\\(\\+?84\\)[ .\\-]?)';

// Mobile: 0 + 3/5/7/8/9 + 8 digits (or +84 instead of 0). Landline: 0 + 2 + area code + subscriber, 11
// digits in all since 2017. Digits may be grouped by one space, dot or dash.
const PHONES = [
  new RegExp(`${NB}(?:${INTL}|0)[35789](?:${SEP}\\d){8}${NE}`, 'gu'),
  new RegExp(`${NB}84[35789]\\d{8}${NE}`, 'gu'),
  new RegExp(`${NB}(?:${INTL}|0)2(?:${SEP}\\d){9}${NE}`, 'gu'),
];
// "(024) 3825 1234", "(0236) 3822 123": the area code in brackets, 11 digits with its 0.
const AREA_PHONE = new RegExp(`${NB}\\(0?2\\d{1,2}\\)[ .\\-]?\\d(?:${SEP}\\d){6,7}${NE}`, 'gu');
const EMAIL = /(?<![\w.%+-])[\w.%+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}(?![\w-])/giu;
// CCCD: 12 digits, the first three a province code 001–096; grouped 3-3-3-3, 4-4-4 or 6-6 as people type.
const CCCD_REST = '\\d{9}|([ .\\-])\\d{3}\\2\\d{3}\\2\\d{3}|\\d([ .\\-])\\d{4}\\3\\d{4}|\\d{3}[ .\\-]\\d{6}';
const CCCD = new RegExp(`${NB}(0\\d\\d)(?:${CCCD_REST})${NE}`, 'gu');
const ID_WORD =
  '(cmnd|cmtnd|cmt|cccd|chung\\s+minh(?:\\s+nhan\\s+dan|\\s+thu)?|can\\s+cuoc(?:\\s+cong\\s+dan)?' +
  '|(?:so\\s+)?dinh\\s+danh(?:\\s+ca\\s+nhan)?|identity(?:\\s+card|\\s+number)?|national\\s+id|id)';
// A 9-digit number is too common to block alone: the old CMND counts only after an identity word.
const ID_NUMBER = new RegExp(
  `${L}${ID_WORD}${R}[^\\n]{0,30}?${NB}(\\d{12}|\\d{9}|\\d{3}([ .\\-])\\d{3}\\3\\d{3}(?:\\3\\d{3})?)${NE}`,
  'giud',
);
const PASSPORT = new RegExp(`${L}(?:ho\\s+chieu|passport)${R}[^\\n]{0,25}?${L}([A-Z]\\d{7,8})${NE}`, 'giud');
const TAX_WORD = '(?:mst|ma\\s+so\\s+thue|ma\\s+so\\s+doanh\\s+nghiep|msdn|tax\\s+(?:code|id|number))';
const TAX = new RegExp(`${L}${TAX_WORD}${R}[^\\n]{0,25}?${NB}(\\d{10}(?: ?[-–] ?\\d{3})?)${NE}`, 'giud');
const ACCOUNT = new RegExp(`${NB}\\d(?:[ \\-]?\\d){7,18}${NE}`, 'gu');
const near = (words: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`, 'iu');
const BANK_WORD = near(
  'so\\s+tai\\s+khoan|tai\\s+khoan|so\\s+tk|stk|ngan\\s+hang|account|acct|a/c|iban|bank|vietcombank|vcb' +
    '|bidv|agribank|vietinbank|techcombank|tcb|mb\\s?bank|acb|vpbank|sacombank|tpbank|hdbank|vib|shb|ocb' +
    '|msb|seabank|lpbank|eximbank',
);
// A phone word closer to the number than the bank word: "hotline ngân hàng 0912…" is a phone.
const PHONE_WORD = near('sdt|so\\s+dien\\s+thoai|dien\\s+thoai|dt|hotline|tel|phone|goi|zalo|lien\\s+he');
const AMOUNT_AFTER = /^\s*(?:d|dong|vnd|trieu|ty|nghin|usd|eur|%)(?![\p{L}\p{N}])/iu;
const YEAR_RANGE = /^(?:19|20)\d\d ?- ?(?:19|20)\d\d$/;

function spans(view: TextView, re: RegExp, category: GuardCategory, strong: boolean, group = 0): RawHit[] {
  const hits: RawHit[] = [];
  for (const match of view.folded.matchAll(re)) {
    const [start, end] = match.indices?.[group] ?? [match.index, match.index + match[0].length];
    hits.push({ category, ...view.toOriginal(start, end), strong });
  }
  return hits;
}

function phones(view: TextView): RawHit[] {
  const areaCoded = spans(view, AREA_PHONE, 'phone', false).filter(
    (hit) => view.original.slice(hit.start, hit.end).replace(/\D/g, '').replace(/^2/, '02').length === 11,
  );
  return [...PHONES.flatMap((re) => spans(view, re, 'phone', false)), ...areaCoded];
}

function identities(view: TextView): RawHit[] {
  const hit = (span: [number, number] | undefined, strong: boolean): RawHit[] =>
    span ? [{ category: 'personal_id', ...view.toOriginal(span[0], span[1]), strong }] : [];
  const bare = [...view.folded.matchAll(CCCD)].filter((m) => Number(m[1]) >= 1 && Number(m[1]) <= 96);
  // "ID" only in capitals: a lower-case "id" is too common in technical text.
  const named = [...view.folded.matchAll(ID_NUMBER)].filter(
    (m) => m[1]?.toLowerCase() !== 'id' || m[1] === 'ID',
  );
  const passports = [...view.folded.matchAll(PASSPORT)].filter((m) => /^[A-Z]/.test(m[1] ?? ''));
  return [
    ...bare.flatMap((m) => hit([m.index, m.index + m[0].length], false)),
    ...named.flatMap((m) => hit(m.indices?.[2], true)),
    ...passports.flatMap((m) => hit(m.indices?.[1], true)),
  ];
}

/** 8–19 digits with a bank word within 40 characters before or 30 after, in the same line. */
function bankAccounts(view: TextView): RawHit[] {
  const text = view.folded;
  const hits: RawHit[] = [];
  for (const match of text.matchAll(ACCOUNT)) {
    const start = match.index;
    const end = start + match[0].length;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end);
    const before = text.slice(Math.max(lineStart, start - 40), start);
    const after = text.slice(end, Math.min(lineEnd, end + 30));
    if (YEAR_RANGE.test(match[0]) || AMOUNT_AFTER.test(after)) continue;
    if (PHONE_WORD.test(text.slice(Math.max(lineStart, start - 25), start))) continue;
    if (BANK_WORD.test(before) || BANK_WORD.test(after)) {
      hits.push({ category: 'bank_account', ...view.toOriginal(start, end), strong: true });
    }
  }
  return hits;
}

export function findIdentifiers(view: TextView): RawHit[] {
  return [
    ...phones(view),
    ...spans(view, EMAIL, 'email', false),
    ...identities(view),
    ...spans(view, TAX, 'tax_code', true, 1),
    ...bankAccounts(view),
  ];
}
