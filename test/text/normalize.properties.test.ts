import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanInput, clip, hasWords } from '../../src/text/clean-input.ts';
import { foldText, normalizeText, words } from '../../src/text/normalize.ts';
import { INVISIBLES, properties } from '../helpers/properties.ts';

// Vietnamese letters with every tone and vowel mark, upper and lower case, plus what sits between words.
const VI_LETTERS = [
  ...'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđbcdghklmnpqrstvx',
];
const viLetter = fc.constantFrom(...VI_LETTERS, ...VI_LETTERS.map((c) => c.toUpperCase()));
const viWord = fc.array(viLetter, { minLength: 1, maxLength: 7 }).map((cs) => cs.join(''));
const viText = fc
  .array(fc.tuple(viWord, fc.constantFrom(' ', ', ', '? ', '\n', '  ')), { maxLength: 12 })
  .map((parts) => parts.flat().join(''));
/** Any text, including controls, lone surrogates and the characters people use to hide or reorder text. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom(...INVISIBLES, ...VI_LETTERS, ' ', '\n', '\u0000', '👍', '😀'),
    maxLength: 60,
  }),
  viText,
);
const strip = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const withInvisibles = (text: string, seedChars: string[]) =>
  [...text].map((c, i) => c + (seedChars[i % seedChars.length] ?? '')).join('');

describe('normalizeText and foldText: properties', () => {
  it('are idempotent on any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(normalizeText(normalizeText(text))).toBe(normalizeText(text));
        expect(foldText(foldText(text))).toBe(foldText(text));
      }),
      properties(),
    );
  });

  it('fold Vietnamese alike whether typed precomposed, decomposed or without marks', () => {
    fc.assert(
      fc.property(viText, (text) => {
        const folded = foldText(text);
        expect(foldText(text.normalize('NFD'))).toBe(folded);
        expect(foldText(strip(text))).toBe(folded);
        expect(folded).toMatch(/^[a-z '\n,?]*$/);
      }),
      properties(),
    );
  });

  it('yield words of letters and digits only', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const word of words(foldText(text))) expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
      }),
      properties(),
    );
  });
});

describe('cleanInput: properties', () => {
  it('leaves well-formed NFC text without controls or invisible format characters', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const clean = cleanInput(text);
        expect(clean.isWellFormed()).toBe(true);
        expect(clean).toBe(clean.normalize('NFC'));
        const unwanted = [...clean].filter(
          (c) => (/\p{Cc}/u.test(c) && c !== '\n') || (/\p{Cf}/u.test(c) && c !== '\u200D'),
        );
        expect(unwanted).toEqual([]);
        expect(clean).toBe(clean.trim());
        expect(cleanInput(clean)).toBe(clean);
      }),
      properties(),
    );
  });

  it('gives back the same words however many invisible characters were typed into them', () => {
    fc.assert(
      fc.property(viText, fc.array(fc.constantFrom(...INVISIBLES, ''), { minLength: 1 }), (text, hidden) => {
        const clean = cleanInput(text);
        expect(cleanInput(withInvisibles(text, hidden))).toBe(clean);
        expect(words(foldText(clean))).toEqual(words(foldText(text)));
        expect(hasWords(clean)).toBe(words(foldText(text)).length > 0);
      }),
      properties(),
    );
  });

  it('clip never cuts a character in half', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(80), (text, max) => {
        const clipped = clip(text, max);
        expect(clipped.length).toBeLessThanOrEqual(max);
        expect(clipped.isWellFormed()).toBe(true);
        expect(text.startsWith(clipped)).toBe(true);
        expect(clipped.length).toBeGreaterThanOrEqual(Math.min(text.length, max) - 1);
      }),
      properties(),
    );
  });
});

describe('cleanInput: examples', () => {
  it.each([
    ['zero-width spaces inside words', 'b\u200Bí m\u200Bật', 'bí mật'],
    ['a right-to-left override', 'abc\u202Eevil\u202C x', 'abcevil x'],
    ['NUL and other controls', 'a\u0000b\u0007c', 'a b c'],
    ['Windows line ends and blank lines', 'a\r\nb\n\n\n\nc', 'a\nb\n\nc'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\nb\nc'],
    ['a lone surrogate', '\uD800x', '\uFFFDx'],
    ['whitespace only', ' \t\u00A0\u200B ', ''],
    ['decomposed Vietnamese', 'mâ\u0323t', 'mật'],
    ['an emoji built with joiners', '👨\u200D💻 ❤️\u200D🔥', '👨\u200D💻 ❤️\u200D🔥'],
  ])('%s', (_name, text, expected) => {
    expect(cleanInput(text)).toBe(expected);
  });

  it.each([
    ['emoji only', '👍👍', false],
    ['punctuation only', '?!…', false],
    ['markup only', '<b></b>', true],
    ['a number', '557', true],
    ['Ukrainian', 'Чи можна?', true],
  ])('hasWords: %s', (_name, text, expected) => {
    expect(hasWords(text)).toBe(expected);
  });
});
