/**
 * The sensitive-data guard: a pure check of a message before it reaches retrieval, a model or a log.
 * The guidelines forbid giving state secrets and personal data to public AI platforms and ask staff to
 * classify information first; the guard blocks what is recognisably such data and returns a redacted copy
 * that is safe to log or to show back. Rules live beside their patterns (stamps.ts, patterns.ts, secrets.ts).
 */
import { findIdentifiers, type RawHit } from './patterns.ts';
import { findCredentials } from './secrets.ts';
import { findStateSecrets, looksLikeOfficialDocument } from './stamps.ts';
import { createView, prefixEnd } from './view.ts';

export const GUARD_CATEGORIES = [
  'state_secret',
  'personal_id',
  'phone',
  'email',
  'tax_code',
  'bank_account',
  'credential',
  'private_key',
  'pasted_document',
] as const;

export type GuardCategory = (typeof GUARD_CATEGORIES)[number];

/** Categories the asker may confirm as public (an office hotline, a unit's mailbox); nothing else. */
export const OVERRIDABLE_CATEGORIES: readonly GuardCategory[] = ['phone', 'email'];

export interface GuardHit {
  category: GuardCategory;
  /** Offsets in the input string as given (not its NFC form). */
  start: number;
  end: number;
}

export interface GuardResult {
  blocked: boolean;
  categories: GuardCategory[];
  hits: GuardHit[];
  redacted: string;
  overridable: boolean;
}

export interface GuardOptions {
  /** Longer texts (counted after NFC) are pasted documents, not questions. */
  maxChars: number;
  /** Categories the asker confirmed as public; only OVERRIDABLE_CATEGORIES are honoured. */
  allowed?: GuardCategory[];
}

/** How much of a pasted document the redacted copy keeps. */
const DOCUMENT_PREVIEW_CHARS = 200;

// When two hits overlap, the one found by context or a specific shape wins over a bare number (a 10-digit
// tax code after "MST" is not a phone, a 12-digit account after "STK" is not a CCCD), then the stricter
// category in this order, then the longer hit.
const PRECEDENCE: GuardCategory[] = [
  'private_key',
  'credential',
  'state_secret',
  'personal_id',
  'tax_code',
  'bank_account',
  'phone',
  'email',
];

function rank(hit: RawHit): [number, number, number] {
  return [hit.strong ? 0 : 1, PRECEDENCE.indexOf(hit.category), hit.start - hit.end];
}

function resolveOverlaps(raw: RawHit[]): GuardHit[] {
  const sorted = [...raw].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.start - b.start;
  });
  // `kept` stays ordered by start, so a candidate only needs checking against its two neighbours.
  const kept: GuardHit[] = [];
  for (const { category, start, end } of sorted) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((kept[mid]?.start ?? 0) < start) low = mid + 1;
      else high = mid;
    }
    const free = (kept[low - 1]?.end ?? 0) <= start && (kept[low]?.start ?? Number.POSITIVE_INFINITY) >= end;
    if (end > start && free) kept.splice(low, 0, { category, start, end });
  }
  return kept;
}

/** `text` up to `limit` with every hit that starts before it replaced by its placeholder. */
function redact(text: string, hits: GuardHit[], limit: number): string {
  let out = '';
  let position = 0;
  for (const hit of hits) {
    if (hit.start >= limit) break;
    out += `${text.slice(position, hit.start)}[${hit.category}]`;
    position = hit.end;
  }
  return out + text.slice(position, Math.max(position, limit));
}

export function checkText(text: string, options: GuardOptions): GuardResult {
  const view = createView(text);
  const found = resolveOverlaps([
    ...findCredentials(view),
    ...findStateSecrets(view),
    ...findIdentifiers(view),
  ]);
  const length = text.normalize('NFC').length;
  const pasted = length > options.maxChars || looksLikeOfficialDocument(view);

  let redacted = redact(text, found, text.length);
  if (pasted) {
    const cut = prefixEnd(text, DOCUMENT_PREVIEW_CHARS);
    const preview = redact(text, found, cut);
    redacted = `${preview}${cut < text.length ? '…' : ''} [pasted_document: ${length} characters]`;
  }
  const hits: GuardHit[] = pasted
    ? [{ category: 'pasted_document', start: 0, end: text.length }, ...found]
    : found;

  const allowed = new Set((options.allowed ?? []).filter((c) => OVERRIDABLE_CATEGORIES.includes(c)));
  return {
    blocked: hits.some((hit) => !allowed.has(hit.category)),
    categories: GUARD_CATEGORIES.filter((c) => hits.some((hit) => hit.category === c)),
    hits,
    redacted,
    overridable: hits.length > 0 && hits.every((hit) => OVERRIDABLE_CATEGORIES.includes(hit.category)),
  };
}
