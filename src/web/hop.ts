import type { Dispatcher } from 'undici';
import { readBody, type BodyLimits } from './body.js';
import { FetchError, findFetchError } from './fetch-error.js';

/** One HTTP exchange, no redirects followed: its status and headers, its body still to read. */
export interface Hop {
  url: URL;
  status: number;
  /** A response header's value (the first, if repeated). */
  header(name: string): string | undefined;
  /** Read the body within the limits and the body timeout. */
  read(limits: BodyLimits): Promise<Buffer>;
  /** Drop the body (a redirect's, an error page's, an unwanted type's) without waiting for it. */
  discard(): Promise<void>;
}

export interface HopTimeouts {
  /** Connecting and receiving the headers. */
  headersMs: number;
  /** Receiving the whole body, once the headers are in. */
  bodyMs: number;
}

/**
 * Send one GET. Timeouts are the fetcher's own timers (not only undici's idle
 * timeouts), so a server that trickles a byte a second still times out.
 * Every failure becomes a FetchError naming the URL, except the caller's own
 * abort, which is passed on as it is.
 */
export async function sendHop(agent: Dispatcher, url: URL, headers: Record<string, string>, timeouts: HopTimeouts, signal?: AbortSignal): Promise<Hop> {
  const deadline = new AbortController();
  const combined = signal === undefined ? deadline.signal : AbortSignal.any([signal, deadline.signal]);
  let phase: 'answer' | 'send everything' = 'answer';
  const fail = (error: unknown) => hopError(error, url, signal, deadline.signal.aborted ? `${url.href} took more than ${seconds(phase === 'answer' ? timeouts.headersMs : timeouts.bodyMs)} to ${phase}` : undefined);

  let timer = setTimeout(() => deadline.abort(), timeouts.headersMs);
  let response: Dispatcher.ResponseData;
  try {
    response = await agent.request({ origin: url.origin, path: `${url.pathname}${url.search}`, method: 'GET', headers, signal: combined });
  } catch (error) {
    throw fail(error);
  } finally {
    clearTimeout(timer);
  }
  const header = (name: string) => {
    const value = response.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  return {
    url,
    status: response.statusCode,
    header,
    async read(limits) {
      phase = 'send everything';
      timer = setTimeout(() => deadline.abort(), timeouts.bodyMs);
      try {
        return await readBody(response.body, header('content-encoding'), limits, url.href);
      } catch (error) {
        throw fail(error);
      } finally {
        clearTimeout(timer);
      }
    },
    async discard() {
      // An empty body is drained, keeping the connection; any other is cut: draining would wait
      // on a server that stalls or streams forever, and a new connection costs the site little.
      if (header('content-length') === '0' || response.statusCode === 304) await response.body.dump().catch(() => undefined);
      else response.body.on('error', () => undefined).destroy();
    },
  };
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** What a failed exchange means to the person who asked for the URL. */
function hopError(error: unknown, url: URL, callerSignal: AbortSignal | undefined, timedOut: string | undefined): unknown {
  if (callerSignal?.aborted) return callerSignal.reason;
  const own = findFetchError(error);
  if (own?.url !== undefined) return own;
  if (own !== undefined) {
    const prefix = own.reason === 'refused-address' ? 'Not fetching' : "Couldn't fetch";
    return new FetchError(own.reason, `${prefix} ${url.href}: ${own.message}`, { url: url.href, cause: own });
  }
  const code = String((error as { code?: unknown }).code ?? '');
  if (timedOut !== undefined || /TIMEOUT/.test(code)) return new FetchError('timeout', timedOut ?? `${url.href} took too long to answer`, { url: url.href, cause: error });
  return new FetchError('network', `Couldn't fetch ${url.href}: ${describeNetworkFailure(code, error)}`, { url: url.href, cause: error });
}

function describeNetworkFailure(code: string, error: unknown): string {
  if (code === 'ECONNREFUSED') return 'the site refused the connection';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return "the site's name doesn't resolve";
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)|DEPTH_ZERO/.test(code)) return `the site's HTTPS certificate isn't valid (${code})`;
  if (code.startsWith('Z_') || code === 'ERR_BROTLI_DECOMPRESSION_FAILED') return 'the compressed page is corrupt';
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return 'the connection broke off before the whole page arrived';
  }
  return `the connection failed (${code || (error instanceof Error ? error.message : String(error))})`;
}
