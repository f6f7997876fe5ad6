import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startRefreshSchedule, type Timers } from '../../src/corpus/admin/refresh-schedule.js';

const MINUTE_MS = 60_000;

/** A clock that only moves when told: timers fire in order of their due time. */
class FakeTimers implements Timers {
  now = 0;
  private pending: { at: number; callback: () => void; id: number }[] = [];
  private next = 1;
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.push({ at: this.now + ms, callback, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }
  get scheduled(): number[] {
    return this.pending.map((timer) => timer.at);
  }
  /** Move the clock, firing what falls due, and let the promises it starts settle. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const due = this.pending.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.pending = this.pending.filter((timer) => timer !== due);
      this.now = due.at;
      due.callback();
      await settle();
    }
    this.now = until;
    await settle();
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function recordingLog() {
  const lines: { level: string; msg: string }[] = [];
  return { lines, log: { info: (_o: unknown, msg: string) => void lines.push({ level: 'info', msg }), error: (_o: unknown, msg: string) => void lines.push({ level: 'error', msg }) } };
}

/** A refresh that stays in progress until the test finishes it. */
function controlledRefresh() {
  const calls: { signal: AbortSignal; finish: (error?: Error) => void }[] = [];
  const refresh = (signal: AbortSignal) => new Promise<unknown>((resolve, reject) => calls.push({ signal, finish: (error) => (error ? reject(error) : resolve({ added: 1 })) }));
  return { calls, refresh };
}

test('GIVEN a 10-minute interval THEN the first refresh runs after the start delay and the next 10 minutes after it ends, never two at once', async () => {
  const timers = new FakeTimers();
  const { calls, refresh } = controlledRefresh();
  const abort = new AbortController();
  const { log } = recordingLog();
  const schedule = startRefreshSchedule({ refresh, intervalMs: 10 * MINUTE_MS, firstDelayMs: MINUTE_MS, log, signal: abort.signal, timers });

  await timers.advance(MINUTE_MS - 1);
  assert.equal(calls.length, 0, 'nothing before the start delay');
  await timers.advance(1);
  assert.equal(calls.length, 1);

  await timers.advance(30 * MINUTE_MS);
  assert.equal(calls.length, 1, 'a slow refresh is not joined by another');
  calls[0]!.finish();
  await settle();
  assert.deepEqual(timers.scheduled, [timers.now + 10 * MINUTE_MS], 'the next one is due an interval after this one ended');
  await timers.advance(10 * MINUTE_MS);
  assert.equal(calls.length, 2);
  assert.equal(schedule.runs, 1);
  abort.abort();
  calls[1]!.finish();
  await schedule.stopped;
});

test('GIVEN a refresh that fails THEN it is logged, not thrown, and the next one still comes on time', async () => {
  const timers = new FakeTimers();
  const { calls, refresh } = controlledRefresh();
  const abort = new AbortController();
  const { lines, log } = recordingLog();
  const schedule = startRefreshSchedule({ refresh, intervalMs: 5 * MINUTE_MS, firstDelayMs: 0, log, signal: abort.signal, timers });
  await timers.advance(0);
  calls[0]!.finish(new Error('getaddrinfo ENOTFOUND example.org'));
  await settle();
  assert.deepEqual(lines.map((l) => l.level), ['error']);
  await timers.advance(5 * MINUTE_MS);
  assert.equal(calls.length, 2);
  calls[1]!.finish();
  await settle();
  assert.deepEqual(lines.map((l) => l.level), ['error', 'info']);
  abort.abort();
  await schedule.stopped;
});

test('GIVEN shutdown during a refresh THEN the refresh is told to stop, the schedule ends once it has, and nothing more runs', async () => {
  const timers = new FakeTimers();
  const { calls, refresh } = controlledRefresh();
  const abort = new AbortController();
  const { lines, log } = recordingLog();
  const schedule = startRefreshSchedule({ refresh, intervalMs: MINUTE_MS, firstDelayMs: 0, log, signal: abort.signal, timers });
  await timers.advance(0);
  let stopped = false;
  void schedule.stopped.then(() => (stopped = true));

  abort.abort(new Error('shutting down'));
  await settle();
  assert.equal(calls[0]!.signal.aborted, true, 'the run in progress sees the abort');
  assert.equal(stopped, false, 'the schedule waits for the run to end');
  calls[0]!.finish(new Error('aborted'));
  await schedule.stopped;
  assert.deepEqual(lines, [], 'an abort at shutdown is not an error');
  await timers.advance(10 * MINUTE_MS);
  assert.equal(calls.length, 1);
  assert.deepEqual(timers.scheduled, []);
});
