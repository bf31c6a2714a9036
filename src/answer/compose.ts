import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import type { CircuitBreaker } from '../llm/circuit-breaker.ts';
import type { Passage } from '../retrieval/retrieve.ts';
import type { Language } from '../text/language.ts';
import { type Draft, draftSchema, parseDraft } from './draft.ts';
import { buildPrompt, type Prompt } from './prompt.ts';
import { type VerifiedDraft, verifyDraft } from './verify.ts';

export type Composition =
  | { status: 'answered'; prompt: Prompt; verified: VerifiedDraft }
  /** The model judged that the passages do not answer the question. */
  | { status: 'not_covered'; prompt: Prompt }
  /** No usable answer: the caller falls back to the extractive one. */
  | { status: 'failed'; why: string; prompt?: Prompt };

export interface ComposerDeps {
  model: BaseChatModel;
  breaker: CircuitBreaker;
  timeoutMs: number;
  contextTokens: number;
}

/** HTTP statuses with which a server says it does not take a structured-output request. */
const UNSUPPORTED = new Set([400, 404, 422, 501]);

function statusOf(error: unknown): number | undefined {
  const e = error as { status?: unknown; status_code?: unknown };
  const status = e?.status ?? e?.status_code;
  return typeof status === 'number' ? status : undefined;
}

function describe(error: unknown, timedOut: boolean): string {
  if (timedOut) return 'the model did not answer in time';
  const status = statusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { cause?: { code?: unknown } })?.cause?.code;
  const detail = `${message.replace(/\s+/g, ' ').slice(0, 200)}${typeof code === 'string' ? ` (${code})` : ''}`;
  return `the model server failed${status ? ` (HTTP ${status})` : ''}: ${detail}`;
}

/** Rejects when the signal fires even if a client ignores it, so the deadline always holds. */
function withDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

const textOf = (message: { content: unknown }) =>
  typeof message.content === 'string' ? message.content : JSON.stringify(message.content);

/**
 * The draft in a structured-output result: `{raw, parsed}` with `parsed` null when the reply did not match
 * the schema (then the raw text is read as plain JSON), or the parsed object alone (LangChain's scripted
 * test models); either way it is validated against the schema again.
 */
function draftOf(result: unknown): Draft | undefined {
  const { raw, parsed } = (result ?? {}) as { raw?: { content: unknown }; parsed?: unknown };
  if (raw === undefined) return draftSchema.safeParse(result).data;
  return parsed ? draftSchema.safeParse(parsed).data : parseDraft(textOf(raw));
}

/**
 * Asks the model for a draft answer and keeps only what verifies. Structured output (a JSON schema the
 * server enforces) is tried first; a server that refuses it is asked for plain JSON from then on.
 */
export function createComposer({ model, breaker, timeoutMs, contextTokens }: ComposerDeps) {
  let structuredSupported = true;
  const structured = model.withStructuredOutput(draftSchema, { method: 'jsonSchema', includeRaw: true });

  async function draftFor(messages: BaseMessage[], signal: AbortSignal): Promise<Draft | undefined> {
    if (structuredSupported) {
      try {
        return draftOf(await withDeadline(structured.invoke(messages, { signal }), signal));
      } catch (error) {
        if (!UNSUPPORTED.has(statusOf(error) ?? 0)) throw error;
        structuredSupported = false;
      }
    }
    return parseDraft(textOf(await withDeadline(model.invoke(messages, { signal }), signal)));
  }

  return async function compose(
    question: string,
    language: Language,
    ranked: Passage[],
  ): Promise<Composition> {
    if (!breaker.allow())
      return { status: 'failed', why: 'the model server is paused after repeated failures' };
    const prompt = buildPrompt(question, language, ranked, contextTokens);
    const deadline = AbortSignal.timeout(timeoutMs);
    let draft: Draft | undefined;
    try {
      draft = await draftFor(prompt.messages, deadline);
    } catch (error) {
      breaker.failed();
      return { status: 'failed', why: describe(error, deadline.aborted), prompt };
    }
    if (!draft) {
      breaker.failed();
      return { status: 'failed', why: 'the model reply was not the JSON asked for', prompt };
    }
    breaker.succeeded();
    const verified = verifyDraft(
      draft,
      prompt.passages.map((p) => p.content),
      language,
    );
    if (verified.sentences.length > 0) return { status: 'answered', prompt, verified };
    if (draft.notCovered) return { status: 'not_covered', prompt };
    return { status: 'failed', why: 'no quote in the model reply was found in the cited passage', prompt };
  };
}

export type Compose = ReturnType<typeof createComposer>;
