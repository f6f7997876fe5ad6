import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { failOnUnhandledRejections, ImpossibleInteractionError } from '../doubles/discord/index.js';
import { buttonIds, finishedResponse, finishHarness, startHarness, textOf, type Harness } from './harness.js';

failOnUnhandledRejections();

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  assert.ok((await finishHarness(h)) > 10, 'the messages of every command were checked for mentions');
  assert.ok(!h.logs.join('').includes(h.config.DISCORD_TOKEN!), 'the token never reaches a log');
});

const EPHEMERAL = 64;

test('GIVEN deploy-commands THEN Discord knows every command with its options and limits', () => {
  const registered = h.double.registeredCommands(h.double.ids.guild);
  assert.deepEqual(registered.map((c) => c.name).sort(), ['Ask the corpus', 'ask', 'compare', 'corpus', 'help', 'kwic', 'search', 'signatories', 'signed', 'sources', 'statement', 'timeline']);
  const ask = registered.find((c) => c.name === 'ask')!;
  const question = ask.options!.find((o) => o.name === 'question') as { max_length?: number; required?: boolean };
  assert.deepEqual([question.required, question.max_length], [true, 1000]);
});

test('GIVEN /help THEN an ephemeral explanation with examples', async () => {
  const sent = h.double.sendSlashCommand({ name: 'help' });
  const callback = await h.double.waitForInteractionResponse(sent.id);
  assert.equal(callback.type, 4);
  const shown = h.double.originalResponse(sent.token)!;
  assert.equal(shown.flags! & EPHEMERAL, EPHEMERAL);
  assert.match(textOf(shown), /\/ask question: What do the statements say about the Taliban\?/);
});

test('GIVEN /sources THEN statements per organisation, the date range and the last ingest', async () => {
  const sent = h.double.sendSlashCommand({ name: 'sources' });
  await h.double.waitForInteractionResponse(sent.id);
  const text = textOf(h.double.originalResponse(sent.token));
  assert.match(text, /\*\*8\*\* statements \(\d+ passages\), from 2021 to 2024-05-01\./);
  assert.match(text, /• ICOR — 1/);
});

test('GIVEN /ask without a model THEN a public, cited, extractive answer with source and feedback buttons', async () => {
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about the withdrawal of NATO troops from Afghanistan?' } });
  const callback = await h.double.waitForInteractionResponse(sent.id);
  assert.equal(callback.type, 5, 'deferred at once');
  const answer = await finishedResponse(h.double, sent.token);
  assert.equal(answer.flags! & EPHEMERAL, 0);
  const text = textOf(answer);
  assert.match(text, /\[1\]/);
  assert.match(text, /\*\*\[1\]\*\* \[?No to any imperialist or expansionist intervention!/);
  assert.match(text, /Verbatim sentences/);
  const ids = buttonIds(answer);
  assert.ok(ids.some((id) => id.startsWith('src:')));
  assert.ok(ids.some((id) => id.endsWith(':up')) && ids.some((id) => id.endsWith(':down')));
});

test('GIVEN /ask private THEN the deferral and the answer are ephemeral', async () => {
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about the defeat of NATO in Afghanistan?', private: true } });
  const callback = await h.double.waitForInteractionResponse(sent.id);
  assert.equal((callback.data?.flags as number) & EPHEMERAL, EPHEMERAL);
  const answer = await finishedResponse(h.double, sent.token);
  assert.equal(answer.flags! & EPHEMERAL, EPHEMERAL);
});

const badAsks: { name: string; options: Record<string, string>; unchecked?: boolean; says: RegExp }[] = [
  { name: 'an empty question', options: { question: '   ' }, says: /Please type a question/ },
  { name: 'a 6,000-character question', options: { question: 'Why '.repeat(1500) }, unchecked: true, says: /please keep it under 1,000/ },
  { name: 'a malformed date', options: { question: 'What about NATO?', from: '10/09/2021' }, says: /"10\/09\/2021" is not a date for from: use YYYY, YYYY-MM or YYYY-MM-DD/ },
  { name: 'from after to', options: { question: 'What about NATO?', from: '2022-01-01', to: '2021-01-01' }, says: /is after the end date/ },
];

for (const { name, options, unchecked, says } of badAsks) {
  test(`GIVEN /ask with ${name} THEN an immediate ephemeral message says what to fix`, async () => {
    const sent = h.double.sendSlashCommand({ name: 'ask', options, ...(unchecked ? { unchecked } : {}) });
    const callback = await h.double.waitForInteractionResponse(sent.id);
    assert.equal(callback.type, 4);
    assert.equal((callback.data?.flags as number) & EPHEMERAL, EPHEMERAL);
    assert.match(String(callback.data?.content), says);
  });
}

test('GIVEN a 6,000-character question from the Discord client THEN Discord itself refuses it (max_length)', () => {
  assert.throws(() => h.double.sendSlashCommand({ name: 'ask', options: { question: 'x'.repeat(6000) } }), ImpossibleInteractionError);
});

test('GIVEN /ask with only FTS syntax THEN a not-found answer saying nothing was searchable, not an error', async () => {
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: '" * NEAR( :' } });
  const answer = await finishedResponse(h.double, sent.token, (m) => textOf(m).length > 0);
  assert.equal(buttonIds(answer).length, 0);
  assert.doesNotMatch(textOf(answer), /went wrong/);
});

test('GIVEN "Ask the corpus" on a message THEN its text is the question and the answer is private', async () => {
  const target = h.double.postUserMessage({ content: 'Did anyone condemn the US-NATO occupation of Afghanistan?', user: 'bob' });
  const sent = h.double.sendMessageCommand({ name: 'Ask the corpus', target: target.id });
  const answer = await finishedResponse(h.double, sent.token);
  assert.equal(answer.flags! & EPHEMERAL, EPHEMERAL);
  assert.match(textOf(answer), /Did anyone condemn the US-NATO occupation/);
});

test('GIVEN "Ask the corpus" on a message without text THEN it says so', async () => {
  const target = h.double.postUserMessage({ content: '', user: 'bob' });
  const sent = h.double.sendMessageCommand({ name: 'Ask the corpus', target: target.id });
  const callback = await h.double.waitForInteractionResponse(sent.id);
  assert.match(String(callback.data?.content), /has no text/);
});
