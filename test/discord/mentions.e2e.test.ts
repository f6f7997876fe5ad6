import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { failOnUnhandledRejections, match } from '../doubles/discord/index.js';
import { sourceNumber, type ReceivedRequest } from '../doubles/openai-server.js';
import { buttonIds, finishHarness, startHarness, textOf, type Harness } from './harness.js';

failOnUnhandledRejections();

let h: Harness;
before(async () => {
  h = await startHarness({ model: true });
});
after(() => finishHarness(h));

const icorOnNato = (request: ReceivedRequest) => `ICOR calls the withdrawal the disastrous defeat of NATO [${sourceNumber(request, 'ICOR')}].`;
const jaknaOnUkraine = (request: ReceivedRequest) => `JAKNA tells the Ukrainian people that NATO and the United States are their enemy [${sourceNumber(request, 'JAKNA')}].`;

/** The bot's finished answer in a channel: a message of its own with buttons. */
function answerIn(channelId: string, after = 0) {
  return h.double.waitFor(() => h.double.messagesIn(channelId).filter((m) => m.author.id === h.double.ids.application && buttonIds(m).length > 0)[after], 10_000, `answer ${after} in ${channelId}`);
}

let threadId: string;

test('GIVEN a message mentioning the bot THEN it answers in a thread started from that message, typing while it works', async () => {
  h.model!.enqueue({ text: icorOnNato, chunkChars: 10, delayPerChunkMs: 10 });
  const question = h.double.postUserMessage({ content: 'What does ICOR say about the NATO withdrawal?', mentionBot: true });
  const created = await h.double.waitForRequest(match.startThread());
  assert.ok(created.path.includes(`/messages/${question.id}/threads`));
  threadId = (created.response as { id: string }).id;
  assert.equal((created.body as { name: string }).name, 'What does ICOR say about the NATO withdrawal?');
  const answer = await answerIn(threadId);
  assert.match(textOf(answer), /the disastrous defeat of NATO \[1\]/);
  assert.ok(h.double.typingIn(threadId).length >= 1, 'typing indicator in the thread');
  assert.equal(h.double.messagesIn(h.double.ids.general).filter((m) => m.author.id === h.double.ids.application && buttonIds(m).length > 0).length, 0, 'nothing posted in the channel itself');
});

test('GIVEN a later message in that thread, without a mention THEN it is a follow-up: the model sees the earlier turns', async () => {
  h.model!.enqueue({ text: jaknaOnUkraine });
  h.double.postUserMessage({ content: 'And what does JAKNA tell the Ukrainians?', channelId: threadId });
  const answer = await answerIn(threadId, 1);
  assert.match(textOf(answer), /JAKNA tells the Ukrainian people/);
  const asked = h.model!.requests.at(-1)!.messages.map((m) => m.content).join('\n');
  assert.match(asked, /What does ICOR say about the NATO withdrawal\?/, 'the first question (the thread starter) is in the history');
  assert.match(asked, /the disastrous defeat of NATO/, "the bot's earlier answer is in the history");
});

test('GIVEN a mention inside an existing thread the bot did not start THEN it answers in place', async () => {
  const thread = h.double.startThread({ name: 'Discussion', user: 'bob' });
  h.model!.enqueue({ text: icorOnNato });
  h.double.postUserMessage({ content: 'What did ICOR resolve about NATO?', mentionBot: true, channelId: thread.id, user: 'bob' });
  const answer = await answerIn(thread.id);
  assert.match(textOf(answer), /\[1\]/);
  assert.equal(h.double.threadsIn(thread.id).length, 0);
});

/** The bot's reply to a message (a POST in its channel referencing it), once sent. */
function replyTo(messageId: string, since: number) {
  return h.double.waitForRequest((r) => r.method === 'POST' && (r.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id === messageId, 5_000, { since });
}

test('GIVEN messages from other bots, itself, or without a mention THEN no answer', async () => {
  const before = h.double.requests.length;
  h.double.postUserMessage({ content: 'What does ICOR say?', mentionBot: true, user: 'otherBot' });
  h.double.postUserMessage({ content: 'Nobody is asking the bot here.' });
  // A barrier instead of a sleep: the bot handles the gateway's messages in order, so once it has replied
  // to a later message (an empty mention gets a hint), it has already passed over the earlier two.
  const barrier = h.double.postUserMessage({ content: '', mentionBot: true });
  const reply = await replyTo(barrier.id, before);
  const botCalls = h.double.requests.slice(before).filter((r) => r.method === 'POST' && r.path.startsWith('/channels/') && r !== reply);
  assert.deepEqual(botCalls.map((r) => r.path), []);
});

test('GIVEN a mention with no question THEN a short hint, not an answer', async () => {
  const since = h.double.requests.length;
  const question = h.double.postUserMessage({ content: '', mentionBot: true });
  const hint = await replyTo(question.id, since);
  assert.equal(hint.path, `/channels/${h.double.ids.general}/messages`);
  assert.match(String((hint.body as { content: string }).content), /^Ask me a question about the statements/);
});

test('GIVEN a direct message THEN it is answered in the DM, no thread', async () => {
  h.model!.enqueue({ text: icorOnNato });
  h.double.postUserMessage({ content: 'What does ICOR say about NATO?', dm: true, user: 'bob' });
  const answer = await answerIn(h.double.ids.bobDm);
  assert.match(textOf(answer), /\[1\]/);
});

test('GIVEN a model answer full of @everyone and role pings THEN the message carries them but pings nobody', async () => {
  h.model!.enqueue({ text: (request) => `@everyone ICOR calls it the disastrous defeat of NATO <@&${h.double.ids.moderatorsRole}> <@${h.double.ids.alice}> [${sourceNumber(request, 'ICOR')}].` });
  h.double.postUserMessage({ content: 'ICOR and NATO @everyone?', mentionBot: true, user: 'bob' });
  const created = await h.double.waitForRequest(match.startThread(), 5000, { since: h.double.requests.length });
  const answer = await answerIn((created.response as { id: string }).id);
  assert.match(textOf(answer), /@everyone ICOR/);
  assert.deepEqual([answer.mention_everyone, answer.mention_roles, answer.mentions], [false, [], []]);
});

test('GIVEN DISCORD_ALLOW_DMS=false THEN a question by DM or /ask in a DM gets a clear refusal, not silence', async () => {
  const strict = await startHarness({ env: { DISCORD_ALLOW_DMS: 'false', DISCORD_GUILD_ID: '' } });
  try {
    strict.double.postUserMessage({ content: 'What does ICOR say about NATO?', dm: true, user: 'bob' });
    const reply = await strict.double.waitForRequest(match.sendMessage(strict.double.ids.bobDm));
    assert.equal((reply.body as { content: string }).content, 'I only answer questions in servers, not in direct messages.');
    const sent = strict.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about NATO?' }, dm: true });
    const refusal = await strict.double.waitForInteractionResponse(sent.id);
    assert.equal(refusal.data?.content, 'I only answer questions in servers, not in direct messages.');
    assert.equal((refusal.data?.flags as number) & 64, 64);
    const lookup = strict.double.sendSlashCommand({ name: 'sources', dm: true });
    assert.equal((await strict.double.waitForInteractionResponse(lookup.id)).type, 4, 'look-ups still work in DMs');
    strict.double.assertClean();
  } finally {
    await strict.close();
  }
});
