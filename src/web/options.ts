import type { Config } from '../config.js';
import { systemClock, type Clock } from './clock.js';
import { systemResolver, type Connector, type Resolver } from './connector.js';

/** The bot's name in User-Agent and the token robots.txt files address it by. */
export const BOT_PRODUCT = 'StatementCorpusBot';
const BOT_VERSION = '0.1';

/** How the fetcher behaves; every field has a polite default. */
export interface WebFetcherOptions {
  /** Sent with every request. Default: {@link defaultUserAgent}. */
  userAgent?: string;
  /** The robots.txt user-agent token. Default: the User-Agent's product name ("StatementCorpusBot"). */
  robotsAgent?: string;
  /** DNS lookup, all addresses. Default: the system resolver (node:dns lookup). */
  resolver?: Resolver;
  /** Opens sockets to checked addresses. Default: undici's connector. Tests pass one that only dials 127.0.0.1. */
  connector?: Connector;
  /** Hostnames (`*.example.org` for subdomains), IPs and CIDRs fetched even when private or loopback. */
  allowHosts?: readonly string[];
  /** Time for pacing and fetchedAt. Default: the system clock. */
  clock?: Clock;
  /** At least this long between two requests to one host (a robots.txt Crawl-delay may ask for more). */
  perHostIntervalMs?: number;
  /** The longest a request may queue for its host's slot; past it, `timeout` at once (every queue bounded). */
  maxQueueWaitMs?: number;
  /** Connecting and receiving the headers, per hop. */
  timeoutMs?: number;
  /** Receiving the whole body once the headers are in. */
  bodyTimeoutMs?: number;
  /** Bytes over the wire; a larger Content-Length is refused before reading. */
  maxBytes?: number;
  /** Bytes once decompressed (a gzip bomb stops here). */
  maxDecompressedBytes?: number;
  /** Redirects followed; each hop is checked again (scheme, address, robots.txt, pacing). */
  maxRedirects?: number;
}

export type WebFetcherSettings = Required<Omit<WebFetcherOptions, 'connector'>> & { connector?: Connector };

export const WEB_FETCHER_DEFAULTS = {
  perHostIntervalMs: 1000,
  maxQueueWaitMs: 10 * 60 * 1000,
  timeoutMs: 10_000,
  bodyTimeoutMs: 30_000,
  maxBytes: 20 * 1024 * 1024,
  maxDecompressedBytes: 50 * 1024 * 1024,
  maxRedirects: 5,
} as const;

/**
 * "StatementCorpusBot/0.1 (+https://example.org/bot)": names the bot, and how
 * to reach whoever runs it when a contact is configured (WEB_CONTACT), so a
 * site owner who sees it in their logs knows who to ask.
 */
export function defaultUserAgent(contact?: string): string {
  const about = contact === undefined ? 'a Discord bot fetching public statements at its users\' request' : `+${contact}`;
  return `${BOT_PRODUCT}/${BOT_VERSION} (${about})`;
}

/** The options with every default filled in. */
export function settingsOf(options: WebFetcherOptions): WebFetcherSettings {
  const userAgent = options.userAgent ?? defaultUserAgent();
  return {
    ...WEB_FETCHER_DEFAULTS,
    resolver: systemResolver,
    allowHosts: [],
    clock: systemClock,
    ...withoutUndefined(options),
    userAgent,
    robotsAgent: options.robotsAgent ?? (userAgent.split(/[/\s]/)[0] || BOT_PRODUCT),
  };
}

/** The fetcher's options from the environment (WEB_* variables). */
export function webFetcherOptionsFromConfig(config: Config): WebFetcherOptions {
  return {
    userAgent: config.WEB_USER_AGENT ?? defaultUserAgent(config.WEB_CONTACT),
    allowHosts: config.WEB_ALLOW_HOSTS,
    timeoutMs: config.WEB_TIMEOUT_MS,
    maxBytes: config.WEB_MAX_BYTES,
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
