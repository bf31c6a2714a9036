/**
 * Plain text extracted from a PDF or DOCX → clean lines in reading order. Pages are separated by form feeds
 * (\f, as pdftotext writes them); what the page layout adds and the document does not say is removed: running
 * headers and footers repeated on many pages, lone page numbers at the top or bottom of a page. Text is NFC
 * (PDF extractors often return decomposed Vietnamese), ligatures are spelled out, soft hyphens dropped.
 * A blank line ('') marks a certain paragraph break; the recogniser decides the others.
 */

// At most this many lines at each end of a page are page furniture candidates.
const EDGE_LINES = 2;
const PAGE_NUMBER =
  /^(?:[-–—(]\s*)?\d{1,4}(?:\s*[-–—)])?$|^(?:trang|page|стор(?:інка)?\.?)\s*\d{1,4}(?:\s*(?:\/|of|trên|з)\s*\d{1,4})?$|^\d{1,4}\s*\/\s*\d{1,4}$/iu;
const LIGATURES: Record<string, string> = { ﬀ: 'ff', ﬁ: 'fi', ﬂ: 'fl', ﬃ: 'ffi', ﬄ: 'ffl', ﬅ: 'st', ﬆ: 'st' };

function cleanLine(line: string): string {
  return line
    .normalize('NFC')
    .replace(/[ﬀ-ﬆ]/g, (ligature) => LIGATURES[ligature] ?? ligature)
    .replace(/[\u00a0\u2000-\u200a\u202f\u3000\t]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Indexes of the first and last few non-blank lines of a page. */
function edgeIndexes(lines: string[]): number[] {
  const filled = lines.flatMap((line, i) => (line === '' ? [] : [i]));
  return [...new Set([...filled.slice(0, EDGE_LINES), ...filled.slice(-EDGE_LINES)])];
}

// A running header differs between pages at most by its page number, so that number is not part of the key.
const furnitureKey = (line: string) => line.toLowerCase().replace(/\d+(?:\s*\/\s*\d+)?\s*$/, '#');

/**
 * Keys of lines that sit at a page edge on at least half of the pages (and on two at least): a running
 * header or footer. `isStructure` protects headings ("Chương 2" at the top of two pages is not a header).
 */
function repeatedEdgeLines(pages: string[][], isStructure: (line: string) => boolean): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(
      edgeIndexes(lines)
        .map((i) => lines[i] as string)
        .filter((l) => !isStructure(l)),
    );
    for (const key of new Set([...keys].map(furnitureKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, count]) => count >= threshold).map(([key]) => key));
}

/**
 * The document's lines, page furniture removed, pages joined. A soft hyphen at a line end is dropped and the
 * word rejoined here; ordinary hyphens are left to the recogniser, which knows whether a sentence goes on.
 */
export function documentLines(text: string, isStructure: (line: string) => boolean = () => false): string[] {
  const pages = text
    .replace(/\r\n?/g, '\n')
    .split('\f')
    .map((page) =>
      page
        .replace(/\u00ad\n/g, '')
        .replace(/\u00ad/g, '')
        .split('\n')
        .map(cleanLine),
    );
  const repeated = pages.length > 1 ? repeatedEdgeLines(pages, isStructure) : new Set<string>();
  const lines: string[] = [];
  for (const page of pages) {
    const edges = new Set(edgeIndexes(page));
    page.forEach((line, i) => {
      const furniture =
        edges.has(i) && !isStructure(line) && (PAGE_NUMBER.test(line) || repeated.has(furnitureKey(line)));
      if (furniture) return;
      if (line === '' && (lines.length === 0 || lines[lines.length - 1] === '')) return;
      lines.push(line);
    });
  }
  while (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
