import type { Answer, Citation } from '../answer/answer.ts';
import { MESSAGES } from '../answer/messages.ts';
import type { Language } from '../text/language.ts';

/**
 * Telegram's longest message text, in UTF-16 code units (JS `length`). Telegram counts the text after
 * parsing the HTML; counting the markup too keeps every message safely under the limit.
 */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

// Longer links are shown without one: a link that long is not a page anyone meant to cite, and its tag
// must fit in a message with room to spare.
const MAX_URL_LENGTH = 2048;

type Labels = (typeof MESSAGES)[Language];
type Tag = { kind: 'open' | 'close'; name: string; raw: string };
type Token = Tag | { kind: 'text' | 'space'; raw: string };
/** Where a piece may end: tokens before `end` go in it, the next piece starts at `resume`. */
interface Cut {
  end: number;
  resume: number;
  stack: Tag[];
  length: number;
  rank: number;
}

/** Text for Telegram's HTML parse mode, which knows only these three entities in text (and &quot;). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const escapeAttribute = (text: string) => escapeHtml(text).replace(/"/g, '&quot;');

/**
 * One answer as Telegram HTML messages, each at most `limit` long and valid on its own: the answer text,
 * then one block per citation (header, quote, original, source link). Whole blocks are packed into
 * messages; a block too long for one is split at paragraph, line or word boundaries.
 */
export function formatAnswer(answer: Answer, limit: number = TELEGRAM_MESSAGE_LIMIT): string[] {
  const m = MESSAGES[answer.language];
  // `answer.reason` is internal (it names the asker's missing words for maintainers) and is never shown.
  const blocks = [escapeHtml(answer.answer.trim())];
  answer.citations.forEach((citation, i) => {
    const block = citationBlock(citation, i + 1, m);
    // The heading travels with the first passage so that it can never end a message on its own.
    const heading =
      answer.kind === 'escalated' && i === 0 ? `<i>${escapeHtml(m.closestPassages)}:</i>\n` : '';
    blocks.push(heading + block);
  });
  return pack(
    blocks.filter((b) => b !== ''),
    limit,
  );
}

function citationBlock(c: Citation, n: number, m: Labels): string {
  const marker = c.translation ? ` (${m.translation})` : '';
  const header = `[${n}] ${c.documentTitle} · ${m.section}: ${c.section} · ${m.version} ${c.version}${marker}`;
  const lines = [`<b>${escapeHtml(header)}</b>`, quote(c.quote)];
  if (c.original) {
    const label = `${m.original} (${c.original.language}): ${c.original.section}`;
    lines.push(`<i>${escapeHtml(label)}</i>`, quote(c.original.quote));
  }
  const href = webUrl(c.sourceUrl);
  if (href) lines.push(`<a href="${escapeAttribute(href)}">${escapeHtml(m.source)}</a>`);
  return lines.filter((line) => line !== '').join('\n');
}

const quote = (text: string) => (text.trim() ? `<blockquote>${escapeHtml(text.trim())}</blockquote>` : '');

// Telegram opens whatever a link points at; only web pages are offered (no javascript:, tg:, file:).
function webUrl(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const { protocol, href } = new URL(url);
  const web = protocol === 'http:' || protocol === 'https:';
  return web && href.length <= MAX_URL_LENGTH ? href : undefined;
}

function pack(blocks: string[], limit: number): string[] {
  const messages: string[] = [];
  let current = '';
  for (const block of blocks) {
    const joined = current ? `${current}\n\n${block}` : block;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (block.length <= limit) {
      messages.push(current);
      current = block;
      continue;
    }
    // The blocks already gathered split off at their paragraph break when they fill half a message;
    // a short lead stays with the start of the long block instead of going out alone.
    const pieces = splitBlock(joined, limit);
    messages.push(...pieces.slice(0, -1));
    current = pieces.at(-1) ?? '';
  }
  if (current) messages.push(current);
  return messages;
}

// A tag, an entity (kept whole), a run of whitespace, or one code point (never half a surrogate pair).
const TOKEN = /<(\/?)([a-z]+)[^>]*>|&#?[a-z0-9]+;|\s+|[\s\S]/giu;

function tokenize(html: string): Token[] {
  return [...html.matchAll(TOKEN)].map(([raw, slash, name]): Token => {
    if (name) return { kind: slash ? 'close' : 'open', name, raw };
    return { kind: /^\s/.test(raw) ? 'space' : 'text', raw };
  });
}

/** One block as several pieces; tags open at a cut are closed there and reopened in the next piece. */
function splitBlock(html: string, limit: number): string[] {
  const tokens = tokenize(html);
  const pieces: string[] = [];
  let start = 0;
  let stack: Tag[] = [];
  while (start < tokens.length) {
    const cut = nextCut(tokens, start, stack, limit);
    const body = tokens.slice(start, cut.end).map((t) => t.raw);
    pieces.push([...stack.map((t) => t.raw), ...body, closing(cut.stack)].join(''));
    start = cut.resume;
    stack = cut.stack;
    // Tags the last piece already closed, and whitespace, would only make empty elements here.
    for (let t = tokens[start]; t?.kind === 'space' || t?.kind === 'close'; t = tokens[++start]) {
      if (t.kind === 'close') stack = stack.slice(0, -1);
    }
  }
  return pieces;
}

const closing = (stack: Tag[]) =>
  stack
    .map((t) => `</${t.name}>`)
    .reverse()
    .join('');
const spaceRank = (space: string) => (space.includes('\n\n') ? 3 : space.includes('\n') ? 2 : 1);

function nextCut(tokens: Token[], start: number, opened: Tag[], limit: number): Cut {
  let stack = opened;
  let length = opened.reduce((sum, t) => sum + t.raw.length, 0);
  const cuts: Cut[] = [];
  let hasText = false;
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const last = tokens[i - 1];
    // Cutting right after an opening tag would leave an empty element behind.
    const canCut = hasText && last?.kind !== 'open';
    if (t.kind === 'space' && canCut)
      cuts.push({ end: i, resume: i + 1, stack, length, rank: spaceRank(t.raw) });
    const next = t.kind === 'open' ? [...stack, t] : t.kind === 'close' ? stack.slice(0, -1) : stack;
    if (length + t.raw.length + closing(next).length > limit) {
      // Nothing fits (a limit smaller than the tags): take one token anyway so that splitting ends.
      return best(cuts, limit) ?? { end: i + 1, resume: i + 1, stack: next, length, rank: 0 };
    }
    length += t.raw.length;
    stack = next;
    hasText ||= t.kind === 'text';
    if (hasText && (t.kind === 'text' || t.kind === 'close')) {
      cuts.push({ end: i + 1, resume: i + 1, stack, length, rank: 0 });
    }
  }
  return { end: tokens.length, resume: tokens.length, stack, length, rank: 4 };
}

/** The strongest boundary (paragraph, line, word, anywhere) among those that fill at least half a message. */
function best(cuts: Cut[], limit: number): Cut | undefined {
  const full = cuts.filter((c) => c.length >= limit / 2);
  const pool = full.length > 0 ? full : cuts;
  return pool.reduce<Cut | undefined>((a, c) => (a && a.rank > c.rank ? a : c), undefined);
}
