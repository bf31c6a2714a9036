import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { answerChat, CHAT_PATHS } from './fake-chat.ts';

/**
 * A model server at the protocol level: it speaks the Ollama and OpenAI-compatible HTTP APIs on 127.0.0.1, so
 * tests exercise the real clients (serialisation, retries, timeouts) instead of mocking them.
 */

/** What the server does with the next requests; change it between calls with `server.behaviour = …`. */
export type Behaviour =
  | 'normal'
  | 'error500'
  /** HTTP 200 whose body is cut off mid-JSON. */
  | 'malformedJson'
  /** Valid JSON without the vectors (`{}`-like). */
  | 'missingVectors'
  /** The last vector is empty. */
  | 'emptyVector'
  /** The last vector holds a null (float JSON) or NaN (base64) value. */
  | 'nullValues'
  /** One vector fewer than inputs. */
  | 'tooFewVectors'
  /** Reads the request and never answers. */
  | 'hang'
  /** Chat only: answers after `delayMs`. */
  | 'slow'
  /** Chat only: streams the first part of the reply, then drops the connection. */
  | 'cutStream'
  /** Chat only: HTTP 400 to a request for structured output (a JSON schema), as servers without it do. */
  | 'rejectStructured';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
}

export interface FakeModelServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash or path. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  behaviour: Behaviour;
  dimensions: number;
  /** What the chat model says: a fixed text, or one computed from the request (its messages). */
  chatReply: string | ((body: Record<string, unknown>) => string);
  delayMs: number;
  /** Idempotent; ends hanging requests too. */
  stop(): Promise<void>;
}

type Json = Record<string, unknown>;
/** Answers one parsed request body with a JSON payload; vector shaping follows `server.behaviour`. */
export type Route = (body: Json, server: FakeModelServer) => unknown;

/** A deterministic vector per text; every value is k/128, exact in float32, so base64 round trips are equal. */
export function fakeVector(text: string, dimensions: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block += 1) {
    for (const byte of createHash('sha256').update(`${block}\u0000${text}`).digest()) {
      if (values.length < dimensions) values.push((byte - 128) / 128);
    }
  }
  return values;
}

function vectorsFor(input: unknown, server: FakeModelServer): number[][] {
  const texts = (Array.isArray(input) ? input : [input]).map(String);
  const vectors = texts.map((text) => fakeVector(text, server.dimensions));
  const last = vectors.length - 1;
  if (server.behaviour === 'emptyVector') vectors[last] = [];
  if (server.behaviour === 'nullValues') vectors[last]?.splice(1, 1, Number.NaN);
  if (server.behaviour === 'tooFewVectors') vectors.pop();
  return vectors;
}

const float32Base64 = (vector: number[]) => Buffer.from(new Float32Array(vector).buffer).toString('base64');

export const ROUTES: Record<string, Route> = {
  // What ollama-js `embed` (used by @langchain/ollama OllamaEmbeddings) posts.
  'POST /api/embed': (body, server) => {
    if (server.behaviour === 'missingVectors') return { model: body.model };
    return { model: body.model, embeddings: vectorsFor(body.input, server) };
  },
  // The openai client asks for base64 unless told otherwise, then decodes it.
  'POST /v1/embeddings': (body, server) => {
    if (server.behaviour === 'missingVectors') return { object: 'list', model: body.model };
    const base64 = body.encoding_format === 'base64';
    const data = vectorsFor(body.input, server).map((vector, index) => ({
      object: 'embedding',
      index,
      embedding: base64 ? float32Base64(vector) : vector,
    }));
    return { object: 'list', data, model: body.model, usage: { prompt_tokens: 0, total_tokens: 0 } };
  },
};

const isJsonObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startFakeModelServer(
  options: { behaviour?: Behaviour; dimensions?: number; chatReply?: FakeModelServer['chatReply'] } = {},
): Promise<FakeModelServer> {
  const sockets = new Set<Socket>();
  const http = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
    });
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const body = parse(text);
      server.requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      const route = ROUTES[`${req.method} ${path}`];
      // Ollama reports errors as {error: string}, OpenAI-compatible servers as {error: {message, type}}.
      const error = (message: string) =>
        path.startsWith('/v1/') ? { message, type: 'server_error' } : message;
      const chat = CHAT_PATHS.has(path) && req.method === 'POST';
      if (!route && !chat) return sendJson(res, 404, { error: error(`no route ${req.method} ${path}`) });
      if (server.behaviour === 'hang') return;
      if (server.behaviour === 'error500')
        return sendJson(res, 500, { error: error('model runner crashed') });
      if (chat) return answerChat(path, isJsonObject(body) ? body : {}, res, server);
      if (server.behaviour === 'malformedJson') {
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{"embeddings": [[0.1, 0.2');
      }
      sendJson(res, 200, (route as Route)(isJsonObject(body) ? body : {}, server));
    });
  });
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const server: FakeModelServer = {
    url: `http://127.0.0.1:${port}`,
    requests: [],
    behaviour: options.behaviour ?? 'normal',
    dimensions: options.dimensions ?? 8,
    chatReply: options.chatReply ?? '{"notCovered": true, "sentences": []}',
    delayMs: 0,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging requests and keep-alive connections would otherwise hold the server (and the test) open.
        for (const socket of sockets) socket.destroy();
        if (!http.listening) return resolve();
        http.close((err) => (err ? reject(err) : resolve()));
      }),
  };
  return server;
}
