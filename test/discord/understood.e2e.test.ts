import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { failOnUnhandledRejections } from '../doubles/discord/index.js';
import { finishedResponse, finishHarness, startHarness, type Harness } from './harness.js';

/**
 * What a question was read to name, shown where people read the answer: the
 * line above it in Discord (an embed's author line, which renders no
 * Markdown), for /ask and /search, and what explicit options do to it.
 */
failOnUnhandledRejections();

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => finishHarness(h));

function authorLine(message: { embeds?: { author?: { name: string } }[] } | undefined): string | undefined {
  return message?.embeds?.[0]?.author?.name;
}

test('GIVEN /ask naming a speaker THEN the answer is by that speaker and its first line says who was read', async () => {
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about the withdrawal of NATO troops?' } });
  const answer = await finishedResponse(h.double, sent.token);
  assert.equal(authorLine(answer), 'By: ICOR — not what you meant? Use the organisation/from/to options.');
  const sources = JSON.stringify(answer.embeds?.filter((embed) => embed.title === 'Sources'));
  assert.match(sources, /— ICOR, 2021/);
});

test('GIVEN /ask naming a speaker and the organisation option naming another THEN the option is used and the line says so', async () => {
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about NATO?', organisation: 'JAKNA' } });
  const answer = await finishedResponse(h.double, sent.token);
  assert.equal(authorLine(answer), 'Read as By: ICOR; the options you gave were used instead.');
});

test('GIVEN /search naming a speaker and a year with no statement THEN every statement is searched and the line says nothing matched', async () => {
  const sent = h.double.sendSlashCommand({ name: 'search', options: { query: 'ICOR on imperialism in 1999' } });
  await h.double.waitForInteractionResponse(sent.id);
  const page = await finishedResponse(h.double, sent.token, () => true);
  assert.equal(authorLine(page), 'Nothing by ICOR in 1999 matched, so every statement was searched.');
  assert.ok((page.embeds?.[0]?.fields?.length ?? 0) > 0, 'results, not "no statement matches"');
});

test('GIVEN /search naming no speaker or period THEN no line', async () => {
  const sent = h.double.sendSlashCommand({ name: 'search', options: { query: 'imperialist intervention' } });
  await h.double.waitForInteractionResponse(sent.id);
  assert.equal(authorLine(await finishedResponse(h.double, sent.token, () => true)), undefined);
});

const NOT_A_DATE = '“2021-13” is not a date: searched without a period';
const hasEmbed = (message: { embeds?: unknown[] }) => (message.embeds?.length ?? 0) > 0;

test('GIVEN /ask with a malformed date THEN the line above the answer says it is not a date and no period was used', async () => {
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about the Taliban in 2021-13?' } });
  const answer = await finishedResponse(h.double, sent.token);
  assert.ok(authorLine(answer)?.includes(NOT_A_DATE), authorLine(answer));
});

test('GIVEN /search with only a malformed date THEN the line says so, and how dates are written', async () => {
  const sent = h.double.sendSlashCommand({ name: 'search', options: { query: 'Taliban in 2021-13' } });
  await h.double.waitForInteractionResponse(sent.id);
  assert.equal(authorLine(await finishedResponse(h.double, sent.token, hasEmbed)), `${NOT_A_DATE}. Dates are YYYY, YYYY-MM or YYYY-MM-DD.`);
});

test('GIVEN /timeline with a malformed date THEN the line above the count says so', async () => {
  const sent = h.double.sendSlashCommand({ name: 'timeline', options: { topic: 'Taliban in 2021-13' } });
  await h.double.waitForInteractionResponse(sent.id);
  assert.equal(authorLine(await finishedResponse(h.double, sent.token, hasEmbed)), `${NOT_A_DATE}. Dates are YYYY, YYYY-MM or YYYY-MM-DD.`);
});

test('GIVEN /compare with a malformed date in the topic THEN the line above the comparison says so', async () => {
  const sent = h.double.sendSlashCommand({ name: 'compare', options: { topic: 'the Taliban in 2021-13', organisation1: 'ICOR', organisation2: 'JAKNA' } });
  await h.double.waitForInteractionResponse(sent.id);
  assert.equal(authorLine(await finishedResponse(h.double, sent.token, hasEmbed)), `${NOT_A_DATE}. Dates are YYYY, YYYY-MM or YYYY-MM-DD.`);
});

test('GIVEN /search with a malformed date and explicit from/to options THEN the options give the period and nothing is said about the date', async () => {
  const sent = h.double.sendSlashCommand({ name: 'search', options: { query: 'Taliban in 2021-13', from: '2021', to: '2022' } });
  await h.double.waitForInteractionResponse(sent.id);
  assert.equal(authorLine(await finishedResponse(h.double, sent.token, hasEmbed)), undefined);
});
