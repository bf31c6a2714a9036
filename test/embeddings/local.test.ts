import { describe, expect, it } from 'vitest';
import { LocalHashEmbeddings } from '../../src/embeddings/local.ts';

const embedder = new LocalHashEmbeddings(256);
const embed = (text: string) => embedder.embedQuery(text);
const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
const norm = (v: number[]) => Math.hypot(...v);

const TEXT = 'Không được đưa thông tin bí mật nhà nước vào nền tảng AI công cộng';

describe('LocalHashEmbeddings', () => {
  it('embeds the same text to the same vector every time, across instances', async () => {
    expect(await new LocalHashEmbeddings(256).embedQuery(TEXT)).toEqual(await embed(TEXT));
  });

  it('embeds documents and queries alike', async () => {
    expect(await embedder.embedDocuments([TEXT, 'AI'])).toEqual([await embed(TEXT), await embed('AI')]);
  });

  it.each([16, 256, 1024])('returns a unit vector of the requested dimension %i', async (dimensions) => {
    const vector = await new LocalHashEmbeddings(dimensions).embedQuery(TEXT);
    expect(vector).toHaveLength(dimensions);
    expect(norm(vector)).toBeCloseTo(1, 10);
  });

  it.each([
    ['without tone marks', 'Khong duoc dua thong tin bi mat nha nuoc vao nen tang AI cong cong'],
    ['in upper case', TEXT.toUpperCase()],
    ['decomposed (NFD)', TEXT.normalize('NFD')],
  ])('embeds the text %s identically', async (_form, variant) => {
    expect(await embed(variant)).toEqual(await embed(TEXT));
  });

  it('puts a paraphrase sharing words closer than an unrelated sentence', async () => {
    const query = await embed(TEXT);
    const paraphrase = await embed('Cán bộ không đưa bí mật nhà nước lên AI công cộng');
    const unrelated = await embed('Thời tiết Hà Nội hôm nay nắng đẹp');
    expect(cosine(query, paraphrase)).toBeGreaterThan(cosine(query, unrelated) + 0.3);
  });

  it.each(['', '   ', '?!'])('gives a finite vector for %j, which has no words', async (text) => {
    const vector = await embed(text);
    expect(vector).toHaveLength(256);
    expect(vector.every(Number.isFinite)).toBe(true);
  });
});
