import { describe, expect, it } from 'vitest';
import { recogniseSections } from '../../src/corpus/formats/official-structure.ts';
import { documentLines } from '../../src/corpus/formats/page-text.ts';

const TITLE = 'Văn bản thử';
const sections = (text: string) => recogniseSections(text, TITLE);
const paths = (text: string) => sections(text).map(({ id, path }) => [id, path]);
const textOf = (text: string, id: string) => sections(text).find((s) => s.id === id)?.text;

describe('recogniseSections: legal documents (Phần / Chương / Mục / Điều)', () => {
  it('cites Chương › Điều with the chapter title taken from the next line', () => {
    const text = [
      'QUY ĐỊNH',
      'Chương I',
      'QUY ĐỊNH CHUNG',
      'Điều 1. Phạm vi điều chỉnh',
      'Quy định này áp dụng cho cơ quan thử.',
      'Chương II',
      'SỬ DỤNG AI',
      'Điều 2. Việc không được làm',
      'Không đưa tài liệu mật vào AI.',
    ].join('\n');
    expect(paths(text)).toEqual([
      ['0', TITLE],
      ['I.1', 'Chương I. QUY ĐỊNH CHUNG › Điều 1. Phạm vi điều chỉnh'],
      ['II.2', 'Chương II. SỬ DỤNG AI › Điều 2. Việc không được làm'],
    ]);
    expect(sections(text)[2]?.headings).toBe('SỬ DỤNG AI Việc không được làm');
  });

  it.each([
    ['Chương II: NHỮNG QUY ĐỊNH CHUNG', 'Chương II: NHỮNG QUY ĐỊNH CHUNG', 'II'],
    ['CHƯƠNG 2. NHỮNG QUY ĐỊNH CHUNG', 'CHƯƠNG 2. NHỮNG QUY ĐỊNH CHUNG', '2'],
    ['Phần thứ hai\nNHỮNG QUY ĐỊNH CỤ THỂ', 'Phần thứ hai. NHỮNG QUY ĐỊNH CỤ THỂ', '2'],
    ['PHẦN I\nQUY ĐỊNH CHUNG', 'PHẦN I. QUY ĐỊNH CHUNG', 'I'],
    ['Mục 1. THU THẬP DỮ LIỆU', 'Mục 1. THU THẬP DỮ LIỆU', '1'],
    ['ĐIỀU 3. PHẠM VI', 'ĐIỀU 3. PHẠM VI', '3'],
    ['Điều 3.\nPhạm vi điều chỉnh', 'Điều 3. Phạm vi điều chỉnh', '3'],
  ])('reads the heading %j as %j (id %j)', (heading, path, id) => {
    expect(paths(`${heading}\nNội dung của phần này.`)).toEqual([[id, path]]);
  });

  it('nests Mục between Chương and Điều, and restarts Mục in each chapter', () => {
    const text =
      'Chương I\nCHUNG\nMục 1. NGUYÊN TẮC\nĐiều 1. Một\nA.\nMục 2. TRÁCH NHIỆM\nĐiều 2. Hai\nB.\nChương II\nRIÊNG\nMục 1. THỰC HIỆN\nĐiều 3. Ba\nC.';
    expect(sections(text).map((s) => s.id)).toEqual(['I.1.1', 'I.2.2', 'II.1.3']);
  });

  it('keeps clauses "1." and points "a)" as paragraphs of their article', () => {
    const text =
      'Điều 5. Những việc không được làm\n1. Không đưa tài liệu mật vào AI:\na) Tài liệu mật;\nb) Dữ liệu cá nhân.\n2. Không dùng AI thay con người.';
    expect(sections(text)).toEqual([
      {
        id: '5',
        path: 'Điều 5. Những việc không được làm',
        headings: 'Những việc không được làm',
        text: '1. Không đưa tài liệu mật vào AI:\n\na) Tài liệu mật;\n\nb) Dữ liệu cá nhân.\n\n2. Không dùng AI thay con người.',
      },
    ]);
  });

  it('continues a wrapped article title and joins lines wrapped inside a sentence', () => {
    const text =
      'Điều 7. Trách nhiệm của cơ quan, tổ chức trong việc khai thác, sử dụng\ntrí tuệ nhân tạo\nCơ quan phải kiểm tra kết quả do AI tạo ra trước khi\nđưa vào văn bản của Đảng và\nNhà nước.';
    expect(sections(text)).toEqual([
      expect.objectContaining({
        path: 'Điều 7. Trách nhiệm của cơ quan, tổ chức trong việc khai thác, sử dụng trí tuệ nhân tạo',
        text: 'Cơ quan phải kiểm tra kết quả do AI tạo ra trước khi đưa vào văn bản của Đảng và Nhà nước.',
      }),
    ]);
  });

  it('rejoins a word hyphenated at the line end', () => {
    expect(textOf('Điều 1. Thuật ngữ\nTrí tuệ nhân tạo (artifi-\ncial intelligence) là hệ thống.', '1')).toBe(
      'Trí tuệ nhân tạo (artificial intelligence) là hệ thống.',
    );
  });

  it('reads "Điều 5" without its period, or out of order, at a line start as a wrapped reference', () => {
    const text =
      'Điều 1. Phạm vi\nTheo quy định tại\nĐiều 5 Luật Bảo vệ bí mật nhà nước và\n2. Điều 9. Điều này.';
    expect(sections(text)).toEqual([
      expect.objectContaining({
        id: '1',
        text: 'Theo quy định tại Điều 5 Luật Bảo vệ bí mật nhà nước và 2. Điều 9. Điều này.',
      }),
    ]);
  });

  it('puts the recipients block in its own section instead of the last article', () => {
    const text = 'Điều 9. Hiệu lực\nCó hiệu lực từ ngày ký.\nNơi nhận:\n- Các ban đảng;\n- Lưu VT.';
    expect(paths(text)).toEqual([
      ['9', 'Điều 9. Hiệu lực'],
      ['s2', 'Nơi nhận'],
    ]);
    expect(textOf(text, '9')).toBe('Có hiệu lực từ ngày ký.');
  });

  it('keeps an article without text, with its title as its text', () => {
    expect(sections('Điều 6. (Bãi bỏ)\nĐiều 7. Hiệu lực\nTừ ngày ký.').map((s) => [s.id, s.text])).toEqual([
      ['6', 'Điều 6. (Bãi bỏ)'],
      ['7', 'Từ ngày ký.'],
    ]);
  });
});

describe('recogniseSections: guidance documents (I. / 1. / 1.1. / a))', () => {
  const GUIDANCE = [
    'HƯỚNG DẪN',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
    'Giúp cán bộ dùng AI đúng cách.',
    '2. Yêu cầu',
    'a) Tuân thủ quy định bảo vệ bí mật nhà nước;',
    'b) Kiểm tra lại kết quả.',
    'II. NHỮNG ĐIỀU KHÔNG ĐƯỢC LÀM',
    '1. Không đưa bí mật nhà nước vào AI công cộng.',
    '2. Không dùng AI để quyết định thay con người',
    'III. TỔ CHỨC THỰC HIỆN',
    '1. Văn phòng',
    '1.1. Theo dõi',
    'Văn phòng theo dõi việc thực hiện.',
    '1.2 Tổng hợp',
    'Văn phòng tổng hợp báo cáo.',
  ].join('\n');

  it('cites Roman parts › items with titles › dotted items', () => {
    expect(paths(GUIDANCE)).toEqual([
      ['0', TITLE],
      ['I.1', 'I. MỤC ĐÍCH, YÊU CẦU › 1. Mục đích'],
      ['I.2', 'I. MỤC ĐÍCH, YÊU CẦU › 2. Yêu cầu'],
      ['II', 'II. NHỮNG ĐIỀU KHÔNG ĐƯỢC LÀM'],
      ['III.1.1', 'III. TỔ CHỨC THỰC HIỆN › 1. Văn phòng › 1.1. Theo dõi'],
      ['III.1.2', 'III. TỔ CHỨC THỰC HIỆN › 1. Văn phòng › 1.2 Tổng hợp'],
    ]);
  });

  it('keeps items that are sentences as paragraphs, even one without a final period', () => {
    expect(textOf(GUIDANCE, 'II')).toBe(
      '1. Không đưa bí mật nhà nước vào AI công cộng.\n\n2. Không dùng AI để quyết định thay con người',
    );
    expect(textOf(GUIDANCE, 'I.2')).toBe(
      'a) Tuân thủ quy định bảo vệ bí mật nhà nước;\n\nb) Kiểm tra lại kết quả.',
    );
  });

  it('does not read words such as "Vi phạm" or "Mục tiêu" as numbering', () => {
    expect(paths('I. CHUNG\nMục tiêu là an toàn.\nVi. phạm\nVi phạm bị xử lý.')).toEqual([['I', 'I. CHUNG']]);
  });
});

describe('documentLines: page furniture and normal forms', () => {
  const page = (n: number, body: string) => `VĂN PHÒNG THỬ NGHIỆM\n${body}\n- ${n} -`;

  it('removes a running header repeated on the pages and the page numbers', () => {
    const text = [
      page(1, 'Điều 1. Một\nDòng một'),
      page(2, 'dòng hai'),
      page(3, 'Điều 2. Hai\nDòng ba'),
    ].join('\f');
    expect(documentLines(text)).toEqual(['Điều 1. Một', 'Dòng một', 'dòng hai', 'Điều 2. Hai', 'Dòng ba']);
  });

  it.each([['3'], ['- 3 -'], ['Trang 3'], ['Trang 3/10'], ['3/10'], ['Page 3 of 10']])(
    'removes the page number %j at a page edge',
    (number) => {
      expect(documentLines(`Nội dung một.\n${number}\fNội dung hai.`)).toEqual([
        'Nội dung một.',
        'Nội dung hai.',
      ]);
    },
  );

  it('keeps a number inside the page and a heading repeated at the top of pages', () => {
    const text = 'Chương 2\nMột.\n12\nHai.\nBa.\fChương 3\nBốn.';
    expect(documentLines(text, (line) => line.startsWith('Chương'))).toEqual([
      'Chương 2',
      'Một.',
      '12',
      'Hai.',
      'Ba.',
      'Chương 3',
      'Bốn.',
    ]);
  });

  it('turns decomposed (NFD) Vietnamese into NFC, spells out ligatures and drops soft hyphens', () => {
    const [line] = documentLines('Điều 1. Không được đưa bí mật'.normalize('NFD'));
    expect(line).toBe('Điều 1. Không được đưa bí mật');
    expect(line?.length).toBe('Điều 1. Không được đưa bí mật'.normalize('NFC').length);
    expect(documentLines('ﬁle của Văn phòng, trí tu\u00ad\nệ')).toEqual(['file của Văn phòng, trí tuệ']);
  });

  it('finds an NFD heading once the text is NFC', () => {
    expect(paths('Chương I\nCHUNG\nĐiều 1. Phạm vi\nNội dung.'.normalize('NFD'))[0]).toEqual([
      'I.1',
      'Chương I. CHUNG › Điều 1. Phạm vi',
    ]);
  });
});
