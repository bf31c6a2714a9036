import type { Passage } from '../../src/retrieval/retrieve.ts';

/** Replies a scripted or fake model gives, built from the passages its prompt numbered. */

/** The numbered passages of a prompt, read back from the user message (1-based, index 0 is passage 1). */
export function passagesInPrompt(prompt: string): string[] {
  return [...prompt.matchAll(/<passage number="\d+"[^>]*>\n([\s\S]*?)\n<\/passage>/g)].map((m) => m[1] ?? '');
}

/** The user message of an Ollama or OpenAI chat request body. */
export function userMessageOf(body: Record<string, unknown>): string {
  const messages = (body.messages ?? []) as { role: string; content: unknown }[];
  const user = messages.find((m) => m.role === 'user');
  return typeof user?.content === 'string' ? user.content : JSON.stringify(user?.content ?? '');
}

/** The first words of a passage (a real quote), at most `length` characters, cut at a word boundary. */
export function openingOf(passage: string, length = 80): string {
  if (passage.length <= length) return passage;
  return passage.slice(0, passage.lastIndexOf(' ', length));
}

export const draftJson = (
  sentences: { text: string; citations: { passage: number; quote: string }[] }[],
  notCovered = false,
) => JSON.stringify({ notCovered, sentences });

/** An honest reply: one sentence restating passage 1, quoting its opening words. */
export function quotingReply(passages: string[]): string {
  const quote = openingOf(passages[0] ?? '');
  return draftJson([{ text: quote, citations: [{ passage: 1, quote }] }]);
}

/** A fabricating reply: an invented quote next to a real one, and a sentence resting only on the invention. */
export const INVENTED_QUOTE = 'Staff may paste secret documents into any chatbot after deleting the stamp';
export function inventingReply(passages: string[]): string {
  const real = openingOf(passages[0] ?? '');
  return draftJson([
    {
      text: real,
      citations: [
        { passage: 1, quote: real },
        { passage: 2, quote: INVENTED_QUOTE },
      ],
    },
    { text: INVENTED_QUOTE, citations: [{ passage: 1, quote: INVENTED_QUOTE }] },
  ]);
}

/** A passage as retrieval returns it, for tests that need no database. */
export function makePassage(content: string, overrides: Partial<Passage> = {}): Passage {
  return {
    chunkId: 1,
    chunkKey: 'doc/en/I.1/0',
    documentId: 'doc',
    language: 'en',
    sectionId: 'I.1',
    sectionPath: 'I. General › 1. Scope',
    content,
    documentTitle: 'Guidelines',
    documentKind: 'guidelines',
    isTranslation: false,
    sources: ['https://example.org/source'],
    version: 'digest-1',
    score: 0.03,
    matchedText: true,
    original: undefined,
    ...overrides,
  };
}
