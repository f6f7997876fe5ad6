/**
 * What the double records of every REST request, how tests pick requests out
 * (matchers), and the faults a test scripts onto the next matching request.
 */

/** One REST request the bot made, as the double saw and answered it. */
export interface RecordedRequest {
  /** Order of arrival, from 1. */
  seq: number;
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the `payload_json` of a multipart body; undefined when none. */
  body: unknown;
  /** Files of a multipart body: form field, file name, size in bytes. */
  files: { field: string; filename: string; size: number }[];
  /** Request headers, lower-case, without `authorization`. */
  headers: Record<string, string>;
  /** Whether an `Authorization: Bot <token>` header came with it (the header itself is never kept). */
  authorized: boolean;
  /** When it arrived (ms since epoch). */
  at: number;
  /** The route it matched, e.g. `PATCH /webhooks/:app/:token/messages/:message`; undefined when none did. */
  route?: string;
  /** Status answered (set once answered). */
  status?: number;
  /** Body answered (set once answered). */
  response?: unknown;
  /** When it was answered. */
  answeredAt?: number;
  /** Scripted latency (`setLatency`) it waited before being answered, in ms; undefined when none. */
  latencyMs?: number;
  /** A scripted fault answered it: `rate-limit`, `fail`. */
  fault?: 'rate-limit' | 'fail';
  /** Set when the double judged the request a bot mistake (unknown route, invalid body, late or double acknowledgement…). */
  problem?: string;
}

/**
 * Picks requests: a function, a RegExp tested against `"METHOD /path"`, or a
 * string `"METHOD /path/with/*"` where `*` is one path segment and `**` any
 * number (the method may be left out: `"/channels/*\/typing"`).
 */
export type RequestMatcher = string | RegExp | ((request: RecordedRequest) => boolean);

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .split('/')
    .map((segment) => (segment === '**' ? '.*' : segment === '*' ? '[^/]+' : segment.replace(/[.+?^${}()|[\]\\*]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}$`);
}

/** Turns any matcher into a predicate. */
export function toPredicate(matcher: RequestMatcher): (request: RecordedRequest) => boolean {
  if (typeof matcher === 'function') return matcher;
  if (matcher instanceof RegExp) return (request) => matcher.test(`${request.method} ${request.path}`);
  const [first, ...rest] = matcher.trim().split(/\s+/);
  const hasMethod = rest.length > 0;
  const method = hasMethod ? first!.toUpperCase() : undefined;
  const path = globToRegExp(hasMethod ? rest.join(' ') : first!);
  return (request) => (method === undefined || request.method === method) && path.test(request.path);
}

/** Ready-made matchers for the requests bots make most. An omitted argument matches any. */
export const match = {
  callback: (interactionId = '*'): RequestMatcher => `POST /interactions/${interactionId}/*/callback`,
  editOriginal: (token = '*'): RequestMatcher => `PATCH /webhooks/*/${token}/messages/@original`,
  getOriginal: (token = '*'): RequestMatcher => `GET /webhooks/*/${token}/messages/@original`,
  deleteOriginal: (token = '*'): RequestMatcher => `DELETE /webhooks/*/${token}/messages/@original`,
  followUp: (token = '*'): RequestMatcher => `POST /webhooks/*/${token}`,
  editFollowUp: (token = '*', messageId = '*'): RequestMatcher => `PATCH /webhooks/*/${token}/messages/${messageId}`,
  sendMessage: (channelId = '*'): RequestMatcher => `POST /channels/${channelId}/messages`,
  editMessage: (channelId = '*', messageId = '*'): RequestMatcher => `PATCH /channels/${channelId}/messages/${messageId}`,
  typing: (channelId = '*'): RequestMatcher => `POST /channels/${channelId}/typing`,
  startThread: (channelId = '*', messageId = '*'): RequestMatcher => `POST /channels/${channelId}/messages/${messageId}/threads`,
  putCommands: (): RequestMatcher => /^PUT \/applications\/\d+(\/guilds\/\d+)?\/commands$/,
} as const;

/** A fault waiting for its request. */
export interface ScriptedFault {
  kind: 'rate-limit' | 'fail';
  matches: (request: RecordedRequest) => boolean;
  remaining: number;
  /** For a rate limit: seconds to wait. */
  retryAfterSeconds?: number;
  global?: boolean;
  /** For a failure: status and body to answer. */
  status?: number;
  body?: unknown;
}

/** Scripted faults and per-route latency; each request takes the first fault that matches it. */
export class FaultPlan {
  readonly #faults: ScriptedFault[] = [];
  readonly #latencies: { matches: (request: RecordedRequest) => boolean; ms: number }[] = [];

  add(fault: ScriptedFault): void {
    this.#faults.push(fault);
  }

  /** Removes and returns the fault for this request, if one is scripted. */
  take(request: RecordedRequest): ScriptedFault | undefined {
    const index = this.#faults.findIndex((fault) => fault.matches(request));
    if (index < 0) return undefined;
    const fault = this.#faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults.splice(index, 1);
    return fault;
  }

  /** Faults scripted but not yet used, for a test to check its script ran. */
  pending(): readonly ScriptedFault[] {
    return this.#faults;
  }

  addLatency(matches: (request: RecordedRequest) => boolean, ms: number): () => void {
    const entry = { matches, ms };
    this.#latencies.push(entry);
    return () => {
      const index = this.#latencies.indexOf(entry);
      if (index >= 0) this.#latencies.splice(index, 1);
    };
  }

  /** The added latency for a request (the largest that matches), in ms. */
  latencyFor(request: RecordedRequest): number {
    return this.#latencies.reduce((most, entry) => (entry.matches(request) ? Math.max(most, entry.ms) : most), 0);
  }
}
