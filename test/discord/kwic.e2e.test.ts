import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { commands } from '../../commands/index.js';
import { startBot } from '../../src/discord/bot.js';
import { MAX_EMBED_CHARS_PER_MESSAGE, MAX_FIELD_VALUE_CHARS } from '../../src/discord/limits.js';
import { embedLength } from '../../src/discord/payload.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import { saveStatement } from '../../src/store/statement-writes.js';
import { failOnUnhandledRejections, type DoubleMessage } from '../doubles/discord/index.js';
import { HOSTILE_ORGANISATION, HOSTILE_STATEMENT } from '../fixtures/hostile-statement.js';
import { buttonIds, finishedResponse, finishHarness, startHarness, textOf, type Harness } from './harness.js';
import { assertNothingLiveBut, shownText } from './shown-safely.js';

failOnUnhandledRejections();

let h: Harness;
before(async () => {
  h = await startHarness();
  await saveStatement(h.db, HOSTILE_STATEMENT);
});
after(() => finishHarness(h));

/** Within Discord's limits: the whole message and every field. */
function assertWithinLimits(message: DoubleMessage): void {
  const [embed] = message.embeds ?? [];
  assert.ok(embed);
  assert.ok(embedLength(embed) <= MAX_EMBED_CHARS_PER_MESSAGE, `embed of ${embedLength(embed)} characters`);
  for (const field of embed.fields ?? []) assert.ok(field.value.length <= MAX_FIELD_VALUE_CHARS, `field of ${field.value.length}`);
}

async function kwic(options: Record<string, string>): Promise<DoubleMessage> {
  const sent = h.double.sendSlashCommand({ name: 'kwic', options });
  return finishedResponse(h.double, sent.token, () => true);
}

test('GIVEN /kwic with a word THEN counts per organisation, then aligned lines in code blocks under each statement, within limits', async () => {
  const shown = await kwic({ phrase: 'imperialist' });
  const text = textOf(shown);
  assert.match(text, /^Keyword in context: imperialist\n\*\*\d+ occurrences in \d+ statements\*\* — stemmed/);
  assert.match(text, /By organisation, occurrences \(statements\): \*\*[^*]+\*\* \d+ \(\d+\)/);
  assert.match(text, /^1(–\d+)?\. .+ · \d{4}/m, 'the first field names its lines, organisation and date');
  const lines = text.match(/^ *\d+ +.*\[[^\]]*imperialist[^\]]*\].*$/gim) ?? [];
  assert.ok(lines.length >= 2, text);
  const columns = new Set(lines.map((line) => line.indexOf('[')));
  assert.ok(columns.size <= 2, `matches aligned (one column per number width): ${[...columns].join(', ')}`);
  assert.match(text, /`\/statement [a-z0-9-]+`/);
  assert.match(text, /Page 1 of \d+ · sorted by date · 5 words either side/);
  assertWithinLimits(shown);
});

test('GIVEN more than one page THEN Next and Previous turn it in place, and still work after a restart', async () => {
  const first = await kwic({ phrase: 'imperialist' });
  const [prev, next] = buttonIds(first);
  assert.match(next!, /^kw:[\w-]+:2$/);
  const click = h.double.clickButton({ message: first, customId: next! });
  assert.equal((await h.double.waitForInteractionResponse(click.id)).type, 7, 'the message itself is updated');
  const second = h.double.message(first.id)!;
  assert.match(textOf(second), /Page 2 of/);
  assert.match(textOf(second), /^11(–\d+)?\. /m, 'page 2 numbers its lines on from page 1');
  assertWithinLimits(second);

  await h.bot.stop();
  h.bot = await startBot({ config: h.config, db: h.db, retriever: createCorpusRetriever(h.db), log: pino({ level: 'silent' }), commands, editIntervalMs: 40, shutdownGraceMs: 500 });
  const back = h.double.clickButton({ message: second, customId: buttonIds(second)[0]! });
  await h.double.waitForInteractionResponse(back.id);
  assert.equal(textOf(h.double.message(first.id)), textOf(first), 'the fresh bot shows page 1 as it was');
  assert.equal(buttonIds(h.double.message(first.id))[0], prev);
});

test('GIVEN an organisation (autocompleted), a period and sort by organisation THEN only their lines, counted for them', async () => {
  const typed = h.double.sendAutocomplete({ name: 'kwic', options: { phrase: 'war', organisation: 'peace comm' }, focused: 'organisation' });
  await h.double.waitForInteractionResponse(typed.id);
  const [choice] = h.double.interaction(typed.id).autocompleteChoices!;
  assert.equal(choice?.value, 'Peace Committee (fixture)');
  const shown = await kwic({ phrase: 'war', organisation: String(choice!.value), from: '2023', to: '2024-12-31', sort: 'organisation' });
  const text = textOf(shown);
  assert.match(text, /\*\*2 occurrences in 2 statements\*\* \(organisation Peace Committee \(fixture\), from 2023, to 2024-12-31\)/);
  assert.match(text, /By organisation, occurrences \(statements\): \*\*Peace Committee \(fixture\)\*\* 2 \(2\)$/m);
  assert.match(text, /every imperialist \[war\] and calls on workers/);
  assert.match(text, /has no interest in \[war\]\./);
  assert.deepEqual(buttonIds(shown), [], 'one page: no buttons');
});

test('GIVEN a quoted phrase THEN only the exact words; a phrase nowhere THEN a plain no-match message; an organisation nowhere THEN that', async () => {
  const exact = textOf(await kwic({ phrase: '"imperialist war"' }));
  assert.match(exact, /\*\*1 occurrence in 1 statement\*\* — exact words, in quotes\./);
  const none = textOf(await kwic({ phrase: 'zeppelin' }));
  assert.match(none, /No statement contains zeppelin\./);
  const narnia = textOf(await kwic({ phrase: 'peace', organisation: 'Narnia' }));
  assert.match(narnia, /No statement in the corpus is by an organisation starting with “Narnia”\./);
});

test('GIVEN a statement full of Markdown, mentions and a code fence THEN its lines show as written: nothing escapes the code block', async () => {
  const shown = await kwic({ phrase: 'quokka' });
  assertNothingLiveBut(shown, ['bold', 'code-block', 'code']);
  const display = shownText(shown);
  assert.ok(display.includes('now. Every [quokka] sanctuary needs @everyone @'), display);
  assert.ok(display.includes(`${HOSTILE_ORGANISATION} 4 (1)`), 'the organisation as written, its count beside it');
  const fenced = await kwic({ phrase: 'fence' });
  assertNothingLiveBut(fenced, ['bold', 'code-block', 'code']);
  assert.ok(shownText(fenced).replaceAll('\u200b', '').includes('```a [fence] ``` > a quote'), 'the fence in the text is shown, not obeyed');
  assertWithinLimits(fenced);
});

test('GIVEN a bad date THEN the asker alone is told what to fix', async () => {
  const sent = h.double.sendSlashCommand({ name: 'kwic', options: { phrase: 'war', from: '85-01' } });
  const callback = await h.double.waitForInteractionResponse(sent.id);
  const message = String(callback.data?.content ?? h.double.originalResponse(sent.token)?.content ?? '');
  assert.match(message + textOf(h.double.originalResponse(sent.token)), /is not a date for from/);
});
