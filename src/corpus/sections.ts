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
const NUMBERING =
  /^((?:Chương|Mục|Điều|Phần|Part|Chapter|Article|Розділ|Стаття)\s+)?([IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]?\s+/iu;

interface OpenHeading {
  level: number;
  title: string;
  number: string;
}

function numberOf(title: string): { number: string | undefined; words: string } {
  const match = NUMBERING.exec(title);
  if (!match) return { number: undefined, words: title };
  return { number: match[2], words: title.slice(match[0].length) };
}

/** Plain text of Markdown lines: emphasis markers and link targets dropped, paragraphs kept. */
function plain(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, '$2')
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
    const id = open.length === 0 ? '0' : open.map((h) => h.number).join('.');
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
    const title = (heading[2] ?? '').trim();
    if (level === 1) continue; // the document title, already in the front matter
    position += 1;
    while (open.length > 0 && (open[open.length - 1]?.level ?? 0) >= level) open.pop();
    open.push({ level, title, number: numberOf(title).number ?? `s${position}` });
  }
  flush();
  return sections;
}
