import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/answer/answer.ts';
import { cardText } from '../../src/bot/escalation-messages.ts';
import { formatAnswer, TELEGRAM_MESSAGE_LIMIT } from '../../src/bot/format-answer.ts';
import type { Escalation } from '../../src/db/escalations.ts';
import { properties } from '../helpers/properties.ts';
import { expectCleanSplit, htmlProblems, plain } from '../helpers/telegram-html.ts';

/** Text as hostile to HTML as people and documents make it: markup, entities, emoji, scripts, line breaks. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  fc.constantFrom(
    '<',
    '>',
    '&',
    '&amp;',
    '&lt;',
    '"',
    '<b>',
    '</b>',
    '</blockquote>',
    '<a href="x">',
    '*_`[',
    '\n',
    '\n\n',
    ' ',
    '👨‍💻',
    'Điều 5',
  ),
);
const text = (maxLength: number, minLength = 0) =>
  fc.array(piece, { minLength, maxLength }).map((parts) => parts.join(''));
// Long enough that most answers need several messages at the smaller limits.
const longText = fc.oneof(text(20), text(400, 150));

const citation: fc.Arbitrary<Citation> = fc.record({
  documentId: fc.constant('cpo-ai-guidelines'),
  section: text(6),
  version: text(3),
  quote: longText,
  score: fc.double({ min: 0, max: 1, noNaN: true }),
  documentTitle: text(6),
  documentKind: fc.constant('guidelines'),
  language: fc.constantFrom('vi', 'en', 'uk'),
  translation: fc.boolean(),
  original: fc.option(fc.record({ language: fc.constant('vi'), section: text(6), quote: longText }), {
    nil: undefined,
  }),
  sourceUrl: fc.option(fc.oneof(fc.webUrl(), text(5), fc.constant('javascript:alert(1)')), {
    nil: undefined,
  }),
});

const answer: fc.Arbitrary<Answer> = fc.record({
  kind: fc.constantFrom('answered', 'escalated', 'refused'),
  language: fc.constantFrom('vi', 'en', 'uk'),
  answer: longText,
  citations: fc.array(citation, { maxLength: 5 }),
});

describe('formatAnswer: properties', () => {
  it('splits any answer into valid Telegram HTML messages under the limit, losing no text', () => {
    fc.assert(
      fc.property(answer, fc.integer({ min: 300, max: TELEGRAM_MESSAGE_LIMIT }), (a, limit) => {
        const [whole = ''] = formatAnswer(a, Number.POSITIVE_INFINITY);
        expectCleanSplit(formatAnswer(a, limit), whole, limit);
      }),
      properties(2000),
    );
  });

  it('shows every character of the answer as text, never as markup', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const shown = plain(formatAnswer(a).join('\n'));
        expect(shown.replace(/\s+/g, '')).toContain(a.answer.replace(/\s+/g, ''));
      }),
      properties(2000),
    );
  });
});

describe('cardText: properties', () => {
  const t = (key: string, v?: Record<string, string | number>) => `${key} ${JSON.stringify(v ?? {})}`;
  const escalation = fc.record({
    question: fc.oneof(text(20), text(2000, 500)),
    found: fc.array(citation, { maxLength: 5 }),
    claimedByName: fc.option(text(4), { nil: undefined }),
  });

  it('is one valid message, whatever the question and passages hold', () => {
    fc.assert(
      fc.property(escalation, (e) => {
        const card = cardText(
          { id: 7, state: 'open', language: 'vi', trigger: 'asked', ...e } as unknown as Escalation,
          t,
        );
        expect(htmlProblems(card)).toEqual([]);
        expect(plain(card).length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
        expect(card.isWellFormed()).toBe(true);
      }),
      properties(2000),
    );
  });
});
