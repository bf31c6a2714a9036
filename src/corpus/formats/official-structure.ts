import type { Section, SectionBlock } from '../sections.ts';
import { assembleSections } from '../sections.ts';
import { looksLikeHeading } from './official-headings.ts';
import { type Paragraph, readParagraphs } from './official-paragraphs.ts';
import { documentLines } from './page-text.ts';

/**
 * A heading with neither text nor subheadings before the next heading of its level would vanish (sections
 * without text are dropped), and the words of an official text must never vanish: an item that only looked
 * like a title ("1. Không dùng AI công cộng" without a final period) becomes a paragraph again, and any
 * other empty heading ("Điều 7. (Bãi bỏ)") keeps its title as its text.
 */
function keepEmptyHeadings(paragraphs: Paragraph[]): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  paragraphs.forEach((paragraph, i) => {
    if (paragraph.kind === 'text') {
      blocks.push({ kind: 'text', line: paragraph.text });
      return;
    }
    const next = paragraphs[i + 1];
    const empty = next === undefined || (next.kind === 'heading' && next.level <= paragraph.level);
    if (empty && paragraph.item) {
      blocks.push({ kind: 'text', line: paragraph.title });
      return;
    }
    blocks.push({ ...paragraph, kind: 'heading' });
    if (empty) blocks.push({ kind: 'text', line: paragraph.title });
  });
  return blocks;
}

/**
 * Text extracted from an official PDF or DOCX (pages separated by \f) → the same citable sections that
 * splitSections makes of Markdown: ids from the numbering ("II.5" for Chương II, Điều 5), paths from the
 * heading chain ("Chương II. … › Điều 5. …"), paragraphs separated by blank lines.
 */
export function recogniseSections(text: string, documentTitle: string): Section[] {
  const paragraphs = readParagraphs(documentLines(text, looksLikeHeading));
  return assembleSections(keepEmptyHeadings(paragraphs), documentTitle, (lines) => lines.join('\n\n'));
}
