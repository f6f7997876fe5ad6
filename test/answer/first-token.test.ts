/**
 * A model that accepts the question and then sends nothing must not keep the
 * asker watching "thinking…" for the whole OPENAI_TIMEOUT_MS (60 s): after
 * OPENAI_FIRST_TOKEN_TIMEOUT_MS without a token the answer is the extractive
 * one, and fallbackReason says why. The limits here are short and the
 * assertions are about outcomes, so a loaded machine can't make them flaky:
 * a model that never answers can't answer early.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sourceNumber, type ReceivedRequest } from '../doubles/openai-server.js';
import { assertGrounded, startHarness, type Harness } from './harness.js';

const FIRST_TOKEN_LIMIT_MS = 200;

let harness: Harness;
before(async () => {
  // The whole-answer deadline is far away: only the first-token limit can end these answers early.
  harness = await startHarness({ config: { OPENAI_TIMEOUT_MS: '60000', OPENAI_FIRST_TOKEN_TIMEOUT_MS: String(FIRST_TOKEN_LIMIT_MS), OPENAI_MAX_RETRIES: '2' } });
});
after(() => harness.close());

const icorAnswer = (request: ReceivedRequest) => `ICOR calls the Taliban a fascist force [${sourceNumber(request, 'ICOR')}].`;

test('GIVEN a model that accepts the question and never sends a token THEN the extractive answer, saying the model did not reply in time, and no retry', async () => {
  harness.model.enqueue({ hang: true });
  const before = harness.model.requests.length;
  const { result, partials } = await harness.ask('What does ICOR say about the Taliban, with a silent model?');
  assert.equal(result.mode, 'fallback');
  assert.equal(result.fallbackReason, `no reply within ${FIRST_TOKEN_LIMIT_MS} ms`);
  assert.deepEqual(partials, []);
  assert.equal(harness.model.requests.length - before, 1, 'the asker has waited long enough: not retried');
  assertGrounded(result);
});

test('GIVEN a model that sends its first chunk long after the limit THEN the extractive answer, not the late one', async () => {
  harness.model.enqueue({ text: icorAnswer, delayPerChunkMs: 30_000 });
  const { result } = await harness.ask('What does ICOR say about the Taliban, with a slow start?');
  assert.equal(result.mode, 'fallback');
  assert.equal(result.fallbackReason, `no reply within ${FIRST_TOKEN_LIMIT_MS} ms`);
});

test('GIVEN a 500 and a retry that never sends a token THEN the limit counts from the question, across the retry', async () => {
  harness.model.enqueue({ status: 500 }, { hang: true });
  const { result } = await harness.ask('What does ICOR say about the Taliban, after a server error?');
  assert.equal(result.mode, 'fallback');
  assert.equal(result.fallbackReason, `no reply within ${FIRST_TOKEN_LIMIT_MS} ms`);
});

test('GIVEN the first token in time THEN the limit is off: a stream that then takes longer than it is still the answer', async () => {
  const patient = await startHarness({ config: { OPENAI_TIMEOUT_MS: '60000', OPENAI_FIRST_TOKEN_TIMEOUT_MS: '2000' } });
  try {
    // The first chunk comes after 150 ms; all 22 take 3.3 s, past the 2 s limit.
    patient.model.enqueue({ text: icorAnswer, chunkChars: 2, delayPerChunkMs: 150 });
    const { result } = await patient.ask('What does ICOR say about the Taliban, slowly but surely?');
    assert.equal(result.mode, 'llm');
    assert.equal(result.text, 'ICOR calls the Taliban a fascist force [1].');
  } finally {
    await patient.close();
  }
});
