import { Agent } from 'undici';
import { createAddressPolicy } from './address-policy.js';
import { guardedConnect, systemConnector } from './connector.js';
import type { ContentKind } from './content-kind.js';
import { acceptHeader } from './content-kind.js';
import { log } from '../log.js';
import { FetchError, httpStatusError, describeWait } from './fetch-error.js';
import { sendHop, type Hop } from './hop.js';
import { settingsOf, type WebFetcherOptions } from './options.js';
import { createHostPacer } from './pacer.js';
import { readAccepted } from './response.js';
import { parseWebUrl, redirectTarget } from './web-url.js';
import { parseRetryAfter } from './retry-after.js';
import { createRobotsGate } from './robots.js';

export type { Clock } from './clock.js';
export type { Connector, DialTarget, Resolver, ResolvedAddress } from './connector.js';
export type { ContentKind } from './content-kind.js';
export { webFetcherOptionsFromConfig, type WebFetcherOptions } from './options.js';
export { FetchError, isFetchError, type FetchFailure } from './fetch-error.js';

/** What to fetch and what kind of content is wanted; etag/lastModified from an earlier fetch make it conditional. */
export interface WebRequest {
  url: string;
  accept: readonly ContentKind[];
  etag?: string;
  lastModified?: string;
  /**
   * A file a person handed the bot (a Discord attachment), not a page found by
   * following links: fetching it is not crawling, so robots.txt is not asked
   * (RFC 9309 is for crawlers). Every other safeguard still applies.
   */
  userSupplied?: boolean;
}

export type WebResponse =
  | {
      status: 'fetched';
      requestedUrl: string;
      /** Final, after redirects. */
      url: string;
      /** MIME type, lowercased, no parameters. */
      contentType: string;
      charset?: string;
      body: Buffer;
      etag?: string;
      lastModified?: string;
      /** ISO 8601. */
      fetchedAt: string;
    }
  | { status: 'not-modified'; requestedUrl: string; url: string; etag?: string; lastModified?: string; fetchedAt: string };

/** Fetches web content politely and safely; every failure is a {@link FetchError} (or the caller's own abort). */
export interface WebFetcher {
  fetch(request: WebRequest, signal?: AbortSignal): Promise<WebResponse>;
}

/** A fetcher that owns connections: close it when done (tests, CLIs). */
export interface ClosableWebFetcher extends WebFetcher {
  close(): Promise<void>;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ROBOTS_MAX_BYTES = 512 * 1024; // RFC 9309 §2.5: parse at least the first 500 KiB
const ACCEPT_ENCODING = 'gzip, deflate, br';
const UNDICI_TIMEOUT_MARGIN_MS = 1000;

/**
 * The fetcher everything that reads the web uses: a User-Agent naming the bot,
 * one request per second per host, robots.txt honoured, timeouts, byte limits
 * over the wire and decompressed, content types checked, and no connection to
 * loopback, private, link-local or metadata addresses (checked on the address
 * actually dialled, at every redirect) unless allow-listed.
 */
export function createWebFetcher(options: WebFetcherOptions = {}): ClosableWebFetcher {
  const settings = settingsOf(options);
  const { clock } = settings;
  const policy = createAddressPolicy(settings.allowHosts);
  const dial = settings.connector ?? systemConnector(settings.timeoutMs);
  // undici's own timeouts only back ours up (hop.ts times each phase as a whole), so they fire later, never first.
  const agent = new Agent({
    connect: guardedConnect(policy, settings.resolver, dial),
    headersTimeout: settings.timeoutMs + UNDICI_TIMEOUT_MARGIN_MS,
    bodyTimeout: settings.bodyTimeoutMs + UNDICI_TIMEOUT_MARGIN_MS,
  });
  const pacer = createHostPacer(clock, settings.perHostIntervalMs, settings.maxQueueWaitMs);
  const timeouts = { headersMs: settings.timeoutMs, bodyMs: settings.bodyTimeoutMs };
  const baseHeaders = { 'user-agent': settings.userAgent, 'accept-encoding': ACCEPT_ENCODING };

  const robots = createRobotsGate({
    clock,
    pacer,
    agentToken: settings.robotsAgent,
    async load(robotsUrl) {
      const hop = await follow(robotsUrl, { ...baseHeaders, accept: 'text/plain, */*;q=0.1' }, false);
      if (hop.status < 200 || hop.status >= 300) {
        await hop.discard();
        return { status: hop.status, text: '' };
      }
      const body = await hop.read({ maxBytes: ROBOTS_MAX_BYTES, maxDecompressedBytes: ROBOTS_MAX_BYTES, truncate: true });
      return { status: hop.status, text: body.toString('utf8') };
    },
  });

  /** GET `start`, following redirects; each hop re-checked (scheme, hold-off, robots, pacing; the address at connect). */
  async function follow(start: URL, headers: Record<string, string>, checkRobots: boolean, signal?: AbortSignal): Promise<Hop> {
    const visited = new Set<string>();
    for (let url = start; ; ) {
      visited.add(url.href);
      const heldOffMs = pacer.heldOffFor(url.hostname);
      if (heldOffMs > 0) {
        const retryAfter = Math.ceil(heldOffMs / 1000);
        const message = `${url.host} asked the bot to slow down; try again in ${describeWait(retryAfter)}`;
        throw new FetchError('http-status', message, { url: url.href, httpStatus: 429, retryAfter });
      }
      // robots.txt itself is always allowed (RFC 9309 §2.2.2): a caller reading it for its sitemaps fetches it once.
      if (checkRobots && url.pathname !== '/robots.txt') await robots.check(url, signal);
      await pacer.take(url, signal);
      const hop = await sendHop(agent, url, headers, timeouts, signal);
      log.debug({ url: url.href, status: hop.status }, 'web fetch');
      const location = hop.header('location');
      if (!REDIRECT_STATUSES.has(hop.status) || location === undefined) return hop;
      await hop.discard();
      if (visited.size > settings.maxRedirects) {
        throw new FetchError('too-many-redirects', `${start.href} redirects more than ${settings.maxRedirects} times`, { url: url.href });
      }
      url = redirectTarget(location, url);
      if (visited.has(url.href)) throw new FetchError('too-many-redirects', `${start.href} redirects in a loop`, { url: url.href });
    }
  }

  return {
    async fetch(request, signal) {
      const start = parseWebUrl(request.url);
      const accept = request.accept.length > 0 ? request.accept : (['any'] as const);
      const conditional = request.etag !== undefined || request.lastModified !== undefined;
      const headers: Record<string, string> = { ...baseHeaders, accept: acceptHeader(accept) };
      if (request.etag !== undefined) headers['if-none-match'] = request.etag;
      if (request.lastModified !== undefined) headers['if-modified-since'] = request.lastModified;

      const hop = await follow(start, headers, request.userSupplied !== true, signal);
      const fetchedAt = new Date(clock.now()).toISOString();
      const etag = hop.header('etag') ?? undefined;
      const lastModified = hop.header('last-modified') ?? undefined;
      const cacheFields = { ...(etag === undefined ? {} : { etag }), ...(lastModified === undefined ? {} : { lastModified }) };
      if (hop.status === 304 && conditional) {
        await hop.discard();
        const kept = { ...(request.etag === undefined ? {} : { etag: request.etag }), ...(request.lastModified === undefined ? {} : { lastModified: request.lastModified }) };
        return { status: 'not-modified', requestedUrl: request.url, url: hop.url.href, ...kept, ...cacheFields, fetchedAt };
      }
      if (hop.status < 200 || hop.status >= 300) {
        await hop.discard();
        const retryAfter = hop.status === 429 || hop.status === 503 ? parseRetryAfter(hop.header('retry-after'), clock.now()) : undefined;
        if (retryAfter !== undefined) pacer.holdOff(hop.url.hostname, clock.now() + retryAfter * 1000);
        throw httpStatusError(hop.url.href, hop.status, retryAfter);
      }
      const content = await readAccepted(hop, accept, { maxBytes: settings.maxBytes, maxDecompressedBytes: settings.maxDecompressedBytes });
      return { status: 'fetched', requestedUrl: request.url, url: hop.url.href, ...content, ...cacheFields, fetchedAt };
    },
    close: () => agent.close(),
  };
}
