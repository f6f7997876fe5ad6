import { STATUS_CODES } from 'node:http';
import { UserFacingError } from '../errors.js';

/** Why a fetch failed: what a caller branches on (a retry is worth it after `timeout` or a 5xx, never after `robots`). */
export type FetchFailure =
  | 'refused-address'
  | 'robots'
  | 'timeout'
  | 'too-large'
  | 'content-type'
  | 'http-status'
  | 'too-many-redirects'
  | 'network'
  | 'bad-url';

interface FetchErrorDetails {
  /** The URL being fetched when it failed (the hop that failed, after redirects). */
  url?: string;
  /** For `http-status`: the status the site answered (404, 429, 503…). */
  httpStatus?: number;
  /** For a 429 (or a 503 that says so): seconds the site asks us to wait. */
  retryAfter?: number;
  cause?: unknown;
}

/**
 * A fetch that failed for a reason a Discord user can read and act on
 * ("https://x/y answered 404 Not Found"). Its `code` is `fetch_<reason>`.
 */
export class FetchError extends UserFacingError {
  readonly url: string | undefined;
  readonly httpStatus: number | undefined;
  readonly retryAfter: number | undefined;

  constructor(
    readonly reason: FetchFailure,
    message: string,
    details: FetchErrorDetails = {},
  ) {
    super(`fetch_${reason.replaceAll('-', '_')}`, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'FetchError';
    this.url = details.url;
    this.httpStatus = details.httpStatus;
    this.retryAfter = details.retryAfter;
  }
}

export function isFetchError(error: unknown): error is FetchError {
  return error instanceof FetchError;
}

/** The FetchError in an error's cause chain (undici wraps what a connector throws in some paths). */
export function findFetchError(error: unknown): FetchError | undefined {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof FetchError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** "404 Not Found": the status as people know it. */
export function describeStatus(status: number): string {
  const text = STATUS_CODES[status];
  return text === undefined ? String(status) : `${status} ${text}`;
}

/** "45 seconds", "3 minutes", "2 hours": a wait as people say it. */
export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.round(seconds / 3600)} hours`;
}

/** The error for a status that is neither success, redirect nor not-modified. */
export function httpStatusError(url: string, status: number, retryAfter?: number): FetchError {
  let message = `${url} answered ${describeStatus(status)}`;
  if (retryAfter !== undefined) message += `; the site asks to wait ${describeWait(retryAfter)} before trying again`;
  else if (status >= 500) message += '; the site may be down, try again later';
  return new FetchError('http-status', message, { url, httpStatus: status, retryAfter });
}
