import type { Retrieval } from '../retrieval/retrieve.ts';
import type { Language } from '../text/language.ts';
import type { Answer, Citation } from './answer.ts';
import { citationOf } from './citation.ts';
import { common } from './extractive.ts';
import { MESSAGES } from './messages.ts';
import type { Prompt } from './prompt.ts';
import type { VerifiedDraft } from './verify.ts';

/**
 * The model's verified sentences, each followed by the numbers of its citations ("… [1][2]"); the
 * citations hold only the verified quotes, in order of first use, each with the passage it came from.
 */
export function generatedAnswer(
  retrieval: Retrieval,
  language: Language,
  prompt: Prompt,
  verified: VerifiedDraft,
): Answer {
  const citations: Citation[] = [];
  const keys: string[] = [];
  const lines = verified.sentences.map(({ text, quotes }) => {
    const numbers = quotes.map(({ passage, quote }) => {
      const key = `${passage}\u0000${quote}`;
      if (!keys.includes(key)) {
        keys.push(key);
        citations.push(citationOf(prompt.passages[passage - 1] as Retrieval['passages'][number], quote));
      }
      return keys.indexOf(key) + 1;
    });
    return `${text} ${numbers.map((n) => `[${n}]`).join('')}`;
  });
  const translated = citations.some((c) => c.translation);
  return {
    kind: 'answered',
    language,
    answer: [...lines, translated ? MESSAGES[language].translationsMarked : ''].filter(Boolean).join('\n'),
    citations,
    mode: 'generated',
    promptTokens: prompt.estimatedTokens,
    ...common(retrieval),
  };
}
