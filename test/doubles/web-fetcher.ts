/**
 * The real web fetcher (src/web) wired for tests: it reaches only 127.0.0.1.
 *
 *   const site = await startWebServer();
 *   const web = createTestWebFetcher({ hosts: { 'news.test': '127.0.0.1', 'evil.test': '10.0.0.1' } });
 *   const page = await web.fetcher.fetch({ url: site.url('/statement', 'news.test'), accept: ['html'] });
 *   web.clock.sleeps        // fake milliseconds the fetcher waited (pacing), in order
 *   web.dialled             // every address the fetcher asked to connect to
 *   web.assertOnlyLoopback() // fails the test if anything but 127.0.0.1 was ever dialled
 *   createTestWebFetcher({ hosts: { 'news.test': '127.0.0.1' }, ports: { 80: site.port } })  // http://news.test/x reaches the site (still 127.0.0.1)
 *   await web.close();
 *
 * The resolver knows only the names in `hosts` (anything else fails like an
 * unknown name: no real DNS), the allow-list holds 127.0.0.1 alone, and the
 * clock is fake: sleeps return at once and move its time forward, so pacing
 * costs no real time. Other options (timeouts, limits) pass through.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import type { Clock } from '../../src/web/clock.js';
import type { Connector, DialTarget, Resolver } from '../../src/web/connector.js';
import { createWebFetcher, type ClosableWebFetcher } from '../../src/web/fetcher.js';
import type { WebFetcherOptions } from '../../src/web/options.js';
import { startWebServer, type WebServer } from './web-server.js';

export interface FakeClock extends Clock {
  /** Every sleep asked for, in milliseconds, in order. */
  sleeps: number[];
}

/**
 * A clock whose sleeps cost no real time: each sleeper wakes on a later turn
 * of the event loop, earliest wake-up first, and the clock jumps to its
 * wake-up time. Concurrent sleeps overlap as they would in real time (three
 * requests queued 1, 2 and 3 s ahead finish at 3 s, not 6 s).
 */
export function fakeClock(startMs = Date.parse('2026-03-01T12:00:00Z')): FakeClock {
  let nowMs = startMs;
  const sleeps: number[] = [];
  const sleepers: { wakeAtMs: number; wake: () => void }[] = [];
  let draining = false;
  const wakeNext = () => {
    sleepers.sort((a, b) => a.wakeAtMs - b.wakeAtMs);
    const sleeper = sleepers.shift();
    if (sleeper === undefined) return void (draining = false);
    nowMs = Math.max(nowMs, sleeper.wakeAtMs);
    sleeper.wake();
    setImmediate(wakeNext);
  };
  return {
    sleeps,
    now: () => nowMs,
    sleep(ms, signal) {
      signal?.throwIfAborted();
      sleeps.push(ms);
      return new Promise<void>((resolve, reject) => {
        const sleeper = { wakeAtMs: nowMs + ms, wake: resolve };
        sleepers.push(sleeper);
        signal?.addEventListener('abort', () => {
          sleepers.splice(sleepers.indexOf(sleeper), 1);
          reject(signal.reason);
        }, { once: true });
        if (!draining) {
          draining = true;
          setImmediate(wakeNext);
        }
      });
    },
  };
}

/** A resolver that knows only these names (a name may have several addresses). */
export function mapResolver(hosts: Record<string, string | readonly string[]>): Resolver {
  return async (hostname) => {
    const addresses = hosts[hostname];
    if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return (typeof addresses === 'string' ? [addresses] : addresses).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

/** A connector that dials 127.0.0.1 only; anything else is recorded as a violation and refused. `ports` sends a port (80) to another (the test server's). */
export function loopbackOnlyConnector(ports: Record<number, number> = {}): { connector: Connector; dialled: DialTarget[]; violations: DialTarget[] } {
  const dialled: DialTarget[] = [];
  const violations: DialTarget[] = [];
  const connector: Connector = (target) => {
    dialled.push(target);
    if (target.address !== '127.0.0.1') {
      violations.push(target);
      return Promise.reject(new Error(`TEST VIOLATION: the fetcher tried to connect to ${target.address}:${target.port}`));
    }
    return new Promise<Socket>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: ports[target.port] ?? target.port });
      socket.once('connect', () => resolve(socket)).once('error', reject);
    });
  };
  return { connector, dialled, violations };
}

export interface TestWebFetcher {
  fetcher: ClosableWebFetcher;
  clock: FakeClock;
  dialled: DialTarget[];
  violations: DialTarget[];
  assertOnlyLoopback(): void;
  close(): Promise<void>;
}

export type TestWebFetcherOptions = WebFetcherOptions & { hosts?: Record<string, string | readonly string[]>; ports?: Record<number, number>; clock?: FakeClock };

export function createTestWebFetcher(options: TestWebFetcherOptions = {}): TestWebFetcher {
  const { hosts = {}, ports = {}, clock = fakeClock(), ...rest } = options;
  const { connector, dialled, violations } = loopbackOnlyConnector(ports);
  const fetcher = createWebFetcher({ allowHosts: ['127.0.0.1'], resolver: mapResolver(hosts), ...rest, connector, clock });
  let closed: Promise<void> | undefined;
  return {
    fetcher,
    clock,
    dialled,
    violations,
    assertOnlyLoopback: () => assert.deepEqual(violations, [], 'the fetcher must never connect anywhere but 127.0.0.1'),
    close: () => (closed ??= fetcher.close()), // idempotent: an afterEach may close one a test already closed
  };
}

/** A loopback web site and a fetcher that reaches only it, on the fetcher's fake clock: a test file's web. */
export interface LocalWebSite {
  web: TestWebFetcher;
  site: WebServer;
  /** Fails if anything but 127.0.0.1 was ever dialled, then closes both. */
  close(): Promise<void>;
}

export async function startLocalWebSite(options: TestWebFetcherOptions = {}): Promise<LocalWebSite> {
  const web = createTestWebFetcher(options);
  const site = await startWebServer({ now: web.clock.now });
  return {
    web,
    site,
    async close() {
      web.assertOnlyLoopback();
      await web.close();
      await site.close();
    },
  };
}
