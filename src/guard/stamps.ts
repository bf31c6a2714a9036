import type { RawHit } from './patterns.ts';
import { fitsDiacritics, isLowerCase, isUpperCase, letterKey, type TextView } from './view.ts';

/*
 * State-secret classification marks (Law on Protection of State Secrets 2018: Tuyệt mật, Tối mật, Mật).
 *
 * The rule: a level counts only as a *marking*, never as a word in a sentence. A marking is
 *   1. a labelled level — "Độ mật: Mật", "ĐỘ MẬT – TỐI MẬT", "mức độ mật: tuyệt mật" (any case);
 *   2. a level in brackets — "(MẬT)", "[Tối mật]", "【TUYỆT MẬT】" — unless written all lower-case;
 *   3. an upper-case level standing alone in its line or in a column of it (cut at a tab or a run of 2+
 *      spaces, as PDF extraction leaves the stamp box beside the header), optionally boxed (brackets, box
 *      drawing, `*`, `=`) and joined with urgency marks ("MẬT – KHẨN"); also letter-spaced ("M Ậ T").
 * "BÍ MẬT NHÀ NƯỚC" counts under 2 and 3 like a level. Urgency marks alone (KHẨN, THƯỢNG KHẨN, HỎA TỐC)
 * are not secrecy marks. Every letter must be spelled as in the mark or without diacritics, so "MẶT TRẬN"
 * (front) or "MẤT" (lose) never match though they fold to "mat". A sentence about secrets ("bí mật nhà nước
 * là gì?", "thông tin mật có được đưa vào AI không?", "bảo mật", "mật khẩu") has no label, no brackets and
 * is not alone in its line, so it passes; so does a list of the levels in sentence case ("- Tối mật").
 */

const spaced = (word: string): string => [...word].join('[ .]?');
const TWO_WORD_LEVEL = `(?:${spaced('tuyet')}|${spaced('toi')})[ .\\t]*${spaced('mat')}`;
const LEVEL = `(?:${TWO_WORD_LEVEL}|${spaced('mat')}|bi\\s+mat\\s+nha\\s+nuoc)`;
const L = '(?<![\\p{L}\\p{N}_])';
const R = '(?![\\p{L}\\p{N}_])';
const URGENCY = '(?:thuong\\s+khan|hoa\\s+toc(?:\\s+hen\\s+gio)?|khan)';
const BOX = '[\\s\\[\\](){}【】〔〕«»*=_#|~<>\\u2500-\\u257F]';
const JOIN = '[\\s,;/|\\-–—]';

const LABELLED = new RegExp(`${L}((?:muc\\s+)?do\\s+mat)\\s*[:：\\-–—]\\s*(${LEVEL})${R}`, 'giud');
const BRACKETED = new RegExp(`[\\[(【〔]\\s*(${LEVEL})\\s*[\\])】〕]`, 'giud');
const ALONE = new RegExp(`^${BOX}*(?:${URGENCY}${JOIN}+)*(${LEVEL})(?:${JOIN}+${URGENCY})*${BOX}*$`, 'id');
const COLUMN_GAP = /\t| {2,}/g;

const CANONICAL: Record<string, string> = {
  tuyetmat: 'tuyệt mật',
  toimat: 'tối mật',
  mat: 'mật',
  bimatnhanuoc: 'bí mật nhà nước',
  domat: 'độ mật',
  mucdomat: 'mức độ mật',
};

/** The original text of a view span when it spells a mark (diacritics as in the mark or none at all). */
function markText(view: TextView, start: number, end: number): string | undefined {
  const span = view.toOriginal(start, end);
  const text = view.original.slice(span.start, span.end);
  const canonical = CANONICAL[letterKey(text)];
  return canonical !== undefined && fitsDiacritics(text, canonical) ? text : undefined;
}

function hit(view: TextView, start: number, end: number): RawHit {
  return { category: 'state_secret', ...view.toOriginal(start, end), strong: true };
}

function labelled(view: TextView): RawHit[] {
  const hits: RawHit[] = [];
  for (const match of view.folded.matchAll(LABELLED)) {
    const [label, level] = [match.indices?.[1], match.indices?.[2]];
    if (!label || !level || !markText(view, ...label) || !markText(view, ...level)) continue;
    hits.push(hit(view, match.index, match.index + match[0].length));
  }
  return hits;
}

function bracketed(view: TextView): RawHit[] {
  const hits: RawHit[] = [];
  for (const match of view.folded.matchAll(BRACKETED)) {
    const level = match.indices?.[1];
    const text = level && markText(view, ...level);
    if (!text || isLowerCase(text)) continue;
    hits.push(hit(view, match.index, match.index + match[0].length));
  }
  return hits;
}

/** Lines and their columns, as [start, end) spans of the view. */
function columns(folded: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const line of folded.matchAll(/[^\r\n]+/g)) {
    spans.push([line.index, line.index + line[0].length]);
    let from = line.index;
    for (const gap of line[0].matchAll(COLUMN_GAP)) {
      spans.push([from, line.index + gap.index]);
      from = line.index + gap.index + gap[0].length;
    }
    if (from > line.index) spans.push([from, line.index + line[0].length]);
  }
  return spans;
}

function alone(view: TextView): RawHit[] {
  const hits: RawHit[] = [];
  for (const [start, end] of columns(view.folded)) {
    const level = ALONE.exec(view.folded.slice(start, end))?.indices?.[1];
    if (!level) continue;
    const text = markText(view, start + level[0], start + level[1]);
    if (text && isUpperCase(text)) hits.push(hit(view, start + level[0], start + level[1]));
  }
  return hits;
}

export function findStateSecrets(view: TextView): RawHit[] {
  return [...labelled(view), ...bracketed(view), ...alone(view)];
}

const HEADER = /cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam|dang\s+cong\s+san\s+viet\s+nam/gi;
const MOTTO = /doc\s+lap\s*[-–—]\s*tu\s+do\s*[-–—]\s*hanh\s+phuc/i;
const NUMBER_LINE = /(?:^|\n)[^\S\n]*so\s*:[^\n/]{0,15}\/\s*[\p{L}\p{N}.…]/iu;
const ADDRESSEE = /(?<![\p{L}\p{N}])kinh\s+gui(?![\p{L}\p{N}])/iu;
const RECIPIENTS = /(?<![\p{L}\p{N}])noi\s+nhan\s*:/iu;

/**
 * An official document: the upper-case national or Party header (or the national motto) together with a
 * document number line ("Số: 12/QĐ-…") or an addressee ("Kính gửi"), or all three body markers without a
 * header. A question that merely names one of them passes.
 */
export function looksLikeOfficialDocument(view: TextView): boolean {
  const headed =
    MOTTO.test(view.folded) ||
    [...view.folded.matchAll(HEADER)].some((m) => {
      const span = view.toOriginal(m.index, m.index + m[0].length);
      return isUpperCase(view.original.slice(span.start, span.end));
    });
  const markers = [NUMBER_LINE, ADDRESSEE, RECIPIENTS].filter((re) => re.test(view.folded)).length;
  return (headed && markers > 0) || markers === 3;
}
