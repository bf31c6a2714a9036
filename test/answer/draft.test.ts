import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../src/answer/draft.ts';

const DRAFT = {
  notCovered: false,
  sentences: [{ text: 'Yes.', citations: [{ passage: 1, quote: 'a quote' }] }],
};

describe('parseDraft', () => {
  it.each([
    ['bare JSON', JSON.stringify(DRAFT)],
    ['JSON in a ```json fence', `\`\`\`json\n${JSON.stringify(DRAFT, null, 2)}\n\`\`\``],
    ['JSON after a preamble', `Here is the answer:\n${JSON.stringify(DRAFT)}\nHope this helps.`],
  ])('reads %s', (_, text) => {
    expect(parseDraft(text)).toEqual(DRAFT);
  });

  it.each([
    ['plain prose', 'Staff must never paste secrets into chatbots.'],
    ['truncated JSON', JSON.stringify(DRAFT).slice(0, 40)],
    ['JSON of another shape', '{"answer": "yes", "sources": [1]}'],
    [
      'a passage number that is not a whole number',
      JSON.stringify({ ...DRAFT, sentences: [{ text: 'x', citations: [{ passage: 'one', quote: 'q' }] }] }),
    ],
    ['an empty reply', ''],
  ])('returns nothing for %s', (_, text) => {
    expect(parseDraft(text)).toBeUndefined();
  });
});
