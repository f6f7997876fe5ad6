/**
 * A web server on 127.0.0.1 for tests of anything that fetches: pages, PDFs,
 * feeds, sitemaps, robots.txt, and every way a site misbehaves. Pair it with
 * createTestWebFetcher (./web-fetcher.ts), which reaches it through the real
 * fetcher with a connector that only ever dials 127.0.0.1.
 *
 *   const site = await startWebServer({ now: clock.now });      // now: stamps the request log (fake time)
 *   site.route('/statement', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html>…' });
 *   site.route('/old', redirect('/statement', 301));            // relative or absolute Location
 *   site.route('/robots.txt', { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nDisallow: /private' });
 *   site.route('/feed', (request, response) => { … });          // any node:http handler
 *   site.url('/statement')                                     // http://127.0.0.1:PORT/statement
 *   site.url('/statement', 'news.test')                        // http://news.test:PORT/statement (map the name in the resolver)
 *   site.requests                                              // { method, path, host, headers, at }[] in arrival order
 *   site.requestsTo('/statement')
 *   await site.close();                                        // also cuts connections that never finish
 *
 * Routes match the path with its query first, then the path alone. Unrouted
 * paths answer 404 — robots.txt included, which means "everything allowed".
 * Ready-made misbehaviours below: redirect, neverAnswer, stallAfterHeaders,
 * truncated (Content-Length lies), streamedBody (a large body generated as it
 * is sent, counting what was written), gzipBomb, and encodeWindows1251 for
 * pages that aren't UTF-8. Status replies (404, 500, 429 with Retry-After) are
 * plain `{ status, headers, body }` routes.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface RecordedRequest {
  method: string;
  /** Path with its query. */
  path: string;
  /** The Host header's name, without the port. */
  host: string;
  headers: IncomingHttpHeaders;
  /** When it arrived, by the `now` the server was started with (Date.now by default). */
  at: number;
}

export interface FixedReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void;
export type Route = FixedReply | RouteHandler;

export interface WebServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** The URL of a path on this server, by 127.0.0.1 or by another hostname (which the test's resolver maps here). */
  url(path: string, hostname?: string): string;
  route(path: string, route: Route): void;
  requests: RecordedRequest[];
  requestsTo(path: string): RecordedRequest[];
  close(): Promise<void>;
}

export async function startWebServer(options: { now?: () => number } = {}): Promise<WebServer> {
  const now = options.now ?? Date.now;
  const routes = new Map<string, Route>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ method: request.method ?? 'GET', path, host: (request.headers.host ?? '').replace(/:\d+$/, ''), headers: request.headers, at: now() });
    const route = routes.get(path) ?? routes.get(path.split('?')[0]!);
    if (route === undefined) return sendFixed(response, { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' });
    if (typeof route === 'function') return route(request, response);
    sendFixed(response, route);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    url: (path, hostname = '127.0.0.1') => `http://${hostname}:${port}${path}`,
    route: (path, route) => void routes.set(path, route),
    requests,
    requestsTo: (path) => requests.filter((request) => request.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function sendFixed(response: ServerResponse, reply: FixedReply): void {
  const body = reply.body ?? '';
  response.writeHead(reply.status ?? 200, { 'content-length': String(Buffer.byteLength(body)), ...reply.headers });
  response.end(body);
}

/** A redirect to `location` (resolved by the client against the request URL). */
export function redirect(location: string, status = 302): RouteHandler {
  return (_request, response) => {
    response.writeHead(status, { location, 'content-length': '0' });
    response.end();
  };
}

/** Accepts the request and never answers (the connection stays open until the client gives up or the server closes). */
export function neverAnswer(): RouteHandler {
  return () => undefined;
}

/** Sends the headers and the first bytes of the body, then nothing more. */
export function stallAfterHeaders(contentType = 'text/html'): RouteHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': '100000' });
    response.write('<html><body><p>The first paragraph arrives, and then nothing');
  };
}

/** Claims `claimedLength` bytes, sends `body` (fewer), then closes the connection. */
export function truncated(body: string, claimedLength: number, contentType = 'text/html'): RouteHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': String(claimedLength) });
    response.write(body, () => response.socket?.destroy());
  };
}

export interface StreamedBody extends RouteHandler {
  /** Bytes written so far: a client that stops reading at its limit leaves this well short of the total. */
  readonly bytesWritten: number;
}

/**
 * `totalBytes` of generated text (never held in memory), written as the client
 * reads, with or without a Content-Length (without it the client must count).
 */
export function streamedBody(totalBytes: number, options: { contentType?: string; declareLength?: boolean } = {}): StreamedBody {
  const chunk = Buffer.alloc(64 * 1024, 'All work and no play makes a dull statement. ');
  const handler = ((_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, {
      'content-type': options.contentType ?? 'text/html',
      ...(options.declareLength ? { 'content-length': String(totalBytes) } : {}),
    });
    let sent = 0;
    const writeMore = () => {
      while (sent < totalBytes && !response.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
        sent += piece.length;
        state.bytesWritten += piece.length;
        if (!response.write(piece)) return void response.once('drain', writeMore);
      }
      if (sent >= totalBytes) response.end();
    };
    response.on('close', () => response.removeAllListeners('drain'));
    writeMore();
  }) as StreamedBody;
  const state = { bytesWritten: 0 };
  Object.defineProperty(handler, 'bytesWritten', { get: () => state.bytesWritten });
  return handler;
}

/**
 * A gzip bomb: a small body that inflates to `inflatedBytes` of zeros. Built
 * at test time as concatenated gzip members of 8 MiB of zeros each (~8 KB
 * compressed), which gunzip reads one after another — so a 1 GiB bomb costs
 * 128 small members, not a gigabyte of RAM to make.
 */
export function gzipBomb(inflatedBytes: number, contentType = 'text/html'): RouteHandler & { compressedBytes: number } {
  const memberBytes = 8 * 1024 * 1024;
  const member = gzipSync(Buffer.alloc(memberBytes), { level: 9 });
  const body = Buffer.concat(Array.from({ length: Math.ceil(inflatedBytes / memberBytes) }, () => member));
  const handler = (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': contentType, 'content-encoding': 'gzip', 'content-length': String(body.length) });
    response.end(body);
  };
  return Object.assign(handler, { compressedBytes: body.length });
}

/** Text in windows-1251 (Cyrillic and ASCII only), for pages that aren't UTF-8. */
export function encodeWindows1251(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (character) => {
      const code = character.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (code === 0x401) return 0xa8; // Ё
      if (code === 0x451) return 0xb8; // ё
      throw new Error(`encodeWindows1251: no byte for ${character}`);
    }),
  );
}
