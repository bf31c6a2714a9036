import { buildDocx, type DocxParagraph } from './docx-writer.ts';
import { buildPdf, type PdfOptions, type PdfPage } from './pdf-writer.ts';

/**
 * A small official-style regulation, invented for the tests (it is no real document and says so), set as
 * Vietnamese official documents are: a header block, centred "Chương" lines with the title on the next
 * line, bold "Điều N." articles, clauses "1." and points "a)", and a "Nơi nhận" block. The PDF edition
 * adds what a printed page adds: a running header, page numbers, lines wrapped at the margin and a
 * paragraph broken across pages.
 */

export const PILOT_ID = 'pilot-ai-rules';
export const PILOT_TITLE = 'Quy định thử nghiệm về sử dụng trợ lý trí tuệ nhân tạo';

type Block = { text: string; kind: 'center' | 'heading' | 'body' };

export function pilotBlocks(storageMonths = 'mười tám tháng'): Block[] {
  const center = (text: string): Block => ({ text, kind: 'center' });
  const heading = (text: string): Block => ({ text, kind: 'heading' });
  const body = (text: string): Block => ({ text, kind: 'body' });
  return [
    center('ĐẢNG CỘNG SẢN VIỆT NAM'),
    center('VĂN PHÒNG THỬ NGHIỆM'),
    center('QUY ĐỊNH'),
    center('về sử dụng trợ lý trí tuệ nhân tạo trong đơn vị thử nghiệm'),
    center('Chương I'),
    center('QUY ĐỊNH CHUNG'),
    heading('Điều 1. Phạm vi điều chỉnh'),
    body(
      'Quy định này hướng dẫn việc sử dụng trợ lý trí tuệ nhân tạo (AI) trong đơn vị thử nghiệm. Văn bản chỉ dùng để kiểm thử phần mềm, không phải văn bản chính thức của cơ quan nào.',
    ),
    heading('Điều 2. Đối tượng áp dụng'),
    body('1. Cán bộ, đảng viên làm việc tại đơn vị thử nghiệm.'),
    body('2. Người lao động theo hợp đồng của đơn vị thử nghiệm.'),
    center('Chương II'),
    center('SỬ DỤNG TRỢ LÝ TRÍ TUỆ NHÂN TẠO'),
    heading('Điều 3. Những việc không được làm khi sử dụng trợ lý trí tuệ nhân tạo'),
    body(
      '1. Không đưa tài liệu có đóng dấu mật vào trợ lý AI công cộng, kể cả khi đã xoá tên người và tên cơ quan.',
    ),
    body('2. Không dùng trợ lý AI để thay thế việc thẩm định của con người đối với:'),
    body('a) Văn bản trình cấp có thẩm quyền;'),
    body('b) Số liệu thống kê chính thức.'),
    heading('Điều 4. Lưu giữ nhật ký sử dụng'),
    body(
      `Đơn vị thử nghiệm lưu giữ nhật ký sử dụng trợ lý AI trong ${storageMonths} để phục vụ việc kiểm tra, đánh giá. Nhật ký ghi thời gian, người sử dụng và mục đích sử dụng, không ghi nội dung câu hỏi.`,
    ),
    body('Nơi nhận:'),
    body('- Các phòng chuyên môn;'),
    body('- Lưu VT.'),
  ];
}

export function pilotDocx(blocks: Block[] = pilotBlocks()): Buffer {
  const paragraphs: DocxParagraph[] = [];
  for (const block of blocks) {
    const previous = paragraphs[paragraphs.length - 1];
    // Word users type a chapter heading as one centred paragraph with a manual line break.
    if (block.kind === 'center' && previous?.text.startsWith('Chương') && !previous.text.includes('\n')) {
      previous.text += `\n${block.text}`;
      continue;
    }
    paragraphs.push({ text: block.text, center: block.kind === 'center', bold: block.kind !== 'body' });
  }
  return buildDocx(paragraphs);
}

// 12-point glyphs are 6 points wide in the writer's font; the text column is 72–523 points.
const LINE_CHARS = 75;
const LINES_PER_PAGE = 11;

function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > LINE_CHARS) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

export function pilotPdf(blocks: Block[] = pilotBlocks(), options: PdfOptions = {}): Buffer {
  const printed = blocks.flatMap((block) =>
    wrap(block.text).map((text) => ({ text, center: block.kind === 'center' })),
  );
  const pages: PdfPage[] = [];
  for (let start = 0; start < printed.length; start += LINES_PER_PAGE) {
    const number = pages.length + 1;
    const lines = printed.slice(start, start + LINES_PER_PAGE).map((line, i) => ({
      text: line.text,
      x: line.center ? Math.round((595 - line.text.length * 6) / 2) : 72,
      y: 760 - i * 18,
    }));
    const furniture = [
      { text: `- ${number} -`, x: 285, y: 40 },
      ...(number > 1 ? [{ text: 'Văn phòng thử nghiệm – Quy định thử nghiệm', x: 72, y: 805, size: 9 }] : []),
    ];
    pages.push({ lines: [...furniture.slice(1), ...lines, ...furniture.slice(0, 1)] });
  }
  return buildPdf(pages, options);
}

export function pilotSidecar(overrides: Record<string, string> = {}): string {
  const fields = {
    id: PILOT_ID,
    title: PILOT_TITLE,
    language: 'vi',
    status: 'official',
    version: '"pilot-2025-01"',
    note: 'Văn bản giả lập cho kiểm thử, không phải văn bản thật.',
    ...overrides,
  };
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `${lines.join('\n')}\nsources:\n  - https://example.org/pilot-ai-rules\n`;
}
