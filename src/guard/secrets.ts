import { hasLatinDiacritics } from '../text/normalize.ts';
import type { RawHit } from './patterns.ts';
import type { TextView } from './view.ts';

const L = '(?<![\\p{L}\\p{N}_])';
const R = '(?![\\p{L}\\p{N}_])';
// Words after which a short number is a secret (PIN, OTP, password) ...
const PASS_WORD =
  'mat\\s+khau|mk|pass(?:word|wd|code|phrase)?|pwd|ma\\s+(?:pin|otp|xac\\s+thuc|bao\\s+mat)|pin\\s+code|otp';
// ... and words after which it is not ("token: 4096" is a context size, not a token).
const TOKEN_WORD =
  '(?:(?:access|refresh|auth|bot)[ _-]?)?token|api[ _-]?key|apikey|(?:client[ _-]?)?secret(?:[ _-]?key)?' +
  '|private[ _-]?key|khoa\\s+bi\\s+mat';
// A credential word, up to four words ("mật khẩu email công vụ"), then ":", "=", "là" or "is", then a value.
const KEY_VALUE = new RegExp(
  `${L}(?:(${PASS_WORD})|${TOKEN_WORD})${R}(?:\\s+[\\p{L}\\p{N}_\\-]+){0,4}?\\s*(?:[:=：]|\\s(?:la|is)\\s)` +
    `\\s*["'“‘]?([^\\s"'”’]+)([^\\n]*)`,
  'giud',
);
// A long random-looking string (hex, base64, base64url) after a key word, with or without a separator.
const LONG_SECRET = new RegExp(
  `${L}(?:key|token|secret|signature|sig|bearer|authorization|auth|api|khoa|credentials?)${R}` +
    `[^\\n]{0,20}?[\\s:="']([A-Za-z0-9+/_\\-]{20,}={0,2})(?![A-Za-z0-9+/_\\-=])`,
  'giud',
);
// Vendor token shapes recognisable without any context word, and JWTs (three base64url parts).
const TOKEN_SHAPE = new RegExp(
  `(?<![A-Za-z0-9_\\-])(?:${[
    'sk-(?:ant-|proj-|live-|test-)?[A-Za-z0-9_\\-]{20,}',
    '(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}',
    'gh[pousr]_[A-Za-z0-9]{30,}',
    'github_pat_[A-Za-z0-9_]{30,}',
    'glpat-[A-Za-z0-9_\\-]{20,}',
    'xox[abposr]-[A-Za-z0-9\\-]{10,}',
    '(?:AKIA|ASIA)[0-9A-Z]{16}',
    'AIza[0-9A-Za-z_\\-]{35}',
    '\\d{8,10}:AA[A-Za-z0-9_\\-]{33}', // Telegram bot token
    'eyJ[A-Za-z0-9_\\-]{5,}\\.[A-Za-z0-9_\\-]{5,}\\.[A-Za-z0-9_\\-]*',
  ].join('|')})(?![A-Za-z0-9_\\-])`,
  'g',
);
const URL_PASSWORD = /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]+)@/dgi;
// A pasted key without its END line (cut off by a message limit) is still a key, to the end of the text.
const PEM_LABEL = '[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?';
const PRIVATE_KEY = new RegExp(`-----BEGIN ${PEM_LABEL}-----[\\s\\S]*?(?:-----END ${PEM_LABEL}-----|$)`, 'g');

/** Words that answer or ask rather than disclose ("mật khẩu: không", "password is required"). */
const NOT_A_VALUE = new Set(
  (
    'gi nao sao khong chua co la bao nhu the ai dau phai duoc nen can se da bi cua va hoac nay do ' +
    'none null nil empty blank what how why which required optional mandatory incorrect invalid wrong ' +
    'correct expired missing needed strong weak hidden unknown changed reset same different'
  ).split(' '),
);

/** Punctuation that ends a sentence, not a value. */
const TRAILING = /[.,;:!?)\]}>]+$/u;
const COUNTED =
  /^\s*(?:ky\s+tu|chu\s+so|so|lan|ngay|thang|nam|characters?|chars?|digits?|tokens?|times|days)(?!\p{L})/iu;

/**
 * A value after a credential word counts when it looks like one: digits or symbols (4+ characters), an
 * internal capital, or a lone word ending its line or field ("mật khẩu: xyz", "pass: xyz, user: …").
 * Masks (***), answers and question words, words with Vietnamese diacritics and counts ("là 8 ký tự") do
 * not, nor a bare number after a token word.
 */
function looksLikeValue(value: string, original: string, rest: string, password: boolean): boolean {
  // The guard's own mask ([credential]) in a text it redacted before is not a value.
  if (/^\[[a-z_]+\]/.test(value)) return false;
  const bare = value.replace(TRAILING, '');
  if (bare.length < 3 || /^[*x•.…_#-]+$/iu.test(bare) || NOT_A_VALUE.has(bare.toLowerCase())) return false;
  if (/^\d+$/.test(bare) && (!password || COUNTED.test(rest))) return false;
  if (!/^\p{L}+$/u.test(bare)) return bare.length >= 4;
  if (hasLatinDiacritics(original)) return false;
  const endsField = rest.trim() === '' || /[,;]$/.test(value);
  return /\p{Ll}\p{Lu}/u.test(bare) || (endsField && !value.endsWith('?'));
}

function toHit(view: TextView, start: number, end: number, category: RawHit['category']): RawHit {
  return { category, ...view.toOriginal(start, end), strong: true };
}

function keyValues(view: TextView): RawHit[] {
  const hits: RawHit[] = [];
  for (const match of view.folded.matchAll(KEY_VALUE)) {
    const span = match.indices?.[2];
    const value = match[2] ?? '';
    if (!span) continue;
    const original = view.toOriginal(span[0], span[1]);
    const typed = view.original.slice(original.start, original.end);
    if (!looksLikeValue(value, typed, match[3] ?? '', match[1] !== undefined)) continue;
    hits.push(toHit(view, span[0], span[0] + value.replace(TRAILING, '').length, 'credential'));
  }
  return hits;
}

function groups(view: TextView, re: RegExp, category: RawHit['category'], test?: (v: string) => boolean) {
  return [...view.folded.matchAll(re)].flatMap((match) => {
    const span = match.indices?.[1] ?? [match.index, match.index + match[0].length];
    const text = view.folded.slice(span[0], span[1]);
    return test && !test(text) ? [] : [toHit(view, span[0], span[1], category)];
  });
}

export function findCredentials(view: TextView): RawHit[] {
  const random = (v: string) => /\d/.test(v) && /[A-Za-z]/.test(v);
  return [
    ...groups(view, PRIVATE_KEY, 'private_key'),
    ...groups(view, TOKEN_SHAPE, 'credential'),
    ...groups(view, URL_PASSWORD, 'credential'),
    ...groups(view, LONG_SECRET, 'credential', random),
    ...keyValues(view),
  ];
}
