/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 for tests, driven
 * by the real `openai` client through OPENAI_BASE_URL (= `double.baseUrl`).
 *
 *   const model = await startOpenAIDouble();
 *   model.enqueue({ text: 'ICOR demands … [1].' });              // what the "model" says next
 *   model.enqueue({ status: 429, retryAfterMs: 5 }, { text: '…' }); // a fault, then a reply
 *   … run the answerer with OPENAI_BASE_URL=model.baseUrl …
 *   model.enqueue({ text: (request) => `… [${sourceNumber(request, 'ICOR')}].` }); // cite as the prompt numbered
 *   model.enqueue({ text: { mode: 'echo' } });                   // misbehaving on purpose: echo, misattribute, invent-number, link
 *   model.requests[0].messages                                    // what it was asked
 *   await model.close();
 *
 * Replies are used in order, one per request. The answerer's query rewrites
 * (recognised by their instructions, rewrite-keywords.ts) have a queue and a
 * request list of their own, so scripting an answer never depends on when a
 * rewrite was asked:
 *
 *   model.enqueueRewrite({ text: 'procure, fundraising, weapons' });
 *   model.rewriteRequests[0].messages
 *
 * A rewrite with no scripted reply gets an empty one (no keywords): tests that
 * aren't about rewrites see the answers they always did. Streaming (`stream: true`) is
 * sent exactly as the API does: `data: {chunk}\n\n` per chunk with
 * `choices[0].delta` (the first carries the role), a last chunk with
 * `finish_reason`, a usage chunk (`choices: []`) when
 * `stream_options.include_usage`, then `data: [DONE]\n\n`. With no reply left
 * the double answers 500 and counts the request in `unscripted`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { isRewriteRequest } from '../../src/answer/rewrite-keywords.js';
import { scriptedModeText, type ScriptedMode } from './openai-modes.js';

export interface TextReply {
  /**
   * What the model says; a function sees the request (to cite the source numbers the prompt gave).
   * A scripted mode ({ mode: 'echo' }, see openai-modes.ts) writes a misbehaving answer from the request.
   */
  text: string | ((request: ReceivedRequest) => string) | { mode: ScriptedMode };
  /** Characters per streamed chunk (default 12). */
  chunkChars?: number;
  /** Pause before each chunk (default 0). */
  delayPerChunkMs?: number;
  /** Send nothing until this settles: a slow reply the test releases when it chooses (no timing to race). */
  gate?: Promise<unknown>;
  finishReason?: 'stop' | 'length';
  /** Streaming faults: destroy the connection after this many chunks … */
  cutAfterChunks?: number;
  /** … or end the response cleanly but without finish_reason and [DONE] … */
  endAfterChunks?: number;
  /** … or stop sending (keep the connection open) after this many chunks. */
  hangAfterChunks?: number;
  usage?: { promptTokens: number; completionTokens: number };
}

export interface StatusReply {
  status: 400 | 401 | 404 | 429 | 500 | 502 | 503;
  message?: string;
  /** `retry-after` header, seconds. */
  retryAfterSeconds?: number;
  /** `retry-after-ms` header (OpenAI sends it; the client honours it). */
  retryAfterMs?: number;
}

/** Accept the request and never answer (a timeout). */
export interface HangReply {
  hang: true;
}

export type ScriptedReply = TextReply | StatusReply | HangReply;

export interface ChatMessageReceived {
  role: string;
  content: string;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  model: string | undefined;
  stream: boolean;
  messages: ChatMessageReceived[];
  body: Record<string, unknown>;
  authorization: string | undefined;
}

export interface OpenAIDouble {
  /** Base URL for the client, ending in /v1. */
  baseUrl: string;
  enqueue(...replies: ScriptedReply[]): void;
  /** Chat completion requests received, in order (query rewrites apart: rewriteRequests). */
  requests: ReceivedRequest[];
  /** Replies for query rewrites, in order; with none left a rewrite gets an empty reply. */
  enqueueRewrite(...replies: ScriptedReply[]): void;
  /** Query rewrite requests received, in order. */
  rewriteRequests: ReceivedRequest[];
  /** Requests that found no scripted reply. */
  unscripted: number;
  /** Replies not yet used. */
  pending(): number;
  close(): Promise<void>;
}

const DEFAULT_CHUNK_CHARS = 12;
const MODELS = ['gpt-4o-mini', 'gpt-4o', 'test-model'];

export async function startOpenAIDouble(): Promise<OpenAIDouble> {
  const queue: ScriptedReply[] = [];
  const rewriteQueue: ScriptedReply[] = [];
  const requests: ReceivedRequest[] = [];
  const rewriteRequests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let completions = 0;
  const double = {
    baseUrl: '',
    requests,
    rewriteRequests,
    unscripted: 0,
    enqueue: (...replies: ScriptedReply[]) => void queue.push(...replies),
    enqueueRewrite: (...replies: ScriptedReply[]) => void rewriteQueue.push(...replies),
    pending: () => queue.length,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  } satisfies OpenAIDouble;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: MODELS.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'double' })) });
    }
    if (req.method !== 'POST' || url.pathname !== '/v1/chat/completions') {
      return sendJson(res, 404, apiError(`Unknown request ${req.method} ${url.pathname}`, 'invalid_request_error', 'unknown_url'));
    }
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    const stream = body.stream === true;
    const received: ReceivedRequest = {
      method: req.method,
      path: url.pathname,
      model: typeof body.model === 'string' ? body.model : undefined,
      stream,
      messages: (Array.isArray(body.messages) ? body.messages : []) as ChatMessageReceived[],
      body,
      authorization: req.headers.authorization,
    };
    const rewrite = isRewriteRequest(received.messages);
    (rewrite ? rewriteRequests : requests).push(received);
    const reply = rewrite ? (rewriteQueue.shift() ?? { text: '' }) : queue.shift();
    if (!reply) {
      double.unscripted++;
      return sendJson(res, 500, apiError('The OpenAI double has no scripted reply for this request.', 'server_error', null));
    }
    if ('hang' in reply) return; // never answered; close() destroys the socket
    if ('gate' in reply && reply.gate) {
      await reply.gate.catch(() => undefined);
      if (res.destroyed) return;
    }
    if ('status' in reply) {
      const headers: Record<string, string> = {};
      if (reply.retryAfterSeconds !== undefined) headers['retry-after'] = String(reply.retryAfterSeconds);
      if (reply.retryAfterMs !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMs);
      const type = reply.status === 429 ? 'requests' : reply.status >= 500 ? 'server_error' : 'invalid_request_error';
      const code = reply.status === 429 ? 'rate_limit_exceeded' : null;
      return sendJson(res, reply.status, apiError(reply.message ?? `Scripted ${reply.status}`, type, code), headers);
    }
    completions++;
    const text = typeof reply.text === 'function' ? reply.text(received) : typeof reply.text === 'object' ? scriptedModeText(reply.text.mode, received) : reply.text;
    const id = `chatcmpl-double${completions}`;
    const model = typeof body.model === 'string' ? body.model : 'gpt-4o-mini';
    const usage = reply.usage ?? { promptTokens: estimateTokens(JSON.stringify(body.messages ?? [])), completionTokens: estimateTokens(text) };
    const usageJson = {
      prompt_tokens: usage.promptTokens,
      completion_tokens: usage.completionTokens,
      total_tokens: usage.promptTokens + usage.completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    };
    const created = Math.floor(Date.now() / 1000);
    const finishReason = reply.finishReason ?? 'stop';
    if (!stream) {
      return sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null, annotations: [] }, logprobs: null, finish_reason: finishReason }],
        usage: usageJson,
        service_tier: 'default',
        system_fingerprint: 'fp_double',
      });
    }
    const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-request-id': `req_${completions}` });
    const chunk = (choices: unknown[], withUsage: unknown = null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, service_tier: 'default', system_fingerprint: 'fp_double', choices, ...(includeUsage ? { usage: withUsage } : {}) })}\n\n`;
    // Each write is awaited until flushed, so a scripted cut happens after the client got what came before it.
    const write = (data: string) => new Promise<void>((resolve) => res.write(data, () => resolve()));
    await write(chunk([{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }]));
    const size = reply.chunkChars ?? DEFAULT_CHUNK_CHARS;
    const pieces = [...text].reduce<string[]>((all, char, i) => {
      if (i % size === 0) all.push('');
      all[all.length - 1] += char;
      return all;
    }, []);
    for (let i = 0; i < pieces.length; i++) {
      if (i === reply.cutAfterChunks) return void res.socket?.destroy();
      if (i === reply.endAfterChunks) return void res.end();
      if (i === reply.hangAfterChunks) return;
      await sleep(reply.delayPerChunkMs ?? 0);
      if (res.destroyed) return;
      await write(chunk([{ index: 0, delta: { content: pieces[i] }, logprobs: null, finish_reason: null }]));
    }
    res.write(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: finishReason }]));
    if (includeUsage) res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, service_tier: 'default', system_fingerprint: 'fp_double', choices: [], usage: usageJson })}\n\n`);
    res.end('data: [DONE]\n\n');
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, apiError(String(error), 'server_error', null));
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  double.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return double;
}

function apiError(message: string, type: string, code: string | null) {
  return { error: { message, type, param: null, code } };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Roughly four characters a token: good enough for usage fields. */
function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** The number the prompt gave the source of `organisation` (from `<source n="2" organisation="ICOR" …>`), for scripting citations. */
export function sourceNumber(request: ReceivedRequest, organisation: string): number {
  const prompt = request.messages.map((message) => message.content).join('\n');
  for (const match of prompt.matchAll(/<source n="(\d+)" organisation="([^"]*)"/g)) if (match[2] === organisation) return Number(match[1]);
  throw new Error(`No source by ${organisation} in the prompt`);
}
