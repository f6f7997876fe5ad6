import { describeStatus, describeWait, findFetchError } from '../../web/fetch-error.js';

/** After this many failures in a row a page is asked less often: it may be gone for good. */
const FAILURES_BEFORE_BACKOFF = 3;
const BACKOFF_BASE_SECONDS = 3600;
const MAX_BACKOFF_SECONDS = 7 * 86_400;

/**
 * Why a page failed, in one line beside its URL: "HTTP 404 Not Found",
 * "HTTP 429 Too Many Requests (asked to wait 2 minutes)", or the fetcher's or
 * extraction's own message for anything else (robots.txt, a timeout, no text),
 * without the URL it starts with.
 */
export function pageFailureReason(error: unknown): string {
  const fetchError = findFetchError(error);
  if (fetchError?.reason === 'http-status' && fetchError.httpStatus !== undefined) {
    const wait = fetchError.retryAfter === undefined ? '' : ` (asked to wait ${describeWait(fetchError.retryAfter)})`;
    return `HTTP ${describeStatus(fetchError.httpStatus)}${wait}`;
  }
  const cause = fetchError ?? error;
  const line = (cause instanceof Error ? cause.message : String(error)).split('\n')[0]!;
  // Shown beside the URL (a summary line, /corpus status): "url: no main text" would name it twice.
  const url = (cause as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string') return line;
  const prefix = ['', 'Not fetching ', "Couldn't fetch "].map((lead) => `${lead}${url}: `).find((start) => line.startsWith(start));
  return prefix === undefined ? line : line.slice(prefix.length);
}

/** Seconds a server asked us to wait (a 429's or 503's Retry-After), if it did. */
export function retryAfterSeconds(error: unknown): number | undefined {
  return findFetchError(error)?.retryAfter;
}

/**
 * When a failed page may be asked again: when its server said (Retry-After);
 * at the next refresh for a page that failed once or twice (a passing 500);
 * then backing off, doubling from an hour up to a week.
 */
export function retryAt(error: unknown, now: Date, consecutiveFailures: number): Date | null {
  const wait = retryAfterSeconds(error);
  if (wait !== undefined) return new Date(now.getTime() + wait * 1000);
  if (consecutiveFailures < FAILURES_BEFORE_BACKOFF) return null;
  const seconds = Math.min(MAX_BACKOFF_SECONDS, BACKOFF_BASE_SECONDS * 2 ** (consecutiveFailures - FAILURES_BEFORE_BACKOFF));
  return new Date(now.getTime() + seconds * 1000);
}
