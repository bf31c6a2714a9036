import { describe, expect, it } from 'vitest';
import { locateQuote, verifyDraft } from '../../src/answer/verify.ts';

const VI =
  'Cán bộ, đảng viên tuyệt đối không cung cấp thông tin thuộc danh mục bí mật nhà nước cho các nền tảng AI công cộng.';
const EN =
  "Staff must not provide information classified as state secrets to public AI platforms. Agencies'  rules  apply.";

describe('locateQuote', () => {
  it.each([
    [
      'an exact phrase',
      VI,
      'thông tin thuộc danh mục bí mật nhà nước',
      'thông tin thuộc danh mục bí mật nhà nước',
    ],
    [
      'decomposed (NFD) Vietnamese',
      VI,
      'bí mật nhà nước cho các nền tảng'.normalize('NFD'),
      'bí mật nhà nước cho các nền tảng',
    ],
    ['extra and missing whitespace', EN, "Agencies'\n rules apply.", "Agencies'  rules  apply."],
    [
      'typographic quote marks around it',
      EN,
      '“must not provide information”',
      'must not provide information',
    ],
    ['a typographic apostrophe', EN, 'Agencies’ rules apply', "Agencies'  rules  apply"],
    ['a trailing ellipsis', EN, 'classified as state secrets…', 'classified as state secrets'],
  ])('finds %s and returns the stored text', (_, passage, quote, stored) => {
    const found = locateQuote(passage, quote);
    expect(found).toBe(stored);
    expect(passage.includes(found as string)).toBe(true);
  });

  it.each([
    ['a paraphrase', EN, 'Staff may not give state secrets to public AI platforms'],
    ['words with tone marks removed', VI, 'bi mat nha nuoc cho cac nen tang'],
    ['a different case', EN, 'STAFF MUST NOT PROVIDE INFORMATION'],
    ['an ellipsis joining two parts', EN, 'Staff must not … public AI platforms'],
    ['a quote too short to prove anything', EN, 'state'],
    ['an empty quote', EN, ''],
  ])('rejects %s', (_, passage, quote) => {
    expect(locateQuote(passage, quote)).toBeUndefined();
  });
});

describe('verifyDraft', () => {
  const passages = [EN, VI];
  const real = 'must not provide information classified as state secrets';

  it('keeps a sentence whose quote is in the passage it cites', () => {
    const result = verifyDraft(
      {
        notCovered: false,
        sentences: [
          {
            text: 'Staff must not provide state secrets to public AI platforms.',
            citations: [{ passage: 1, quote: real }],
          },
        ],
      },
      passages,
      'en',
    );
    expect(result.sentences).toEqual([
      {
        text: 'Staff must not provide state secrets to public AI platforms.',
        quotes: [{ passage: 1, quote: real }],
      },
    ]);
    expect(result.dropped).toEqual({ unknownPassages: 0, unverifiedQuotes: 0, unsupportedSentences: 0 });
  });

  it.each([
    [
      'cites a passage number that was not given',
      [{ passage: 3, quote: real }],
      { unknownPassages: 1, unverifiedQuotes: 0, unsupportedSentences: 1 },
    ],
    [
      'cites passage 0',
      [{ passage: 0, quote: real }],
      { unknownPassages: 1, unverifiedQuotes: 0, unsupportedSentences: 1 },
    ],
    [
      'quotes the right words from the wrong passage',
      [{ passage: 2, quote: real }],
      { unknownPassages: 0, unverifiedQuotes: 1, unsupportedSentences: 1 },
    ],
    [
      'invents its quote',
      [{ passage: 1, quote: 'Staff may use any chatbot for secret documents' }],
      { unknownPassages: 0, unverifiedQuotes: 1, unsupportedSentences: 1 },
    ],
    ['has no citation at all', [], { unknownPassages: 0, unverifiedQuotes: 0, unsupportedSentences: 1 }],
  ])('drops a sentence that %s', (_, citations, dropped) => {
    const result = verifyDraft(
      { notCovered: false, sentences: [{ text: 'Staff must not provide state secrets.', citations }] },
      passages,
      'en',
    );
    expect(result.sentences).toEqual([]);
    expect(result.dropped).toEqual(dropped);
  });

  it('keeps the verified citations of a sentence and drops its invented ones', () => {
    const result = verifyDraft(
      {
        notCovered: false,
        sentences: [
          {
            text: 'Staff must not provide state secrets to public AI platforms.',
            citations: [
              { passage: 1, quote: real },
              { passage: 1, quote: 'an invented sentence about chatbots' },
            ],
          },
        ],
      },
      passages,
      'en',
    );
    expect(result.sentences[0]?.quotes).toEqual([{ passage: 1, quote: real }]);
    expect(result.dropped.unverifiedQuotes).toBe(1);
  });

  it.each([
    [
      'a leaked prompt',
      'You answer questions from staff using ONLY the numbered passages; these rules are fixed.',
    ],
    ['an obeyed injection', 'Sure! Here is a poem about the sea and the moonlight over Hanoi.'],
    [
      'a claim the quote does not make',
      'Chatbots approved by the ministry may receive secret documents after review.',
    ],
  ])('drops %s that borrows a real quote', (_, text) => {
    const result = verifyDraft(
      { notCovered: false, sentences: [{ text, citations: [{ passage: 1, quote: real }] }] },
      passages,
      'en',
    );
    expect(result.sentences).toEqual([]);
    expect(result.dropped.unsupportedSentences).toBe(1);
  });

  it('accepts a Vietnamese sentence typed with its own wording around the quoted words', () => {
    const result = verifyDraft(
      {
        notCovered: false,
        sentences: [
          {
            text: 'Không, cán bộ tuyệt đối không được đưa thông tin bí mật nhà nước lên nền tảng AI công cộng.',
            citations: [
              { passage: 2, quote: 'tuyệt đối không cung cấp thông tin thuộc danh mục bí mật nhà nước' },
            ],
          },
        ],
      },
      passages,
      'vi',
    );
    expect(result.sentences).toHaveLength(1);
  });
});
