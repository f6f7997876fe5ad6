import { setTimeout as sleepFor } from 'node:timers/promises';

/**
 * Time as the fetcher sees it, injectable so tests pace requests in fake time
 * and never sleep for real.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolve after `ms`; reject with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleepFor(ms, undefined, signal === undefined ? undefined : { signal }),
};
