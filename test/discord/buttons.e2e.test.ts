import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { startBot } from '../../src/discord/bot.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import { failOnUnhandledRejections } from '../doubles/discord/index.js';
import { buttonIds, finishedResponse, finishHarness, startHarness, textOf, type Harness } from './harness.js';
import { pino } from 'pino';

failOnUnhandledRejections();

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => finishHarness(h));

const EPHEMERAL = 64;

async function askIcor() {
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about the withdrawal of NATO troops from Afghanistan?' } });
  return { sent, answer: await finishedResponse(h.double, sent.token) };
}

test('GIVEN a source button THEN the cited passage is shown in context, only to the person who pressed', async () => {
  const { answer } = await askIcor();
  const source = buttonIds(answer).find((id) => id.startsWith('src:'))!;
  const click = h.double.clickButton({ message: answer, customId: source, user: 'bob' });
  const callback = await h.double.waitForInteractionResponse(click.id);
  assert.equal(callback.type, 4);
  assert.equal((callback.data?.flags as number) & EPHEMERAL, EPHEMERAL);
  const shown = textOf(h.double.originalResponse(click.token));
  assert.match(shown, /^\[1\] No to any imperialist or expansionist intervention!/);
  assert.match(shown, /> \*\*The withdrawal of the USA and further foreign troops of NATO states/);
  assert.match(shown, /ICOR · 2021-09-10 · passage \d+/);
});

test('GIVEN 👍 then 👎 from the same person THEN one feedback row holds the latest vote with question and answer', async () => {
  const { answer } = await askIcor();
  const [up, down] = [buttonIds(answer).find((id) => id.endsWith(':up'))!, buttonIds(answer).find((id) => id.endsWith(':down'))!];
  const first = h.double.clickButton({ message: answer, customId: up, user: 'bob' });
  await h.double.waitForInteractionResponse(first.id);
  assert.match(String(h.double.interaction(first.id).callback?.data?.content), /your 👍 is recorded/);
  const second = h.double.clickButton({ message: answer, customId: down, user: 'bob' });
  await h.double.waitForInteractionResponse(second.id);
  const key = up.split(':')[1]!;
  const rows = await h.db.all<{ vote: number; user_id: string; question: string; answer: string; mode: string }>('SELECT vote, user_id, question, answer, mode FROM discord_feedback WHERE answer_key = ?', [key]);
  assert.equal(rows.length, 1);
  assert.deepEqual([rows[0]!.vote, rows[0]!.user_id, rows[0]!.question, rows[0]!.mode], [-1, h.double.users.bob.id, 'What does ICOR say about the withdrawal of NATO troops from Afghanistan?', 'extractive']);
  assert.match(rows[0]!.answer, /\[1\]/);
});

test('GIVEN /search with more than one page THEN Previous/Next page through the results in place', async () => {
  const sent = h.double.sendSlashCommand({ name: 'search', options: { query: 'imperialist' } });
  const first = await finishedResponse(h.double, sent.token);
  assert.match(textOf(first), /Page 1 of 2/);
  assert.match(textOf(first), /\*\*imperialist\*\*/i);
  const [prev, next] = buttonIds(first);
  const click = h.double.clickButton({ message: first, customId: next! });
  const callback = await h.double.waitForInteractionResponse(click.id);
  assert.equal(callback.type, 7, 'the search message itself is updated');
  const second = h.double.message(first.id)!;
  assert.match(textOf(second), /Page 2 of 2/);
  assert.match(textOf(second), /^6\. /m);
  const back = h.double.clickButton({ message: second, customId: prev! });
  await h.double.waitForInteractionResponse(back.id);
  assert.match(textOf(h.double.message(first.id)), /Page 1 of 2/);
});

test('GIVEN /search with only FTS syntax THEN a clear no-match message, not an error', async () => {
  const sent = h.double.sendSlashCommand({ name: 'search', options: { query: '" * NEAR( :' } });
  const shown = await finishedResponse(h.double, sent.token, (m) => textOf(m).length > 0);
  assert.match(textOf(shown), /No statement matches|nothing searchable/);
});

test('GIVEN typing in /statement THEN autocomplete suggests statements by title or organisation', async () => {
  const sent = h.double.sendAutocomplete({ name: 'statement', options: { statement: 'icor' }, focused: 'statement' });
  await h.double.waitForInteractionResponse(sent.id);
  const choices = h.double.interaction(sent.id).autocompleteChoices!;
  assert.ok(choices.length >= 1);
  assert.match(choices[0]!.name, /^No to any imperialist .* — ICOR, 2021-09-10$/);
  const organisations = h.double.sendAutocomplete({ name: 'ask', options: { question: 'x', organisation: 'jak' }, focused: 'organisation' });
  await h.double.waitForInteractionResponse(organisations.id);
  assert.deepEqual(h.double.interaction(organisations.id).autocompleteChoices, [{ name: 'JAKNA (1 statement)', value: 'JAKNA' }]);
});

test('GIVEN /statement with a chosen statement THEN its metadata and text, paged with buttons', async () => {
  const choice = h.double.sendAutocomplete({ name: 'statement', options: { statement: 'Message from JAKNA' }, focused: 'statement' });
  await h.double.waitForInteractionResponse(choice.id);
  const id = String(h.double.interaction(choice.id).autocompleteChoices![0]!.value);
  const sent = h.double.sendSlashCommand({ name: 'statement', options: { statement: id } });
  const first = await finishedResponse(h.double, sent.token);
  assert.match(textOf(first), /^Message from JAKNA/);
  assert.match(textOf(first), /Page 1 of [2-9]/);
  const next = buttonIds(first)[1]!;
  const click = h.double.clickButton({ message: first, customId: next });
  await h.double.waitForInteractionResponse(click.id);
  assert.match(textOf(h.double.message(first.id)), /Page 2 of/);
});

test('GIVEN /statement with free text that is no id THEN the best title match is shown; nonsense gets a clear message', async () => {
  const sent = h.double.sendSlashCommand({ name: 'statement', options: { statement: 'Help us' } });
  assert.match(textOf(await finishedResponse(h.double, sent.token, (m) => textOf(m).length > 0)), /^Help us in Our Struggle/);
  const none = h.double.sendSlashCommand({ name: 'statement', options: { statement: 'zzzz qqqq' } });
  const callback = await h.double.waitForInteractionResponse(none.id);
  assert.match(String(callback.data?.content), /No statement matches "zzzz qqqq"/);
  assert.equal((callback.data?.flags as number) & EPHEMERAL, EPHEMERAL);
});

test('GIVEN the bot restarts THEN buttons of earlier answers still work; a button whose state is gone says so', async () => {
  const { answer } = await askIcor();
  await h.bot.stop();
  h.bot = await startBot({ config: h.config, db: h.db, retriever: createCorpusRetriever(h.db), log: pino({ level: 'silent' }), commands, editIntervalMs: 40, shutdownGraceMs: 500 });
  const source = buttonIds(answer).find((id) => id.startsWith('src:'))!;
  const click = h.double.clickButton({ message: answer, customId: source });
  await h.double.waitForInteractionResponse(click.id);
  assert.match(textOf(h.double.originalResponse(click.token)), /^\[1\] No to any imperialist/);

  await h.db.run('DELETE FROM discord_buttons WHERE key = ?', [source.split(':')[1]!]);
  const stale = h.double.clickButton({ message: answer, customId: source });
  const callback = await h.double.waitForInteractionResponse(stale.id);
  assert.match(String(callback.data?.content), /This button has expired/);
  assert.equal((callback.data?.flags as number) & EPHEMERAL, EPHEMERAL);
});
