import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { commands } from '../../commands/index.js';
import { startBot } from '../../src/discord/bot.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import { saveStatement } from '../../src/store/statement-writes.js';
import { failOnUnhandledRejections } from '../doubles/discord/index.js';
import { HOSTILE_LINK_SENTENCE, HOSTILE_MENTION_SENTENCE, HOSTILE_ORGANISATION, HOSTILE_STATEMENT, HOSTILE_URL_SHOWN } from '../fixtures/hostile-statement.js';
import { assertNothingLiveBut, linksIn, shownText } from './shown-safely.js';
import { buttonIds, finishedResponse, finishHarness, startHarness, textOf, type Harness } from './harness.js';

failOnUnhandledRejections();

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  assert.ok((await finishHarness(h)) >= 3, 'every timeline message was checked for mentions');
});

const EPHEMERAL = 64;
/** Discord's embeds count at most 6,000 characters per message. */
const MAX_EMBED_CHARS = 6_000;
const MAX_CHART_BYTES = 200_000;
const hasEmbed = (message: { embeds?: unknown[] }) => (message.embeds?.length ?? 0) > 0;

test('GIVEN /timeline topic: Taliban THEN a public reply with the chart attached, the series as text and cited sentences', async () => {
  const sent = h.double.sendSlashCommand({ name: 'timeline', options: { topic: 'Taliban' } });
  await h.double.waitForInteractionResponse(sent.id);
  const reply = await finishedResponse(h.double, sent.token, hasEmbed);
  assert.equal((reply.flags ?? 0) & EPHEMERAL, 0);
  const [attachment] = reply.attachments ?? [];
  assert.equal(attachment?.filename, 'timeline.png');
  assert.ok(attachment.size > 1_000 && attachment.size < MAX_CHART_BYTES, `a readable, small PNG (${attachment.size} bytes)`);
  const embed = reply.embeds![0]!;
  assert.equal(embed.image?.url, 'attachment://timeline.png');
  const text = textOf(reply);
  assert.ok(text.length < MAX_EMBED_CHARS);
  assert.match(text, /4 statements mention “Taliban” \(of 7 statements in range dated to the year\), counted per year/);
  assert.match(text, /2021 +3 of 3 \(100%\)\n2022 +1 of 1 \(100%\)\n2023 +0 of 2 \(0%\)/);
  assert.match(text, /\[1\] 2021, first mention \(3 of 3 statements\)\n> “Taliban is now rapidly gaining control of Afghanistan\.”\n— Anarchists of Afghanistan · 2021-07 · Help us in Our Struggle/);
  assert.match(text, /\[2\] 2022, a peak/);
  const upload = h.double.requests.find((request) => request.files.some((file) => file.filename === 'timeline.png'));
  // A reply is an interaction callback ({ type, data }), an edit after a defer the message itself.
  const body = upload?.body as { allowed_mentions?: { parse?: unknown[] }; data?: { allowed_mentions?: { parse?: unknown[] } } };
  assert.deepEqual((body.data ?? body).allowed_mentions?.parse, [], 'the upload allows no mention');
});

test('GIVEN /timeline of a word no statement uses THEN it says so, without a chart', async () => {
  const sent = h.double.sendSlashCommand({ name: 'timeline', options: { topic: 'zeppelin' } });
  await h.double.waitForInteractionResponse(sent.id);
  const reply = await finishedResponse(h.double, sent.token, hasEmbed);
  assert.match(textOf(reply), /No statement mentions “zeppelin”/);
  assert.equal(reply.attachments?.length ?? 0, 0);
});

test('GIVEN /timeline with an organisation and a short span THEN only its statements are counted, per month', async () => {
  const sent = h.double.sendSlashCommand({ name: 'timeline', options: { topic: 'Taliban', organisation: 'JAKNA', from: '2021', to: '2022' } });
  await h.double.waitForInteractionResponse(sent.id);
  const text = textOf(await finishedResponse(h.double, sent.token, hasEmbed));
  assert.match(text, /^Timeline: Taliban \(organisation JAKNA, from 2021, to 2022\)/);
  assert.match(text, /1 statement mentions “Taliban” \(of 1 statement in range dated to the month\)/);
  assert.match(text, /2022-03 1 of 1 \(100%\)/);
  assert.match(text, /— JAKNA · 2022-03 · Message from JAKNA/);
});

test('GIVEN /timeline with a malformed date THEN an ephemeral message says what to fix', async () => {
  const sent = h.double.sendSlashCommand({ name: 'timeline', options: { topic: 'NATO', from: '10/2021' } });
  const callback = await h.double.waitForInteractionResponse(sent.id);
  assert.equal((callback.data?.flags as number) & EPHEMERAL, EPHEMERAL);
  assert.match(String(callback.data?.content), /"10\/2021" is not a date for from/);
});

test('GIVEN typing an organisation in /timeline THEN autocomplete suggests organisations', async () => {
  const sent = h.double.sendAutocomplete({ name: 'timeline', options: { topic: 'x', organisation: 'jak' }, focused: 'organisation' });
  await h.double.waitForInteractionResponse(sent.id);
  assert.deepEqual(h.double.interaction(sent.id).autocompleteChoices, [{ name: 'JAKNA (1 statement)', value: 'JAKNA' }]);
});

test('GIVEN a quote\'s Read button, even after a restart THEN its passage in context, only to the person who pressed', async () => {
  const sent = h.double.sendSlashCommand({ name: 'timeline', options: { topic: 'Taliban' } });
  await h.double.waitForInteractionResponse(sent.id);
  const reply = await finishedResponse(h.double, sent.token, hasEmbed);
  const ids = buttonIds(reply);
  assert.equal(ids.length, 2, 'one per quote');
  assert.match(ids[0]!, /^tlq:\d+:1$/, 'the custom id carries the passage, no stored state');
  await h.bot.stop();
  h.bot = await startBot({ config: h.config, db: h.db, retriever: createCorpusRetriever(h.db), log: pino({ level: 'silent' }), commands, editIntervalMs: 40, shutdownGraceMs: 500 });
  const click = h.double.clickButton({ message: reply, customId: ids[0]!, user: 'bob' });
  const callback = await h.double.waitForInteractionResponse(click.id);
  assert.equal((callback.data?.flags as number) & EPHEMERAL, EPHEMERAL);
  const shown = textOf(h.double.originalResponse(click.token));
  assert.match(shown, /^\[1\] Help us in Our Struggle/);
  assert.match(shown, /Taliban is now rapidly gaining control of Afghanistan\./);

  // Re-ingesting a statement renumbers its passages: a button whose passage is gone says so.
  await h.db.run('DELETE FROM passages WHERE id = ?', [Number(ids[1]!.split(':')[1])]);
  const gone = h.double.clickButton({ message: reply, customId: ids[1]! });
  const refused = await h.double.waitForInteractionResponse(gone.id);
  assert.match(String(refused.data?.content), /no longer in the corpus/);
});

test('GIVEN a hostile statement and a topic written in Markdown THEN the reply shows them literally: nothing formats, links or pings but the bot\'s own', async () => {
  await saveStatement(h.db, HOSTILE_STATEMENT);
  const sent = h.double.sendSlashCommand({ name: 'timeline', options: { topic: '**quokka** sanctuary @everyone' } });
  await h.double.waitForInteractionResponse(sent.id);
  const reply = await finishedResponse(h.double, sent.token, hasEmbed);
  // The bot's own: the quote's block quote, the series' code block and `/statement slug`, the statement's <url>.
  const live = assertNothingLiveBut(reply, ['block-quote', 'code', 'code-block', 'autolink']);
  assert.ok(live.includes('block-quote'));
  const shown = shownText(reply);
  assert.ok(shown.startsWith('Timeline: **quokka** sanctuary @everyone\n'), shown);
  assert.ok([HOSTILE_LINK_SENTENCE, HOSTILE_MENTION_SENTENCE].some((sentence) => shown.includes(`“${sentence}”`)), shown);
  assert.ok(shown.includes(`— ${HOSTILE_ORGANISATION} · 2024-02-02 ·`), shown);
  assert.deepEqual(linksIn(reply), [HOSTILE_URL_SHOWN], "the statement's URL is the only link, without a preview");
  assert.deepEqual([reply.mention_everyone, reply.mentions], [false, []]);
});

test('GIVEN a model is configured THEN /timeline works the same and never calls it', async () => {
  const withModel = await startHarness({ model: true });
  try {
    const sent = withModel.double.sendSlashCommand({ name: 'timeline', options: { topic: 'imperialist war' } });
    await withModel.double.waitForInteractionResponse(sent.id);
    const reply = await finishedResponse(withModel.double, sent.token, hasEmbed);
    assert.match(textOf(reply), /statements mention “imperialist war”/);
    assert.equal(reply.attachments?.[0]?.filename, 'timeline.png');
    assert.equal(withModel.model!.requests.length, 0);
  } finally {
    await finishHarness(withModel);
  }
});
