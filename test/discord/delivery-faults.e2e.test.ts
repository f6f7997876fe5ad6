/**
 * A finished answer must reach the asker even when Discord won't take the
 * edit that shows it: every try of the final edit failing with 500 (discord.js
 * retries 5xx three times itself, so four failures reach the bot) sends the
 * answer as a follow-up, and if that fails too, as a message in the channel —
 * never "Something went wrong" in place of an answer that exists.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { failOnUnhandledRejections, match, type RecordedRequest } from '../doubles/discord/index.js';
import { sourceNumber, type ReceivedRequest } from '../doubles/openai-server.js';
import { buttonIds, finishHarness, startHarness, textOf, type Harness } from './harness.js';

failOnUnhandledRejections();

let h: Harness;
before(async () => {
  h = await startHarness({ model: true });
});
after(() => finishHarness(h));

/** discord.js tries a request four times before a 5xx reaches the bot. */
const EVERY_TRY = 4;

const icorAnswer = (request: ReceivedRequest) => {
  const n = sourceNumber(request, 'ICOR');
  return `ICOR calls the withdrawal of the US and NATO troops the disastrous defeat of NATO [${n}]. ICOR concludes that the people of Afghanistan can only liberate themselves [${n}].`;
};

/** The edit that would show the finished answer: the one carrying the Sources. */
const finalEdit = (path: RegExp) => (request: RecordedRequest) => request.method === 'PATCH' && path.test(request.path) && JSON.stringify(request.body).includes('"Sources"');

function assertIsTheAnswer(text: string): void {
  assert.match(text, /the disastrous defeat of NATO \[1\]\./);
  assert.match(text, /can only liberate themselves \[1\]\./);
  assert.match(text, /\*\*\[1\]\*\* .*No to any imperialist/, 'with its sources');
  assert.doesNotMatch(text, /Something went wrong/);
}

test('GIVEN every try of the final edit fails with 500 THEN the finished answer arrives as a follow-up, with its sources and buttons', async () => {
  h.model!.enqueue({ text: icorAnswer, chunkChars: 12, delayPerChunkMs: 10 });
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about the defeat of NATO, when edits fail?' } });
  h.double.failNext(finalEdit(new RegExp(`/${sent.token}/messages/@original$`)), 500, { times: EVERY_TRY });
  const answer = await h.double.waitFor(() => h.double.followUps(sent.token).find((m) => buttonIds(m).length > 0), 10_000, 'the answer as a follow-up');
  assertIsTheAnswer(textOf(answer));
  assert.equal((answer.flags ?? 0) & 64, 0, 'public, like the reply it stands in for');
  const body = h.double.sentMessageBodies().find(({ request }) => request.method === 'POST' && request.path.endsWith(`/${sent.token}`) && request.status === 200)!.body;
  assert.deepEqual((body.allowed_mentions as { parse: unknown[] }).parse, [], 'the follow-up pings no one');
  assert.ok(h.logs.some((line) => line.includes('"msg":"the reply could not be edited; sending the answer as a follow-up"') && line.includes('500')));
  assert.ok(!h.logs.some((line) => line.includes('"msg":"answering failed"')), 'not reported as a failed answer');
});

test('GIVEN the final edit and the follow-up both fail with 500 THEN the finished answer is posted in the channel', async () => {
  h.model!.enqueue({ text: icorAnswer, chunkChars: 12, delayPerChunkMs: 10 });
  const since = h.double.requests.length;
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about the defeat of NATO, when webhooks fail?' } });
  h.double.failNext(finalEdit(new RegExp(`/${sent.token}/messages/@original$`)), 500, { times: EVERY_TRY });
  h.double.failNext(match.followUp(sent.token), 500, { times: EVERY_TRY });
  const posted = await h.double.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${h.double.ids.general}/messages` && r.status === 200, 10_000, { since });
  const answer = h.double.message((posted.response as { id: string }).id);
  assert.match(textOf(answer), /^Answer for Alice/);
  assertIsTheAnswer(textOf(answer));
  assert.deepEqual(h.double.followUps(sent.token), [], 'no follow-up got through');
  assert.deepEqual((posted.body as { allowed_mentions: { parse: unknown[] } }).allowed_mentions.parse, [], 'the channel message pings no one');
});

test('GIVEN the edit, the follow-up and the channel message all fail THEN the asker gets a short private message, and the log the detail', async () => {
  h.model!.enqueue({ text: icorAnswer });
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about the defeat of NATO, when Discord is down?' } });
  h.double.failNext(finalEdit(new RegExp(`/${sent.token}/messages/@original$`)), 500, { times: EVERY_TRY });
  h.double.failNext(match.followUp(sent.token), 500, { times: EVERY_TRY });
  h.double.failNext(match.sendMessage(h.double.ids.general), 500, { times: EVERY_TRY });
  const notice = await h.double.waitFor(() => h.double.followUps(sent.token)[0], 10_000, 'the notice');
  assert.match(textOf(notice), /^Something went wrong while answering\. It has been logged/);
  assert.equal(notice.flags! & 64, 64, 'private');
  assert.ok(h.logs.some((line) => line.includes('"msg":"could not deliver a finished answer"') && line.includes('500')));
});

test('GIVEN a question by mention AND the final edit in its thread fails with 500 THEN the answer is a new message in the thread', async () => {
  h.model!.enqueue({ text: icorAnswer, chunkChars: 12, delayPerChunkMs: 10 });
  h.double.failNext(finalEdit(/^\/channels\/\d+\/messages\/\d+$/), 500, { times: EVERY_TRY });
  const since = h.double.requests.length;
  h.double.postUserMessage({ content: 'What does ICOR say about the defeat of NATO, when thread edits fail?', mentionBot: true });
  const thread = (await h.double.waitForRequest(match.startThread(), 5_000, { since })).response as { id: string };
  const answer = await h.double.waitFor(() => h.double.messagesIn(thread.id).find((m) => m.author.id === h.double.ids.application && buttonIds(m).length > 0), 10_000, 'the answer in the thread');
  assertIsTheAnswer(textOf(answer));
  assert.equal(h.double.pendingFaults.length, 0, 'the final edit did fail');
});
