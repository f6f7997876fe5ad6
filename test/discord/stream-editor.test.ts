/**
 * The stream editor's spacing, on a mocked clock: node:test's mock timers run
 * setTimeout and Date, so "100 ms later" is exact however loaded the machine
 * is. Promise callbacks (an edit finishing, the next one being scheduled) run
 * between the clock's steps, as they would between real milliseconds.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { createStreamEditor } from '../../src/discord/stream-editor.js';

beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'] }));
afterEach(() => mock.timers.reset());

/** Lets every pending promise callback run (setImmediate is not mocked). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Moves the mocked clock forward `ms`, a millisecond at a time, settling promises after each step. */
async function advance(ms: number): Promise<void> {
  await settle();
  for (let i = 0; i < ms; i += 1) {
    mock.timers.tick(1);
    await settle();
  }
}

/** An edit that takes `editMs` on the mocked clock, recording what it showed and when it started. */
function recorder(editMs = 0) {
  const edits: { payload: string; at: number }[] = [];
  const start = Date.now();
  return {
    edits,
    edit: async (payload: string) => {
      edits.push({ payload, at: Date.now() - start });
      if (editMs > 0) await new Promise((resolve) => setTimeout(resolve, editMs));
    },
  };
}

/** The editor's clock is the mocked Date. */
const now = () => Date.now();

test('GIVEN partials arriving every 5 ms for 300 ms THEN edits are ≥ the interval apart, few, and the last is the final', async () => {
  const { edits, edit } = recorder();
  const editor = createStreamEditor({ edit, intervalMs: 100, now });
  for (let i = 1; i <= 60; i += 1) {
    editor.update(`partial ${i}`);
    await advance(5);
  }
  const finished = editor.finish('final');
  await advance(100);
  await finished;
  // One edit per interval while partials stream (0, 100, 200 ms after the first), then the final.
  assert.deepEqual(edits.map((e) => e.at - edits[0]!.at), [0, 100, 200, 300]);
  assert.ok(edits[0]!.at <= 1, `the first edit came ${edits[0]!.at} ms after the first partial`);
  assert.equal(edits[0]!.payload, 'partial 1', 'the first partial shows at once');
  assert.deepEqual(edits.slice(1, -1).map((e) => e.payload), ['partial 21', 'partial 41'], 'each edit shows the newest partial');
  assert.equal(edits.at(-1)!.payload, 'final');
});

test('GIVEN a slow edit (a 429 being waited out) THEN edits never overlap and the newest partial wins', async () => {
  let inFlight = 0;
  let maxInFlight = 0;
  const shown: string[] = [];
  const editor = createStreamEditor({
    intervalMs: 10,
    now,
    edit: async (payload: string) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      shown.push(payload);
      await new Promise((resolve) => setTimeout(resolve, payload === 'a' ? 80 : 1));
      inFlight -= 1;
    },
  });
  editor.update('a');
  await advance(15);
  editor.update('b');
  editor.update('c');
  await advance(100);
  const finished = editor.finish('final');
  await advance(20);
  await finished;
  assert.equal(maxInFlight, 1);
  assert.deepEqual(shown, ['a', 'c', 'final']);
});

test('GIVEN a failing partial edit THEN streaming goes on; a failing final edit is thrown', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const editor = createStreamEditor({
    intervalMs: 1,
    now,
    onPartialError: (error) => errors.push(error),
    edit: async (payload: string) => {
      calls += 1;
      if (payload !== 'ok') throw new Error(`edit ${payload} failed`);
    },
  });
  editor.update('partial');
  await advance(5);
  assert.equal(errors.length, 1);
  await assert.rejects(editor.finish('final'), /edit final failed/);
  editor.update('ignored after finish');
  await advance(5);
  assert.equal(calls, 2);
});

test('GIVEN a stop while an edit is in flight THEN it waits for that edit and sends nothing more', async () => {
  const { edits, edit } = recorder(30);
  const editor = createStreamEditor({ edit, intervalMs: 10, now });
  editor.update('a');
  await advance(1);
  editor.update('b');
  let stopped = false;
  const stopping = editor.stop().then(() => (stopped = true));
  await advance(29);
  assert.equal(stopped, false, 'the edit in flight is not finished yet');
  await advance(1);
  await stopping;
  await advance(50);
  assert.deepEqual(edits.map((e) => e.payload), ['a']);
});
