import { describe, expect, it } from 'vitest';
import { joinBySection } from '../../src/db/section-texts.ts';
import { shortTextDiff } from '../../src/pipeline/text-diff.ts';

const SENTENCE =
  'Theo Hướng dẫn, cán bộ, đảng viên tuyệt đối không cung cấp dữ liệu cá nhân nhạy cảm cho các nền tảng AI công cộng.';

describe('shortTextDiff', () => {
  it('marks a replaced phrase with a few words of context on each side', () => {
    expect(shortTextDiff(SENTENCE, SENTENCE.replace('cung cấp', 'đưa'))).toBe(
      '… đảng viên tuyệt đối không [-cung cấp-] {+đưa+} dữ liệu cá nhân nhạy …',
    );
  });

  it('shows an added sentence at the end, and a removed one', () => {
    expect(shortTextDiff('Một. Hai.', 'Một. Hai. Ba bốn.')).toBe('Một. Hai. {+Ba bốn.+}');
    expect(shortTextDiff('Một. Hai. Ba bốn.', 'Một. Hai.')).toBe('Một. Hai. [-Ba bốn.-]');
  });

  it('finds nothing in differences of white space alone', () => {
    expect(shortTextDiff('a  b\nc', 'a b c')).toBe('');
  });

  it('keeps a rewritten long section to a few hundred characters', () => {
    const diff = shortTextDiff(SENTENCE.repeat(20), `Khác hẳn. ${SENTENCE.repeat(20).toUpperCase()}`);
    expect(diff.length).toBeLessThanOrEqual(400);
    expect(diff.endsWith('…')).toBe(true);
  });
});

describe('joinBySection', () => {
  it('joins passages per section in the order of their ordinals, 10 after 2', () => {
    const joined = joinBySection([
      ['doc/vi/I.1/10', 'k'],
      ['doc/vi/I.1/2', 'b'],
      ['doc/vi/I.2/0', 'x'],
      ['doc/vi/I.1/0', 'a'],
    ]);
    expect(joined).toEqual(
      new Map([
        ['doc/vi/I.1', 'a\nb\nk'],
        ['doc/vi/I.2', 'x'],
      ]),
    );
  });
});
