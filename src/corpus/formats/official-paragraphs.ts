import { NumberingOrder } from './numbering-order.ts';
import { type Marker, matchMarker } from './official-headings.ts';

/**
 * Clean lines of an official document → headings and paragraphs. Line breaks inside a sentence (PDF wraps,
 * hyphenated words) are joined; a numbering at a line start opens a heading or a paragraph.
 *
 * Two kinds of document: a legal one (it has "Điều N." articles) is cited by Phần / Chương / Mục / Điều,
 * and its clauses "1." and points "a)" stay paragraphs of their article, as Vietnamese citations name them
 * ("khoản 2 Điều 5"). A guidance document (hướng dẫn) is cited by its Roman parts "I." and by items "1.",
 * "1.1." that carry a short title; an item that is a whole sentence stays a paragraph.
 */

export type Paragraph =
  | {
      kind: 'heading';
      level: number;
      title: string;
      number: string | undefined;
      words: string;
      item: boolean;
    }
  | { kind: 'text'; text: string };

// Nesting levels; 1 is the document title. Headings without numbering ("Nơi nhận") sit at the top.
const LEVELS = { part: 2, chapter: 3, section: 4, article: 5, roman: 3 } as const;
const ITEM_LEVEL = 3; // plus the depth of the item: "1." is 4, "1.1." is 5
// An item with a title ("1. Mục đích") is short and has no sentence punctuation at its end.
const ITEM_TITLE_WORDS = 20;
// A title this short followed by an upper-case line is complete, even without a blank line after it.
const SHORT_TITLE_WORDS = 10;

const ENDS_SENTENCE = /[.;:!?…]["”’»)\]]*$/u;
const STARTS_SENTENCE = /^["“‘«([]?[\p{Lu}\d]/u;
const STARTS_LOWER = /^\p{Ll}/u;
const RECIPIENTS = /^Nơi nhận\s*:\s*(.*)$/u;

const isUpper = (text: string) => /\p{L}/u.test(text) && text === text.toUpperCase();
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Joins a wrapped line: a word hyphenated at the line end is rejoined ("artifi-" + "cial"). */
export function joinWrapped(before: string, after: string): string {
  if (/\p{L}-$/u.test(before) && STARTS_LOWER.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}

interface Open {
  marker: Marker | undefined;
  /** A keyword or Roman heading, a guidance item that may turn out to be a heading, or plain text. */
  role: 'heading' | 'item' | 'text';
  /** The whole paragraph as written, lines joined. */
  text: string;
  /** A heading's title without its numbering. */
  title: string;
  /** A heading whose title is still to come on a following line ("Chương II" alone on its line). */
  awaitingTitle: boolean;
  blankSeen: boolean;
}

const HEADING_KINDS = ['part', 'chapter', 'section', 'article'];

/** Whether the next line carries on an open heading's title. */
function continuesTitle(open: Open, line: string): boolean {
  if (ENDS_SENTENCE.test(open.title)) return false;
  if (!open.blankSeen && STARTS_LOWER.test(line)) return true;
  // A centred upper-case title broken over two lines, even with a blank line between them.
  return isUpper(open.title) && isUpper(line) && matchMarker(line) === undefined;
}

/** Whether a line after an open guidance item carries it on (rather than starting the item's body). */
function continuesItem(open: Open, line: string): boolean {
  if (STARTS_LOWER.test(line)) return true;
  const shortTitle = !ENDS_SENTENCE.test(open.text) && wordCount(open.text) <= SHORT_TITLE_WORDS;
  return !shortTitle && !(ENDS_SENTENCE.test(open.text) && STARTS_SENTENCE.test(line));
}

function headingOf(open: Open, item: boolean): Paragraph {
  const marker = open.marker as Marker;
  const level = item
    ? ITEM_LEVEL + marker.number.split('.').length
    : LEVELS[marker.kind as keyof typeof LEVELS];
  return { kind: 'heading', level, title: open.text, number: marker.number, words: open.title, item };
}

export function readParagraphs(lines: string[]): Paragraph[] {
  const legal = lines.some((line) => matchMarker(line)?.kind === 'article');
  const order = new NumberingOrder();
  const out: Paragraph[] = [];
  let open: Open | undefined;

  const close = () => {
    if (!open) return;
    const { role, text } = open;
    const itemTitle = !ENDS_SENTENCE.test(text) && wordCount(text) <= ITEM_TITLE_WORDS;
    if (role === 'heading') out.push(headingOf(open, false));
    else if (role === 'item' && itemTitle) out.push(headingOf(open, true));
    else out.push({ kind: 'text', text });
    open = undefined;
  };

  const start = (marker: Marker | undefined, role: Open['role'], line: string) => {
    close();
    const awaitingTitle = role === 'heading' && marker?.rest === '';
    // "Chương II." alone: the label stands as the title until the real one arrives.
    const text = awaitingTitle ? (marker?.label ?? line) : line;
    open = { marker, role, text, title: marker?.rest ?? line, awaitingTitle, blankSeen: false };
  };

  for (const line of lines) {
    if (line === '') {
      if (open?.role === 'heading') open.blankSeen = true;
      else close();
      continue;
    }
    const found = matchMarker(line);
    const marker = found && order.accepts(found) ? found : undefined;
    if (open?.awaitingTitle && !marker) {
      open.text = `${open.text}. ${line}`;
      open.title = line;
      open.awaitingTitle = false;
      open.blankSeen = false;
      continue;
    }
    if (marker) order.record(marker);
    const recipients = RECIPIENTS.exec(line);
    if (marker && (HEADING_KINDS.includes(marker.kind) || (!legal && marker.kind === 'roman'))) {
      start(marker, 'heading', line);
    } else if (marker?.kind === 'item' && !legal) start(marker, 'item', line);
    else if (marker) start(marker, 'text', line);
    else if (recipients) {
      close();
      out.push({
        kind: 'heading',
        level: 2,
        title: 'Nơi nhận',
        number: undefined,
        words: 'Nơi nhận',
        item: false,
      });
      if (recipients[1]) start(undefined, 'text', recipients[1]);
    } else if (open?.role === 'heading' && continuesTitle(open, line)) {
      open.text = joinWrapped(open.text, line);
      open.title = joinWrapped(open.title, line);
    } else if (open?.role === 'item' && continuesItem(open, line)) {
      open.text = joinWrapped(open.text, line);
      open.title = joinWrapped(open.title, line);
    } else if (open?.role === 'text' && !(ENDS_SENTENCE.test(open.text) && STARTS_SENTENCE.test(line))) {
      open.text = joinWrapped(open.text, line);
    } else start(undefined, 'text', line);
  }
  close();
  return out;
}
