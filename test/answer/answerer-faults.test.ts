import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sourceNumber } from '../doubles/openai-server.js';
import { assertGrounded, startHarness, type Harness } from './harness.js';

const citedReply = { text: (request: Parameters<typeof sourceNumber>[0]) => `ICOR calls the Taliban a fascist force [${sourceNumber(request, 'ICOR')}].` };

let harness: Harness;
before(async () => {
  harness = await startHarness({ cache: true, config: { OPENAI_TIMEOUT_MS: '400', OPENAI_MAX_RETRIES: '2' } });
});
after(() => harness.close());

// Each test asks its own question: the cache is on, and must never answer for the model here.
describe('model failures, as the user sees them', () => {
  test('GIVEN a 429 with retry-after THEN the call is retried and the answer is the model\'s', async () => {
    harness.model.enqueue({ status: 429, retryAfterMs: 10 }, citedReply);
    const before = harness.model.requests.length;
    const { result } = await harness.ask('What does ICOR say about the Taliban and a rate limit?');
    assert.equal(harness.model.requests.length - before, 2);
    assert.equal(result.mode, 'llm');
    assert.equal(result.text, 'ICOR calls the Taliban a fascist force [1].');
  });

  test('GIVEN a 429 asking to wait longer than is worth it THEN the answer falls back at once', async () => {
    harness.model.enqueue({ status: 429, retryAfterSeconds: 3600 });
    const before = harness.model.requests.length;
    const { result } = await harness.ask('What does ICOR say about the Taliban, again later?');
    assert.equal(harness.model.requests.length - before, 1);
    assert.equal(result.mode, 'fallback');
    assert.equal(result.fallbackReason, 'rate-limited');
  });

  test('GIVEN 500s on every try THEN after the bounded retries the user gets the extractive answer, cited', async () => {
    harness.model.enqueue({ status: 500 }, { status: 502 }, { status: 503 });
    const before = harness.model.requests.length;
    const { result, partials } = await harness.ask('What does ICOR say about the Taliban when the server is down?');
    assert.equal(harness.model.requests.length - before, 3, 'one call and OPENAI_MAX_RETRIES=2 retries');
    assert.equal(result.mode, 'fallback');
    assert.equal(result.fallbackReason, 'server-error');
    assert.match(result.text, /^The language model couldn't answer just now, so here are the passages/);
    assert.deepEqual(partials, []);
    assertGrounded(result);
  });

  test('GIVEN a 400 from the server THEN it is not retried', async () => {
    harness.model.enqueue({ status: 400, message: 'bad model' });
    const before = harness.model.requests.length;
    const { result } = await harness.ask('What does ICOR say about the Taliban with a bad request?');
    assert.equal(harness.model.requests.length - before, 1);
    assert.equal(result.fallbackReason, 'refused');
  });

  test('GIVEN a stream cut off midway THEN the user gets a complete extractive answer, not half of one, and it is not cached', async () => {
    const reply = (request: Parameters<typeof sourceNumber>[0]) => {
      const icor = sourceNumber(request, 'ICOR');
      return `ICOR calls the Taliban a fascist force [${icor}]. ICOR supports the struggle of Afghan women [${icor}]. And more.`;
    };
    harness.model.enqueue({ text: reply, chunkChars: 10, cutAfterChunks: 8 });
    const q = 'What does ICOR say about the Taliban, cut short?';
    const { result, partials } = await harness.ask(q);
    assert.equal(result.mode, 'fallback');
    assert.equal(result.fallbackReason, 'stream-interrupted');
    assert.deepEqual(partials, ['ICOR calls the Taliban a fascist force [1].'], 'the verified first sentence had streamed');
    assertGrounded(result);
    // Transient: asked again, the model is asked again.
    harness.model.enqueue(citedReply);
    const again = await harness.ask(q);
    assert.equal(again.result.cached, false);
    assert.equal(again.result.mode, 'llm');
  });

  test('GIVEN a stream that ends without finishing THEN it counts as cut off', async () => {
    harness.model.enqueue({ text: (request) => `ICOR calls the Taliban a fascist force [${sourceNumber(request, 'ICOR')}]. More to come`, chunkChars: 10, endAfterChunks: 5 });
    const { result } = await harness.ask('What does ICOR say about the Taliban, ended early?');
    assert.equal(result.mode, 'fallback');
    assert.equal(result.fallbackReason, 'stream-interrupted');
  });

  test('GIVEN a model that never answers THEN the timeout gives the extractive answer without retrying', async () => {
    harness.model.enqueue({ hang: true });
    const before = harness.model.requests.length;
    const started = performance.now();
    const { result } = await harness.ask('What does ICOR say about the Taliban, slowly?');
    assert.equal(result.mode, 'fallback');
    assert.equal(result.fallbackReason, 'timeout');
    assert.equal(harness.model.requests.length - before, 1);
    // The 2 s timeout cut it short: far below the 60 s a hung request would take, with room for a loaded machine.
    assert.ok(performance.now() - started < 10_000);
    assertGrounded(result);
  });

  test('GIVEN a stream that stalls midway THEN the timeout covers the whole answer, not just its start', async () => {
    harness.model.enqueue({ text: (request) => `ICOR calls the Taliban a fascist force [${sourceNumber(request, 'ICOR')}]. Then nothing more is ever said, however long you wait.`, chunkChars: 10, hangAfterChunks: 6 });
    const { result } = await harness.ask('What does ICOR say about the Taliban, stalling?');
    assert.equal(result.mode, 'fallback');
    assert.equal(result.fallbackReason, 'timeout');
  });

  test('GIVEN the caller aborts while the model streams THEN answer() rejects with the abort and the stream stops', async () => {
    harness.model.enqueue({ text: (request) => `ICOR calls the Taliban a fascist force [${sourceNumber(request, 'ICOR')}]. ${'More words. '.repeat(20)}`, chunkChars: 5, delayPerChunkMs: 20 });
    const controller = new AbortController();
    const pending = harness.answerer.answer({ question: 'What does ICOR say about the Taliban, cancelled?', signal: controller.signal }, { onPartial: () => controller.abort() });
    await assert.rejects(pending, { name: 'AbortError' });
  });
});
