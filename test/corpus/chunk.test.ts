import { describe, expect, it } from 'vitest';
import { chunkSections } from '../../src/corpus/chunk.ts';
import type { Section } from '../../src/corpus/sections.ts';

const sentence = (n: number) =>
  `Câu ${n}: cán bộ không được đưa thông tin bí mật nhà nước vào nền tảng AI công cộng.`;
const LONG = Array.from({ length: 12 }, (_, p) => [0, 1, 2].map((s) => sentence(p * 3 + s)).join(' ')).join(
  '\n\n',
);

const SECTIONS: Section[] = [
  { id: 'IV.1', path: 'IV › 1', headings: 'Những điều cấm', text: LONG },
  { id: 'IV.2', path: 'IV › 2', headings: 'Dữ liệu cá nhân', text: 'Không cung cấp DỮ LIỆU cá nhân.' },
  { id: 'V.1', path: 'V › 1', headings: 'Phân loại', text: 'Phân loại thông tin trước khi dùng AI.' },
];

const chunk = (sections = SECTIONS) => chunkSections('cpo', 'vi', sections);

describe('chunkSections', () => {
  it('splits a long section into chunks of at most 600 characters, numbered from 0', async () => {
    const chunks = (await chunk()).filter((c) => c.sectionId === 'IV.1');
    expect(LONG.length).toBeGreaterThan(1800);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((c) => c.ordinal)).toEqual(chunks.map((_, i) => i));
    for (const c of chunks) expect(c.content.length).toBeLessThanOrEqual(600);
  });

  it('keys chunks document/language/section/ordinal and keeps the section path', async () => {
    const chunks = await chunk();
    expect(chunks.map((c) => c.chunkKey)).toContain('cpo/vi/IV.1/2');
    expect(chunks.filter((c) => c.sectionId !== 'IV.1').map((c) => [c.chunkKey, c.sectionPath])).toEqual([
      ['cpo/vi/IV.2/0', 'IV › 2'],
      ['cpo/vi/V.1/0', 'V › 1'],
    ]);
  });

  it('never mixes the text of two sections in one chunk', async () => {
    for (const c of await chunk()) {
      const own = SECTIONS.find((s) => s.id === c.sectionId);
      expect(own?.text.replace(/\s+/g, ' ')).toContain(c.content.replace(/\s+/g, ' '));
    }
  });

  it('gives the same keys and hashes for the same input', async () => {
    const keysAndHashes = async () => (await chunk()).map((c) => [c.chunkKey, c.contentHash]);
    expect(await keysAndHashes()).toEqual(await keysAndHashes());
  });

  it('changes only the hashes of the section whose text changed', async () => {
    const before = new Map((await chunk()).map((c) => [c.chunkKey, c.contentHash]));
    const edited = SECTIONS.map((s) =>
      s.id === 'IV.2' ? { ...s, text: 'Không cung cấp dữ liệu sinh trắc.' } : s,
    );
    const after = new Map((await chunk(edited)).map((c) => [c.chunkKey, c.contentHash]));
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...after].filter(([key, hash]) => before.get(key) !== hash).map(([key]) => key);
    expect(changed).toEqual(['cpo/vi/IV.2/0']);
  });

  it('folds the search text (headings and content) and embeds the headings with the content', async () => {
    const c = (await chunk()).find((x) => x.sectionId === 'IV.2');
    expect(c?.searchText).toBe('du lieu ca nhan khong cung cap du lieu ca nhan');
    expect(c?.embeddingInput).toBe('Dữ liệu cá nhân\nKhông cung cấp DỮ LIỆU cá nhân.');
  });

  it('gives no chunks for no sections', async () => {
    expect(await chunk([])).toEqual([]);
  });
});
