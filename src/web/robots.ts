import robotsParserModule from 'robots-parser';
import type { Clock } from './clock.js';
import { describeStatus, FetchError } from './fetch-error.js';
import type { HostPacer } from './pacer.js';

/** RFC 9309 §2.4: a robots.txt should not be used for more than a day. */
const ROBOTS_TTL_MS = 24 * 60 * 60 * 1000;
/** An unreachable robots.txt blocks the site for this long, then it is asked again. */
const ROBOTS_UNREACHABLE_TTL_MS = 5 * 60 * 1000;
/** Sites remembered at most (a robots.txt is small once parsed). */
const MAX_ROBOTS_ORIGINS = 1000;
/** The longest Crawl-delay honoured: a site asking for more still gets one request per minute. */
const MAX_CRAWL_DELAY_MS = 60_000;

// robots-parser is CommonJS (module.exports = the function) while its types declare an ES default export.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;
type Robots = ReturnType<typeof robotsParser>;
type Verdict =
  | { kind: 'rules'; robots: Robots }
  | { kind: 'allow-all' }
  | { kind: 'unreachable'; why: string }
  /** The site itself failed (its address refused, a timeout, a network error): said as such, not as a robots.txt problem. */
  | { kind: 'failed'; error: FetchError };

/** A robots.txt as fetched: its final status and, for a 2xx, its text. */
export interface RobotsFile {
  status: number;
  text: string;
}

/**
 * Whether a site's robots.txt lets the bot fetch a URL, asked once per origin
 * and remembered (RFC 9309). A 4xx robots.txt (404 above all) allows
 * everything; a 5xx or 429 means "complete disallow" (RFC 9309 §2.3.1.4)
 * until it is asked again a few minutes later — a site in trouble is not one
 * to crawl. When robots.txt can't be reached at all (timeout, no such host,
 * refused connection, bad certificate), that failure is the page's: the user
 * is told what is wrong with the site, and the next fetch asks again.
 */
export interface RobotsGate {
  /** Throws `robots` when the URL may not be fetched; applies the site's Crawl-delay to the pacer. */
  check(url: URL, signal?: AbortSignal): Promise<void>;
}

export interface RobotsGateOptions {
  /** Fetch `robotsUrl` (redirects followed, address policy applied, no robots check of its own). */
  load(robotsUrl: URL): Promise<RobotsFile>;
  clock: Clock;
  pacer: HostPacer;
  /** The product token robots.txt groups are matched against ("StatementCorpusBot"). */
  agentToken: string;
}

export function createRobotsGate({ load, clock, pacer, agentToken }: RobotsGateOptions): RobotsGate {
  const cache = new Map<string, { expiresAtMs: number; verdict: Promise<Verdict> }>();

  const verdictFor = (origin: string): Promise<Verdict> => {
    const cached = cache.get(origin);
    if (cached !== undefined && cached.expiresAtMs > clock.now()) return cached.verdict;
    if (cache.size >= MAX_ROBOTS_ORIGINS) cache.delete(cache.keys().next().value as string);
    const entry = { expiresAtMs: Number.POSITIVE_INFINITY, verdict: fetchVerdict(new URL('/robots.txt', origin), load) };
    cache.set(origin, entry);
    entry.verdict.then(
      (verdict) => {
        if (verdict.kind === 'failed') cache.delete(origin);
        else entry.expiresAtMs = clock.now() + (verdict.kind === 'unreachable' ? ROBOTS_UNREACHABLE_TTL_MS : ROBOTS_TTL_MS);
      },
      () => cache.delete(origin),
    );
    return entry.verdict;
  };

  return {
    async check(url, signal) {
      const verdict = await abortable(verdictFor(url.origin), signal);
      const robotsUrl = `${url.origin}/robots.txt`;
      if (verdict.kind === 'unreachable') {
        throw new FetchError('robots', `Couldn't read ${robotsUrl} (${verdict.why}), so nothing is fetched from ${url.host} for now; try again in a few minutes`, {
          url: url.href,
        });
      }
      if (verdict.kind === 'failed') throw pageFailure(verdict.error, url);
      if (verdict.kind === 'allow-all') return;
      if (verdict.robots.isAllowed(url.href, agentToken) === false) {
        throw new FetchError('robots', `${url.href} is off limits to bots: ${robotsUrl} disallows it`, { url: url.href });
      }
      const crawlDelaySeconds = verdict.robots.getCrawlDelay(agentToken);
      if (crawlDelaySeconds !== undefined && crawlDelaySeconds > 0) pacer.setInterval(url.hostname, Math.min(crawlDelaySeconds * 1000, MAX_CRAWL_DELAY_MS));
    },
  };
}

async function fetchVerdict(robotsUrl: URL, load: RobotsGateOptions['load']): Promise<Verdict> {
  let file: RobotsFile;
  try {
    file = await load(robotsUrl);
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    // The site's own failure is the page's. (A robots.txt redirecting elsewhere, to a refused address or in circles, is merely unreadable.)
    const ownHost = error.url !== undefined && new URL(error.url).host === robotsUrl.host;
    if (ownHost && (error.reason === 'refused-address' || error.reason === 'network' || error.reason === 'timeout')) return { kind: 'failed', error };
    return { kind: 'unreachable', why: unreachableReason(error) };
  }
  if (file.status >= 200 && file.status < 300) return { kind: 'rules', robots: robotsParser(robotsUrl.href, file.text) };
  if (file.status >= 400 && file.status < 500 && file.status !== 429) return { kind: 'allow-all' };
  return { kind: 'unreachable', why: `it answered ${describeStatus(file.status)}` };
}

function unreachableReason(error: FetchError): string {
  if (error.reason === 'refused-address') return "it redirects to an address the bot doesn't fetch";
  if (error.reason === 'too-many-redirects') return 'it redirects too many times';
  if (error.reason === 'timeout') return 'it redirects to a site that took too long to answer';
  return 'it redirects to a site that could not be reached';
}

/** The robots.txt fetch's failure, told about the page the user asked for. */
function pageFailure(error: FetchError, url: URL): FetchError {
  const inner = error.cause instanceof FetchError ? error.cause.message : undefined;
  if (error.reason === 'refused-address' && inner !== undefined) return new FetchError('refused-address', `Not fetching ${url.href}: ${inner}`, { url: url.href, cause: error });
  const detail = error.message.replace(/^Couldn't fetch \S+: /, '');
  return new FetchError(error.reason, error.reason === 'network' ? `Couldn't fetch ${url.href}: ${detail}` : detail, { url: url.href, cause: error });
}

/** The promise, or the signal's reason as soon as it aborts (the shared robots fetch itself goes on for others). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}
