import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, type GuardCategory, type GuardResult } from '../../src/guard/guard.ts';
import { INVISIBLES, properties } from '../helpers/properties.ts';

const OPTIONS = { maxChars: 10_000 };

/** Every 4-character window of a hit that is still readable in the redacted text. */
function leaks(text: string, result: GuardResult, size = 4): string[] {
  const redacted = result.redacted.replace(/\[[a-z_]+\]/g, '\u0000');
  return result.hits
    .filter((hit) => hit.category !== 'pasted_document')
    .flatMap((hit) => {
      const secret = text.slice(hit.start, hit.end).replace(/[\p{Cf}\p{M}]/gu, '');
      // Windows with a digit or a symbol are the secret itself; words (the stamp's "mật") are common text.
      return Array.from({ length: Math.max(0, secret.length - size + 1) }, (_, i) =>
        secret.slice(i, i + size),
      ).filter((window) => /[\p{N}@._-]/u.test(window) && redacted.includes(window));
    });
}

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const oneOf = (...items: string[]) => fc.constantFrom(...items);
const letters = (alphabet: string, n: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: n, maxLength: n });
const alnum = (n: number) =>
  fc
    .tuple(letters('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz', n - 2), digits(2))
    .map((p) => p.join(''));
const grouped = (text: string, separator: string) => text.replace(/(\d{3})(?=\d{3})/g, `$1${separator}`);

/** How people write each kind of thing the guard must catch. */
const PLANTED: Array<[GuardCategory, fc.Arbitrary<string>]> = [
  [
    'phone',
    fc
      .tuple(oneOf('0', '+84 ', '+84'), oneOf(...'35789'), digits(8), oneOf('', ' ', '.', '-'))
      .map(([prefix, first, rest, sep]) => prefix + grouped(first + rest, sep)),
  ],
  [
    'phone',
    fc.tuple(oneOf('024 ', '028.', '(024) '), digits(4), digits(4)).map(([a, b, c]) => `${a}${b} ${c}`),
  ],
  [
    'email',
    fc
      .tuple(letters('abcdefghijkmnpqrstuvwxyz', 7), digits(2), oneOf('gmail.com', 'vptw.dcs.vn'))
      .map(([name, n, host]) => `${name}.${n}@${host}`),
  ],
  [
    'personal_id',
    fc
      .tuple(fc.integer({ min: 1, max: 96 }), digits(9))
      .map(([p, rest]) => `CCCD ${String(p).padStart(3, '0')}${rest}`),
  ],
  ['personal_id', fc.tuple(oneOf(...'123456789'), digits(8)).map(([a, b]) => `CMND số ${a}${b}`)],
  ['tax_code', fc.tuple(digits(9), oneOf('', '-001', '-123')).map(([a, b]) => `MST: 0${a}${b}`)],
  [
    'bank_account',
    fc
      .tuple(oneOf(...'123456789'), fc.integer({ min: 7, max: 17 }).chain(digits), oneOf('BIDV', 'VCB'))
      .map(([a, b, bank]) => `STK ${a}${b} ${bank}`),
  ],
  [
    'credential',
    fc.tuple(oneOf('mật khẩu: ', 'password=', 'OTP: ', 'token: '), alnum(12)).map(([a, b]) => a + b),
  ],
  ['credential', alnum(30).map((key) => `sk-proj-${key}`)],
  ['state_secret', oneOf('MẬT', 'TỐI MẬT', 'TUYỆT MẬT', '(MẬT)', '[TỐI MẬT]', 'Độ mật: Tối mật')],
];

const filler = oneOf(
  'xin hỏi',
  'về quy định',
  'sử dụng trí tuệ nhân tạo',
  'trong cơ quan Đảng',
  'cảm ơn',
  'nhé',
  '',
);
const planted = fc.oneof(
  ...PLANTED.map(([category, secret]) =>
    fc.tuple(fc.constant(category), secret, filler, filler).map(([c, s, before, after]) => ({
      category: c,
      // A stamp is a line of its own on a document; the rest sit inside a sentence.
      line: c === 'state_secret' ? s : `${before} ${s} ${after}`,
    })),
  ),
);
const message = fc.array(planted, { minLength: 1, maxLength: 4 });

/** The ways a message is typed or pasted that must not hide anything from the guard. */
const disguise = fc.oneof(
  fc.constant((text: string) => text),
  fc.constant((text: string) => text.normalize('NFD')),
  fc
    .array(fc.constantFrom(...INVISIBLES), { minLength: 1, maxLength: 5 })
    .map(
      (hidden) => (text: string) =>
        [...text].map((c, i) => c + (i % 3 === 0 ? hidden[i % hidden.length] : '')).join(''),
    ),
);

describe('checkText: properties', () => {
  it('finds planted secrets however they are disguised, and none survives redaction', () => {
    fc.assert(
      fc.property(message, disguise, (lines, hide) => {
        const text = hide(lines.map((l) => l.line).join('\n'));
        const result = checkText(text, OPTIONS);
        expect(result.blocked).toBe(true);
        for (const { category } of lines) expect(result.categories).toContain(category);
        expect(leaks(text, result)).toEqual([]);
      }),
      properties(2000),
    );
  });

  it('takes any input: hits in order, inside the text, not overlapping; the result agrees with them', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 })),
        (text) => {
          const result = checkText(text, { maxChars: 150 });
          let end = 0;
          for (const hit of result.hits.filter((h) => h.category !== 'pasted_document')) {
            expect(hit.start).toBeGreaterThanOrEqual(end);
            expect(hit.end).toBeGreaterThan(hit.start);
            expect(hit.end).toBeLessThanOrEqual(text.length);
            end = hit.end;
          }
          expect(result.blocked).toBe(result.hits.length > 0);
          expect(result.categories).toEqual(
            [...new Set(result.hits.map((h) => h.category))].sort(byCategoryOrder(result)),
          );
          expect(result.redacted.isWellFormed()).toBe(text.isWellFormed());
        },
      ),
      properties(),
    );
  });

  it('what it stores is final: the redacted text carries no identifier, number or key any more', () => {
    fc.assert(
      fc.property(message, (lines) => {
        const text = lines.map((l) => l.line).join('\n');
        const again = checkText(checkText(text, OPTIONS).redacted, OPTIONS);
        expect(again.categories).toEqual([]);
      }),
      properties(2000),
    );
  });
});

/** The categories in the order the result lists them (GUARD_CATEGORIES), to compare as sets. */
function byCategoryOrder(result: GuardResult) {
  return (a: string, b: string) =>
    result.categories.indexOf(a as GuardCategory) - result.categories.indexOf(b as GuardCategory);
}
