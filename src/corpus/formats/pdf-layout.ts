/**
 * Positioned text pieces of one PDF page → its lines in reading order, with a blank line where the layout
 * shows a paragraph ends: a line that stops well before the right margin (the last line of a paragraph,
 * a heading) or a gap between lines clearly wider than the page's usual line spacing. The recogniser
 * joins the other line breaks by what the text says.
 */

export interface PositionedText {
  str: string;
  /** Left end of the baseline, in PDF points from the bottom left. */
  x: number;
  y: number;
  width: number;
  /** Font size, in points. */
  size: number;
}

interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

// A line ending before 70% of the text width is a paragraph's last line or a heading, never a wrapped one
// (ragged-right text stays well above that).
const SHORT_LINE = 0.7;
// A gap this many times the page's median line spacing separates paragraphs.
const WIDE_GAP = 1.8;
// Pieces on one baseline further apart than this many font sizes are two columns (the document header).
const COLUMN_GAP = 4;

function toLines(pieces: PositionedText[]): Line[] {
  const sorted = pieces.filter((p) => p.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PositionedText[][] = [];
  for (const piece of sorted) {
    const row = rows[rows.length - 1];
    const anchor = row?.[0];
    if (row && anchor && Math.abs(anchor.y - piece.y) <= 0.4 * Math.max(anchor.size, piece.size))
      row.push(piece);
    else rows.push([piece]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let line: Line | undefined;
    for (const piece of row) {
      const gap = line ? piece.x - line.right : 0;
      if (!line || gap > COLUMN_GAP * piece.size) {
        line = { text: piece.str, left: piece.x, right: piece.x + piece.width, y: piece.y, size: piece.size };
        lines.push(line);
        continue;
      }
      const spaced = /\s$/.test(line.text) || /^\s/.test(piece.str) || gap < 0.15 * piece.size;
      line.text += spaced ? piece.str : ` ${piece.str}`;
      line.right = Math.max(line.right, piece.x + piece.width);
    }
  }
  return lines;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The page's text: one line per printed line, a blank line after each paragraph the layout shows. */
export function layoutPage(pieces: PositionedText[]): string {
  const lines = toLines(pieces);
  if (lines.length === 0) return '';
  const left = Math.min(...lines.map((l) => l.left));
  const right = Math.max(...lines.map((l) => l.right));
  const gaps = lines.slice(1).map((line, i) => (lines[i] as Line).y - line.y);
  const usualGap = median(gaps.filter((gap) => gap > 0));
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line.text);
    const gap = gaps[i];
    if (gap === undefined) return;
    const short = line.right < left + SHORT_LINE * (right - left);
    if (short || (usualGap > 0 && gap > WIDE_GAP * usualGap)) out.push('');
  });
  return out.join('\n');
}
