import type { ServerResponse } from 'node:http';
import type { FakeModelServer } from './fake-model-server.ts';

/**
 * The chat half of the fake model server: Ollama's `/api/chat` (NDJSON stream, or one JSON object) and the
 * OpenAI-compatible `/v1/chat/completions` (server-sent events, or one JSON object), replying with
 * `server.chatReply` and misbehaving as `server.behaviour` says.
 */
export const CHAT_PATHS = new Set(['/api/chat', '/v1/chat/completions']);

type Json = Record<string, unknown>;

/** The reply in a few pieces, as a streaming server sends it. */
function pieces(text: string): string[] {
  const size = Math.max(1, Math.ceil(text.length / 4));
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

function ollamaLine(model: unknown, content: string, done: boolean): string {
  const end = done ? { done_reason: 'stop', total_duration: 1, prompt_eval_count: 10, eval_count: 10 } : {};
  const message = { role: 'assistant', content };
  return `${JSON.stringify({ model, created_at: '2026-01-01T00:00:00Z', message, done, ...end })}\n`;
}

function openAiChunk(model: unknown, delta: Json, finish: string | null): string {
  const chunk = {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 0,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

function openAiCompletion(model: unknown, content: string): Json {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

const asksForStructure = (body: Json) =>
  body.response_format !== undefined || (typeof body.format === 'object' && body.format !== null);

function reply(path: string, body: Json, res: ServerResponse, server: FakeModelServer): void {
  const ollama = path === '/api/chat';
  const content = typeof server.chatReply === 'function' ? server.chatReply(body) : server.chatReply;
  if (server.behaviour === 'rejectStructured' && asksForStructure(body)) {
    const error = ollama
      ? 'format not supported'
      : { message: 'response_format not supported', type: 'invalid_request_error' };
    res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error }));
    return;
  }
  // Ollama streams unless told not to; the OpenAI API only when asked.
  const stream = ollama ? body.stream !== false : body.stream === true;
  if (!stream) {
    const payload = ollama
      ? JSON.parse(ollamaLine(body.model, content, true))
      : openAiCompletion(body.model, content);
    const text = JSON.stringify(payload);
    const out = server.behaviour === 'malformedJson' ? text.slice(0, text.length / 2) : text;
    res.writeHead(200, { 'content-type': 'application/json' });
    if (server.behaviour !== 'cutStream') return void res.end(out);
    // The connection drops half-way through the body.
    res.write(out.slice(0, out.length / 2));
    res.socket?.destroy();
    return;
  }
  res.writeHead(200, { 'content-type': ollama ? 'application/x-ndjson' : 'text/event-stream' });
  const parts = pieces(content);
  const sent = server.behaviour === 'cutStream' ? parts.slice(0, Math.ceil(parts.length / 2)) : parts;
  for (const [i, part] of sent.entries()) {
    res.write(
      ollama
        ? ollamaLine(body.model, part, false)
        : openAiChunk(body.model, i === 0 ? { role: 'assistant', content: part } : { content: part }, null),
    );
  }
  if (server.behaviour === 'cutStream') {
    res.socket?.destroy();
    return;
  }
  if (server.behaviour === 'malformedJson') {
    res.end(
      ollama ? '{"model": "x", "message": {"content": "' : 'data: {"id": "chatcmpl-fake", "choices": [\n\n',
    );
    return;
  }
  res.end(
    ollama ? ollamaLine(body.model, '', true) : `${openAiChunk(body.model, {}, 'stop')}data: [DONE]\n\n`,
  );
}

export function answerChat(path: string, body: Json, res: ServerResponse, server: FakeModelServer): void {
  if (server.behaviour === 'slow') setTimeout(() => reply(path, body, res, server), server.delayMs);
  else reply(path, body, res, server);
}
