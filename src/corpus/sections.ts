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

interface OpenHeading {
  level: number;
  title: string;
  number: string;
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

export function splitSections(body: string, documentTitle: string): Section[] {
  const sections: Section[] = [];
  const open: OpenHeading[] = [];
  let lines: string[] = [];
  let position = 0;

  const flush = () => {
    const text = plain(lines);
    lines = [];
    if (text === '') return;
    const id = open.length === 0 ? '0' : sectionId(open);
    const path = open.length === 0 ? documentTitle : open.map((h) => h.title).join(' › ');
    const headings = open.map((h) => numberOf(h.title).words).join(' ');
    sections.push({ id, path, headings, text });
  };

  for (const line of body.split(/\r?\n/)) {
    const heading = HEADING.exec(line);
    if (!heading) {
      lines.push(line);
      continue;
    }
    flush();
    const level = heading[1]?.length ?? 1;
    const title = stripMarkup(heading[2] ?? '').trim();
    if (level === 1) continue; // the document title, already in the front matter
    position += 1;
    while (open.length > 0 && (open[open.length - 1]?.level ?? 0) >= level) open.pop();
    open.push({ level, title, number: numberOf(title).number ?? `s${position}` });
  }
  flush();
  return sections;
}
