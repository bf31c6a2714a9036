import { z } from 'zod';

/**
 * What the language model must return: short sentences, each resting on numbered passages with a verbatim
 * quote from each, or an explicit "not covered". Nothing of it is shown before verification.
 */
export const draftSchema = z.object({
  notCovered: z
    .boolean()
    .describe('true when the numbered passages do not answer the question; sentences is then empty'),
  sentences: z
    .array(
      z.object({
        text: z.string().describe("one short answer sentence in the asker's language"),
        citations: z
          .array(
            z.object({
              passage: z.number().int().describe('the number of the passage the sentence rests on'),
              quote: z.string().describe('words copied exactly, character for character, from that passage'),
            }),
          )
          .describe('at least one citation'),
      }),
    )
    .describe('the answer, at most five sentences'),
});

export type Draft = z.infer<typeof draftSchema>;

/** The outermost JSON object in a reply: models wrap it in prose or ```json fences despite being asked not to. */
function jsonObjectIn(text: string): string | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start === -1 || end <= start ? undefined : text.slice(start, end + 1);
}

/** Reads a draft from a plain-text reply (the fallback for servers without structured output). */
export function parseDraft(text: string): Draft | undefined {
  const json = jsonObjectIn(text);
  if (json === undefined) return undefined;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // Not JSON (a truncated or garbled reply): the caller treats it as no draft.
    return undefined;
  }
}
