/**
 * What a Discord user sees when the model accepts the question and sends
 * nothing: the verbatim answer well before they give up, its footer saying
 * why — not "thinking…" until the whole-answer timeout.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { failOnUnhandledRejections } from '../doubles/discord/index.js';
import { buttonIds, finishedResponse, finishHarness, startHarness, textOf, type Harness } from './harness.js';

failOnUnhandledRejections();

let h: Harness;
before(async () => {
  // The harness's whole-answer timeout is 5 s; only the first-token limit can answer sooner.
  h = await startHarness({ model: true, env: { OPENAI_FIRST_TOKEN_TIMEOUT_MS: '200' } });
});
after(() => finishHarness(h));

test('GIVEN a model that never sends a token THEN the answer is the verbatim one, cited, and its footer says the model did not reply in time', async () => {
  h.model!.enqueue({ hang: true });
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about the withdrawal of NATO troops, from a silent model?' } });
  const answer = await finishedResponse(h.double, sent.token);
  const text = textOf(answer);
  assert.match(text, /\[1\]/);
  assert.match(answer.embeds?.[0]?.footer?.text ?? '', /^The model's answer could not be used \(no reply within 200 ms\), so these are verbatim sentences/);
  assert.ok(buttonIds(answer).some((id) => id.startsWith('src:')));
});
