import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { APIUser } from 'discord.js';
import { failOnUnhandledRejections, match } from '../doubles/discord/index.js';
import { sourceNumber, type ReceivedRequest } from '../doubles/openai-server.js';
import { buttonIds, finishedResponse, finishHarness, startHarness, textOf, type Harness } from './harness.js';

failOnUnhandledRejections();

let h: Harness;
let clockOffsetMs = 0;
before(async () => {
  h = await startHarness({
    model: true,
    now: () => Date.now() + clockOffsetMs,
    // Commands registered globally (no DISCORD_GUILD_ID), so they work in DMs too.
    env: { DISCORD_GUILD_ID: '', ASK_COOLDOWN_SECONDS: '30', ASK_DAILY_QUESTIONS_PER_USER: '3', MODEL_CONCURRENCY_GLOBAL: '1', MODEL_CONCURRENCY_PER_GUILD: '1', MODEL_QUEUE_LIMIT: '1' },
  });
});
after(() => finishHarness(h));

const EPHEMERAL = 64;
const person = (n: number, name: string): APIUser => ({ id: `10100000000000009${String(n).padStart(2, '0')}`, username: name, discriminator: '0', global_name: name, avatar: null });
const cited = (request: ReceivedRequest) => `ICOR calls the withdrawal the disastrous defeat of NATO [${sourceNumber(request, 'ICOR')}].`;
const QUESTION = 'What does ICOR say about the NATO withdrawal?';

test('GIVEN a question just asked THEN the same person is told to wait, privately; after the cooldown they may ask again', async () => {
  const user = 'alice';
  h.model!.enqueue({ text: cited });
  const first = h.double.sendSlashCommand({ name: 'ask', options: { question: QUESTION }, user });
  await finishedResponse(h.double, first.token);
  const again = h.double.sendSlashCommand({ name: 'ask', options: { question: 'And about the Taliban?' }, user });
  const refusal = await h.double.waitForInteractionResponse(again.id);
  assert.equal(refusal.type, 4);
  assert.equal((refusal.data?.flags as number) & EPHEMERAL, EPHEMERAL);
  assert.match(String(refusal.data?.content), /^Please wait \d+ s before asking again \(one question every 30 s\)\.$/);
  clockOffsetMs += 31_000;
  h.model!.enqueue({ text: cited });
  const later = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about NATO troops?' }, user });
  assert.match(textOf(await finishedResponse(h.double, later.token)), /\[1\]/);
});

test('GIVEN the model busy and one place in the queue (DMs count against the global cap) THEN the next person sees their position, the one after is refused', async () => {
  // The running answer streams for ~3 s: long enough, even on a loaded machine, to queue and refuse the next two.
  h.model!.enqueue({ text: cited, chunkChars: 4, delayPerChunkMs: 150 }, { text: cited });
  const modelCallsBefore = h.model!.requests.length;
  // A question not asked before: a cached answer would never hold the model.
  const running = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about the Afghan people and their liberation?' }, user: person(2, 'dave'), dm: true });
  // Wait until this question holds the model (earlier tests' calls don't count).
  await h.double.waitForRequest(() => h.model!.requests.length > modelCallsBefore);
  const queued = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about US imperialism?' }, user: person(3, 'erin'), dm: true });
  const notice = await h.double.waitFor(() => (textOf(h.double.originalResponse(queued.token)).includes('queue') ? h.double.originalResponse(queued.token) : undefined));
  assert.match(textOf(notice), /^⏳ Your question is next in the queue/);
  const refused = h.double.sendSlashCommand({ name: 'ask', options: { question: 'Anything on NATO?' }, user: person(4, 'frank'), dm: true });
  const refusal = await h.double.waitForInteractionResponse(refused.id);
  assert.match(String(refusal.data?.content), /Too many questions are waiting right now \(the queue holds 1\)/);
  assert.equal((refusal.data?.flags as number) & EPHEMERAL, EPHEMERAL);
  assert.match(textOf(await finishedResponse(h.double, running.token)), /\[1\]/);
  const served = await finishedResponse(h.double, queued.token);
  assert.match(textOf(served), /\[1\]/);
  assert.doesNotMatch(textOf(served), /queue/, 'the notice is replaced by the answer');
});

test('GIVEN the daily budget spent THEN the public placeholder goes and a private message says when it resets', async () => {
  const user = person(5, 'gina');
  for (let i = 0; i < 3; i += 1) {
    h.model!.enqueue({ text: cited });
    const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: `${QUESTION} (${i})` }, user, dm: true });
    await finishedResponse(h.double, sent.token);
    clockOffsetMs += 31_000;
  }
  const over = h.double.sendSlashCommand({ name: 'ask', options: { question: QUESTION }, user, dm: true });
  const followUp = await h.double.waitFor(() => h.double.followUps(over.token)[0]);
  assert.match(textOf(followUp), /You have asked your 3 questions for today\. The budget resets at 00:00 UTC/);
  assert.equal(followUp.flags! & EPHEMERAL, EPHEMERAL);
  await h.double.waitFor(() => h.double.requests.some((r) => r.method === 'DELETE' && r.path.includes(`/${over.token}/messages/@original`)));
});

test('GIVEN the interaction token expires before the answer is ready THEN the answer is posted in the channel instead', async () => {
  clockOffsetMs += 31_000;
  h.model!.enqueue({ text: cited, chunkChars: 4, delayPerChunkMs: 30 });
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about the defeat of NATO?' }, user: 'bob' });
  await h.double.waitForInteractionResponse(sent.id);
  h.double.expireInteractionToken(sent.token);
  const posted = await h.double.waitForRequest(match.sendMessage(h.double.ids.general), 10_000);
  const message = h.double.message((posted.response as { id: string }).id)!;
  assert.match(textOf(message), /^Answer for Bob \(the original reply could no longer be edited\):/);
  assert.match(textOf(message), /\[1\]/);
  assert.ok(buttonIds(message).some((id) => id.startsWith('src:')), 'its buttons work as usual');
});
