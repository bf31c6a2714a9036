import { describe, expect, it } from 'vitest';
import { splitSections } from '../../src/corpus/sections.ts';

const TITLE = 'Hướng dẫn sử dụng AI';

const GUIDANCE = `# ${TITLE}

Lời mở đầu của bản tóm lược.

## I. Thông tin chung

Phần I có đoạn mở đầu.

### 1. Tên văn bản

Đoạn của mục I.1.

### 2. Đối tượng áp dụng

Đoạn của mục I.2.

## IV. Những điều không được làm

### 1. Không cung cấp bí mật nhà nước

Đoạn của mục IV.1.
`;

const ids = (body: string) => splitSections(body, TITLE).map((s) => s.id);

describe('splitSections', () => {
  it('numbers sections by their Roman and Arabic headings and joins the heading path with ›', () => {
    expect(splitSections(GUIDANCE, TITLE).map(({ id, path }) => [id, path])).toEqual([
      ['0', TITLE],
      ['I', 'I. Thông tin chung'],
      ['I.1', 'I. Thông tin chung › 1. Tên văn bản'],
      ['I.2', 'I. Thông tin chung › 2. Đối tượng áp dụng'],
      ['IV.1', 'IV. Những điều không được làm › 1. Không cung cấp bí mật nhà nước'],
    ]);
  });

  it('puts text before the first level-2 heading in section 0 and skips the level-1 heading', () => {
    const [first] = splitSections(GUIDANCE, TITLE);
    expect(first).toEqual({ id: '0', path: TITLE, headings: '', text: 'Lời mở đầu của bản tóm lược.' });
  });

  it('keeps the heading words without their numbering for search', () => {
    const section = splitSections(GUIDANCE, TITLE).find((s) => s.id === 'IV.1');
    expect(section?.headings).toBe('Những điều không được làm Không cung cấp bí mật nhà nước');
  });

  it.each([
    ['## Điều 5. Phạm vi điều chỉnh', '5'],
    ['## Article 12. Scope', '12'],
    ['## Chương II NHỮNG QUY ĐỊNH CHUNG', 'II'],
    ['## 2.3. Phân loại', '2.3'],
    ['## a) Thông tin nội bộ', 'a'],
    ['## Ghi chú', 's1'],
  ])('gives the heading %j the id %j', (heading, id) => {
    expect(ids(`${heading}\n\nNội dung.`)).toEqual([id]);
  });

  it('numbers unnumbered headings by their position among headings', () => {
    expect(ids('## I. Phần một\n\nA.\n\n### Ghi chú\n\nB.\n\n## Phụ lục\n\nC.')).toEqual(['I', 'I.s2', 's3']);
  });

  it.each([
    ['**in đậm** và __cũng đậm__', 'in đậm và cũng đậm'],
    ['*nghiêng* và _nghiêng_', 'nghiêng và nghiêng'],
    ['xem [Hướng dẫn](https://example.org/hd) này', 'xem Hướng dẫn này'],
    ['> trích dẫn', 'trích dẫn'],
  ])('strips the markup of %j', (markdown, text) => {
    expect(splitSections(`## 1. Mục\n\n${markdown}`, TITLE)[0]?.text).toBe(text);
  });

  it('drops sections without text, such as a part whose heading is followed directly by a subheading', () => {
    expect(ids('## I. Phần\n\n### 1. Mục\n\nNội dung.\n\n### 2. Trống\n\n\n')).toEqual(['I.1']);
  });

  it('gives no sections for an empty body', () => {
    expect(splitSections('\n\n', TITLE)).toEqual([]);
  });

  it('does not read the word "Vi" in "Vi phạm và xử lý" as a Roman numeral', () => {
    expect(ids('## Vi phạm và xử lý\n\nNội dung.')).toEqual(['s1']);
  });

  it.each([
    ['## 1. A\n\n### 1.1. B\n\nz', ['1.1']],
    ['## IV. A\n\n### 1. B\n\n#### 1.1. C\n\nz', ['IV.1.1']],
    ['## Chương I\n\nz', ['I']],
    ['## **IV.** Bold\n\nz', ['IV']],
  ])('numbers %j as %j', (body, expected) => {
    expect(ids(body)).toEqual(expected);
  });
});
