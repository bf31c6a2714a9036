/**
 * Markdown body → citable sections. Level-2 and deeper headings open sections; a section's id comes from
 * the numbering of official documents (I., 1., 1.1., a)) so translations can be aligned by it, and its
 * path is the chain of headings, which is what a citation shows.
 */

export interface Section {
  id: string;
  path: string;
  /** Heading words without numbering, joined: used for search and embeddings. */
  headings: string;
  text: string;
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
// "Chương I", "Điều 5." … or a bare number: upper-case Roman (I.), Arabic (1. or 1.1.) or a point letter (a)).
// Case matters: "Vi phạm" is a word, not part VI.
const KEYWORD_NUMBERING =
  /^(?:Chương|Mục|Điều|Phần|Part|Chapter|Section|Article|Розділ|Стаття)\s+([IVXLC]+|\d+)[.:]?(?:\s+|$)/u;
const BARE_NUMBERING = /^([IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)](?:\s+|$)/u;

/**
 * A heading or a line of text, in reading order: what the Markdown parser below and the recogniser of
 * official-document structure (formats/official-structure.ts) both produce, so sections built from a PDF or
 * DOCX get ids and citation paths exactly as Markdown sections do.
 */
export type SectionBlock =
  | {
      kind: 'heading';
      /** Nesting depth: a heading closes every open heading of the same or a deeper level. 1 is the title. */
      level: number;
      title: string;
      /** Numbering read from the title when not given. */
      number?: string | undefined;
      /** Heading words without numbering; from the title when not given. */
      words?: string | undefined;
    }
  | { kind: 'text'; line: string };

interface OpenHeading {
  level: number;
  title: string;
  number: string;
  words: string;
}

function numberOf(title: string): { number: string | undefined; words: string } {
  const match = KEYWORD_NUMBERING.exec(title) ?? BARE_NUMBERING.exec(title);
  if (!match) return { number: undefined, words: title };
  return { number: match[1], words: title.slice(match[0].length) };
}

/** "1." then "1.1." is section 1.1, not 1.1.1: a number that already spells out its parent replaces it. */
function sectionId(open: OpenHeading[]): string {
  const parts: string[] = [];
  for (const heading of open) {
    const last = parts[parts.length - 1];
    if (last !== undefined && heading.number.startsWith(`${last}.`)) parts[parts.length - 1] = heading.number;
    else parts.push(heading.number);
  }
  return parts.join('.');
}

const stripMarkup = (text: string) => text.replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, '$2');

/** Plain text of Markdown lines: emphasis markers and link targets dropped, paragraphs kept. */
function plain(lines: string[]): string {
  return stripMarkup(lines.join('\n'))
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')

    .replace(/^\s*>\s?/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Blocks → sections: text under the same chain of open headings forms one section; `toText` turns its
 * lines into the section text. A level-1 heading (the document title) closes the text before it and is
 * otherwise skipped. Sections without text are dropped.
 */
export function assembleSections(
  blocks: Iterable<SectionBlock>,
  documentTitle: string,
  toText: (lines: string[]) => string,
): Section[] {
  const sections: Section[] = [];
  const open: OpenHeading[] = [];
  let lines: string[] = [];
  let position = 0;

  const flush = () => {
    const text = toText(lines);
    lines = [];
    if (text === '') return;
    const id = open.length === 0 ? '0' : sectionId(open);
    const path = open.length === 0 ? documentTitle : open.map((h) => h.title).join(' › ');
    const headings = open.map((h) => h.words).join(' ');
    sections.push({ id, path, headings, text });
  };

  for (const block of blocks) {
    if (block.kind === 'text') {
      lines.push(block.line);
      continue;
    }
    flush();
    if (block.level === 1) continue; // the document title, already in the metadata
    position += 1;
    while (open.length > 0 && (open[open.length - 1]?.level ?? 0) >= block.level) open.pop();
    const read = numberOf(block.title);
    open.push({
      level: block.level,
      title: block.title,
      number: block.number ?? read.number ?? `s${position}`,
      words: block.words ?? read.words,
    });
  }
  flush();
  return sections;
}

function* markdownBlocks(body: string): Generator<SectionBlock> {
  for (const line of body.split(/\r?\n/)) {
    const heading = HEADING.exec(line);
    if (heading) {
      yield { kind: 'heading', level: heading[1]?.length ?? 1, title: stripMarkup(heading[2] ?? '').trim() };
    } else yield { kind: 'text', line };
  }
}

export function splitSections(body: string, documentTitle: string): Section[] {
  return assembleSections(markdownBlocks(body), documentTitle, plain);
}
