import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createStreamEditor } from '../../src/discord/stream-editor.js';

function recorder(editMs = 0) {
  const edits: { payload: string; at: number }[] = [];
  const start = Date.now();
  return {
    edits,
    edit: async (payload: string) => {
      edits.push({ payload, at: Date.now() - start });
      if (editMs > 0) await sleep(editMs);
    },
  };
}

test('GIVEN partials arriving every 5 ms for 300 ms THEN edits are ≥ the interval apart, few, and the last is the final', async () => {
  const { edits, edit } = recorder();
  const editor = createStreamEditor({ edit, intervalMs: 100 });
  const started = Date.now();
  for (let i = 1; i <= 60; i += 1) {
    editor.update(`partial ${i}`);
    await sleep(5);
  }
  await editor.finish('final');
  // At most one edit per interval of the time it really took (a loaded machine sleeps longer).
  const allowed = Math.ceil((Date.now() - started) / 100) + 1;
  assert.ok(edits.length >= 3 && edits.length <= allowed, `${edits.length} edits in ${Date.now() - started} ms`);
  for (let i = 1; i < edits.length; i += 1) assert.ok(edits[i]!.at - edits[i - 1]!.at >= 95, `edit ${i} ${edits[i]!.at - edits[i - 1]!.at} ms after the previous`);
  assert.equal(edits.at(-1)!.payload, 'final');
  assert.equal(edits[0]!.payload, 'partial 1', 'the first partial shows at once');
});

test('GIVEN a slow edit (a 429 being waited out) THEN edits never overlap and the newest partial wins', async () => {
  let inFlight = 0;
  let maxInFlight = 0;
  const shown: string[] = [];
  const editor = createStreamEditor({
    intervalMs: 10,
    edit: async (payload: string) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      shown.push(payload);
      await sleep(payload === 'a' ? 80 : 1);
      inFlight -= 1;
    },
  });
  editor.update('a');
  await sleep(15);
  editor.update('b');
  editor.update('c');
  await sleep(100);
  await editor.finish('final');
  assert.equal(maxInFlight, 1);
  assert.deepEqual(shown, ['a', 'c', 'final']);
});

test('GIVEN a failing partial edit THEN streaming goes on; a failing final edit is thrown', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const editor = createStreamEditor({
    intervalMs: 1,
    onPartialError: (error) => errors.push(error),
    edit: async (payload: string) => {
      calls += 1;
      if (payload !== 'ok') throw new Error(`edit ${payload} failed`);
    },
  });
  editor.update('partial');
  await sleep(5);
  assert.equal(errors.length, 1);
  await assert.rejects(editor.finish('final'), /edit final failed/);
  editor.update('ignored after finish');
  await sleep(5);
  assert.equal(calls, 2);
});

test('GIVEN a stop while an edit is in flight THEN it waits for that edit and sends nothing more', async () => {
  const { edits, edit } = recorder(30);
  const editor = createStreamEditor({ edit, intervalMs: 10 });
  editor.update('a');
  await sleep(1);
  editor.update('b');
  await editor.stop();
  await sleep(50);
  assert.deepEqual(edits.map((e) => e.payload), ['a']);
});
