import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GatewayServer } from './gateway.js';
import type { FaultPlan, RecordedRequest } from './requests.js';
import { DISCORD_ERRORS } from './validate.js';

/** What a route answers. `problem` marks the request as a bot mistake for `assertClean`. */
export interface Reply {
  status: number;
  body?: unknown;
  problem?: string;
  /** Bytes to send as they are instead of a JSON body (a file the CDN serves). */
  raw?: { bytes: Buffer; contentType: string };
}

/** A file the CDN serves at a path (attachments of interactions), or undefined. */
export type CdnLookup = (path: string) => { bytes: Buffer; contentType: string } | undefined;

/** One REST route: `pattern` segments starting with `:` capture, `auth` demands the bot token. */
export interface Route {
  method: string;
  pattern: string;
  auth: boolean;
  handle(request: RecordedRequest, params: Record<string, string>): Reply | Promise<Reply>;
}

/** Discord's API prefix for the version discord.js 14 speaks. */
const API_PREFIX = '/api/v10';

/** What a healthy bucket reports: plenty left, so the client never waits on its own. */
const BUCKET_LIMIT = 5;
const BUCKET_RESET_AFTER_SECONDS = 5;

function matchRoute(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  const segments = path.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = segments[i]!;
        return segments[i]!.length > 0;
      }
      return part === segments[i];
    });
    if (ok) return { route, params };
  }
  return undefined;
}

function bucketHash(route: string): string {
  return createHash('sha1').update(route).digest('hex').slice(0, 16);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON, or multipart/form-data whose `payload_json` is the JSON (files listed apart). */
async function parseBody(raw: Buffer, contentType: string): Promise<Pick<RecordedRequest, 'body' | 'files'> | { invalid: true }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Request('http://double/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
    const files: RecordedRequest['files'] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, filename: value.name, size: value.size });
      }
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    return { invalid: true };
  }
}

/**
 * The HTTP side: records every request, applies scripted latency and faults,
 * checks the bot token, routes, and answers with Discord's headers. Also hands
 * WebSocket upgrades to the gateway. Emits `request` once each request is answered.
 */
export class RestServer extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  /** Errors the double itself hit while answering (a bug in the double; assertClean reports them). */
  readonly internalErrors: unknown[] = [];
  readonly #server: Server;
  #port = 0;

  constructor(
    private readonly routes: Route[],
    /** The bot token accepted right now (it changes when a test revokes it). */
    private readonly token: () => string,
    private readonly faults: FaultPlan,
    gateway: GatewayServer,
    private readonly cdn: CdnLookup = () => undefined,
  ) {
    super();
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        this.internalErrors.push(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    this.#server.on('upgrade', (req, socket, head) => {
      if (!gateway.handleUpgrade(req, socket, head)) socket.destroy();
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.#port = (this.#server.address() as AddressInfo).port;
    return this.#port;
  }

  get port(): number {
    return this.#port;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://double');
    const versioned = url.pathname.startsWith(`${API_PREFIX}/`);
    const path = versioned
      ? url.pathname
          .slice(API_PREFIX.length)
          .split('/')
          .map((segment) => decodeURIComponent(segment))
          .join('/')
      : url.pathname;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name !== 'authorization' && value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const parsed = await parseBody(raw, req.headers['content-type'] ?? '');
    const request: RecordedRequest = {
      seq: this.requests.length + 1,
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      body: 'invalid' in parsed ? raw.toString('utf8') : parsed.body,
      files: 'invalid' in parsed ? [] : parsed.files,
      headers,
      authorized: req.headers.authorization === `Bot ${this.token()}`,
      at: Date.now(),
    };
    this.requests.push(request);

    const latency = this.faults.latencyFor(request);
    if (latency > 0) {
      request.latencyMs = latency;
      await sleep(latency);
    }

    let reply: Reply;
    let extraHeaders: Record<string, string> = {};
    const found = versioned ? matchRoute(this.routes, request.method, path) : undefined;
    if (found) request.route = `${found.route.method} ${found.route.pattern}`;
    const file = !versioned && request.method === 'GET' ? this.cdn(path) : undefined;
    if (file) request.route = 'GET /cdn/attachments/:channel/:attachment/:filename';
    // A polite fetcher asks for robots.txt before downloading an attachment: none here, so nothing is disallowed.
    const robots = !versioned && request.method === 'GET' && path === '/robots.txt';
    if (robots) request.route = 'GET /robots.txt';
    const fault = this.faults.take(request);
    if (fault?.kind === 'rate-limit') {
      request.fault = 'rate-limit';
      const seconds = fault.retryAfterSeconds ?? 1;
      reply = { status: 429, body: { message: 'You are being rate limited.', retry_after: seconds, global: Boolean(fault.global) } };
      extraHeaders = {
        'retry-after': String(seconds),
        'x-ratelimit-limit': String(BUCKET_LIMIT),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': ((Date.now() + seconds * 1000) / 1000).toFixed(3),
        'x-ratelimit-reset-after': seconds.toFixed(3),
        'x-ratelimit-bucket': bucketHash(request.route ?? path),
        'x-ratelimit-scope': fault.global ? 'global' : 'user',
        ...(fault.global ? { 'x-ratelimit-global': 'true' } : {}),
      };
    } else if (fault?.kind === 'fail') {
      request.fault = 'fail';
      const status = fault.status ?? 500;
      reply = { status, body: fault.body ?? { message: `${status}: Scripted failure`, code: 0 } };
    } else if (file) {
      reply = { status: 200, raw: file };
    } else if (robots) {
      reply = { status: 404, body: { message: '404: Not Found', code: 0 } };
    } else if (!found) {
      reply = { ...DISCORD_ERRORS.notFound, problem: `unknown request ${request.method} ${path}` };
    } else if ('invalid' in parsed) {
      reply = { status: 400, body: { code: 50109, message: 'The request body contains invalid JSON.' }, problem: 'invalid JSON body' };
    } else if (found.route.auth && !request.authorized) {
      reply = { ...DISCORD_ERRORS.unauthorized, problem: 'missing or wrong bot token' };
    } else {
      try {
        reply = await found.route.handle(request, found.params);
      } catch (error) {
        reply = { status: 500, body: { message: `double error: ${(error as Error).message}`, code: 0 }, problem: `the double crashed: ${(error as Error).stack}` };
      }
    }
    if (reply.status < 300 && request.route && !reply.raw) {
      extraHeaders = {
        'x-ratelimit-limit': String(BUCKET_LIMIT),
        'x-ratelimit-remaining': String(BUCKET_LIMIT - 1),
        'x-ratelimit-reset': (Date.now() / 1000 + BUCKET_RESET_AFTER_SECONDS).toFixed(3),
        'x-ratelimit-reset-after': BUCKET_RESET_AFTER_SECONDS.toFixed(3),
        'x-ratelimit-bucket': bucketHash(request.route),
      };
    }
    if (reply.problem) request.problem = reply.problem;
    request.status = reply.status;
    request.response = reply.body;
    request.answeredAt = Date.now();
    if (reply.raw) {
      res.writeHead(reply.status, { 'content-type': reply.raw.contentType, 'content-length': String(reply.raw.bytes.length) });
      res.end(reply.raw.bytes);
      this.emit('request', request);
      return;
    }
    const payload = reply.body === undefined ? undefined : JSON.stringify(reply.body);
    res.writeHead(reply.status, { ...(payload ? { 'content-type': 'application/json' } : {}), ...extraHeaders });
    res.end(payload);
    this.emit('request', request);
  }
}
