import type { EventEmitter } from 'node:events';

/** How often a waiter re-checks on its own, in ms: conditions on client-side state change without an event here. */
const WAIT_POLL_MS = 10;

/** Resolves once `check()` is true, re-checking on every `change` of the emitter and every few ms. */
export function waitUntil(emitter: EventEmitter, check: () => boolean, timeoutMs: number, message: string): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onChange = (): void => {
      if (!check()) return;
      cleanup();
      resolve();
    };
    const poll = setInterval(onChange, WAIT_POLL_MS);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${message} within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearInterval(poll);
      clearTimeout(timer);
      emitter.off('change', onChange);
    };
    emitter.on('change', onChange);
  });
}
