import { describe, expect, it } from 'vitest';
import { foldText, hasLatinDiacritics, normalizeText, words } from '../../src/text/normalize.ts';

const nfd = (text: string) => text.normalize('NFD');

describe('normalizeText', () => {
  it.each([['bí mật nhà nước'], ['Tiếng Việt có dấu: ệ ỗ ự ắ'], ['й ї Й Ї']])(
    'gives the same NFC text for the NFD and NFC forms of %j',
    (text) => {
      expect(nfd(text)).not.toBe(text);
      expect(normalizeText(nfd(text))).toBe(text);
      expect(normalizeText(text)).toBe(text);
    },
  );

  it('collapses runs of whitespace and trims', () => {
    expect(normalizeText('  bí   mật\n\tnhà  nước ')).toBe('bí mật nhà nước');
  });

  it.each(["пам'ять", 'пам’ять', 'памʼять'])('turns the apostrophe in %j into a plain one', (text) => {
    expect(normalizeText(text)).toBe("пам'ять");
  });
});

describe('foldText', () => {
  it.each([
    ['Bí mật nhà nước', 'bi mat nha nuoc'],
    ['KHÔNG ĐƯỢC', 'khong duoc'],
    ['Đảng đoàn', 'dang doan'],
    ['ă â ê ô ơ ư', 'a a e o o u'],
    ['huyễn hoặc', 'huyen hoac'],
    ['Trí tuệ nhân tạo', 'tri tue nhan tao'],
    ['ChatGPT', 'chatgpt'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it.each([['Bí mật nhà nước'], ['Đường ĐI'], ['Nguyễn Thị Ỷ']])(
    'folds the NFD form of %j exactly like its NFC form',
    (text) => {
      expect(foldText(nfd(text))).toBe(foldText(text));
    },
  );

  it.each([
    ['й', 'й'],
    ['Й', 'й'],
    ['ї', 'ї'],
    ['Ї', 'ї'],
    ['є', 'є'],
    ['ґ', 'ґ'],
    ['державна таємниця', 'державна таємниця'],
  ])('keeps the Ukrainian letters of %j (folds to %j)', (text, folded) => {
    expect(foldText(text)).toBe(folded);
    expect(foldText(nfd(text))).toBe(folded);
  });

  it.each([
    ['мій', 'міи'],
    ['їх', 'іх'],
  ])('keeps %j and %j apart (й is not и, ї is not і)', (a, b) => {
    expect(foldText(a)).not.toBe(foldText(b));
    expect(foldText(a.normalize('NFD'))).not.toBe(foldText(b));
  });

  it.each(["пам'ять", 'пам’ять', 'памʼять'])('folds %j like the other apostrophe forms', (text) => {
    expect(foldText(text)).toBe(foldText("пам'ять"));
  });
});

describe('words', () => {
  it.each(["пам'ять", 'пам’ять', 'памʼять'])('keeps the folded %j one word', (text) => {
    expect(words(foldText(text))).toEqual(['память']);
  });

  it.each([
    ['bi mat, nha nuoc!', ['bi', 'mat', 'nha', 'nuoc']],
    ['luật 2018 (sửa đổi)', ['luật', '2018', 'sửa', 'đổi']],
    ['державна таємниця?', ['державна', 'таємниця']],
    ['  ...  ', []],
  ])('splits %j into %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});

describe('hasLatinDiacritics', () => {
  it.each([
    ['bí mật', true],
    ['Đ', true],
    ['dinh đề', true],
    [nfd('bí mật'), true],
    ['bi mat nha nuoc', false],
    ['ChatGPT', false],
    ['державна таємниця', false],
    ['', false],
  ])('says %j carries Latin marks: %s', (text, expected) => {
    expect(hasLatinDiacritics(text)).toBe(expected);
  });
});
