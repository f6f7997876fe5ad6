import type { Clock } from './clock.js';
import { describeWait, FetchError } from './fetch-error.js';

/** Hosts remembered at most; entries whose slot has passed are dropped first. */
const MAX_TRACKED_HOSTS = 10_000;

/**
 * At most one request per interval to each host: each request reserves the
 * next free slot for its host before waiting, so concurrent requests queue up
 * instead of all waking at once. Hosts don't wait for each other.
 */
export interface HostPacer {
  /** Wait (in the clock's time) for this host's next slot, and take it; `timeout` when the queue is already longer than allowed. */
  take(url: URL, signal?: AbortSignal): Promise<void>;
  /** A longer interval for one host (its robots.txt Crawl-delay). */
  setInterval(host: string, intervalMs: number): void;
  /** The site asked us to wait (429 Retry-After): no request to it before `untilMs`. */
  holdOff(host: string, untilMs: number): void;
  /** Milliseconds left of a hold-off, 0 when none. */
  heldOffFor(host: string): number;
}

interface HostState {
  nextSlotMs: number;
  intervalMs?: number;
  heldOffUntilMs?: number;
}

export function createHostPacer(clock: Clock, defaultIntervalMs: number, maxQueueWaitMs: number): HostPacer {
  const hosts = new Map<string, HostState>();
  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (state === undefined) {
      if (hosts.size >= MAX_TRACKED_HOSTS) forgetIdle(hosts, clock.now());
      state = { nextSlotMs: 0 };
      hosts.set(host, state);
    }
    return state;
  };

  return {
    async take(url, signal) {
      const host = url.hostname;
      const state = stateOf(host);
      const now = clock.now();
      const slot = Math.max(now, state.nextSlotMs);
      if (slot - now > maxQueueWaitMs) {
        const waitSeconds = Math.ceil((slot - now) / 1000);
        throw new FetchError('timeout', `${url.host} already has requests queued for the next ${describeWait(waitSeconds)}; try again later`, {
          url: url.href,
        });
      }
      state.nextSlotMs = slot + Math.max(defaultIntervalMs, state.intervalMs ?? 0);
      if (slot > now) await clock.sleep(slot - now, signal);
    },
    setInterval(host, intervalMs) {
      stateOf(host).intervalMs = intervalMs;
    },
    holdOff(host, untilMs) {
      const state = stateOf(host);
      state.heldOffUntilMs = Math.max(state.heldOffUntilMs ?? 0, untilMs);
    },
    heldOffFor(host) {
      const until = hosts.get(host)?.heldOffUntilMs;
      return until === undefined ? 0 : Math.max(0, until - clock.now());
    },
  };
}

function forgetIdle(hosts: Map<string, HostState>, now: number): void {
  for (const [host, state] of hosts) {
    if (state.nextSlotMs <= now && (state.heldOffUntilMs ?? 0) <= now) hosts.delete(host);
  }
  // Still full (every host busy): drop the oldest, a lesser evil than unbounded memory.
  if (hosts.size >= MAX_TRACKED_HOSTS) hosts.delete(hosts.keys().next().value as string);
}
