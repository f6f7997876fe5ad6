/**
 * A statement full of Markdown, mentions, emoji, timestamps and links, through
 * every surface that shows corpus text without a model: /ask (extractive), the
 * passage button, /search, /statement, autocomplete and /sources. Whatever
 * Discord would make of each payload part: nothing from the statement is live,
 * and its characters are all shown.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { saveStatement } from '../../src/store/statement-writes.js';
import { failOnUnhandledRejections } from '../doubles/discord/index.js';
import { HOSTILE_BLOCK_LINES, HOSTILE_LINK_SENTENCE, HOSTILE_MENTION_SENTENCE, HOSTILE_ORGANISATION, HOSTILE_QUESTION, HOSTILE_STATEMENT, HOSTILE_TEXT, HOSTILE_TITLE, HOSTILE_URL_SHOWN } from '../fixtures/hostile-statement.js';
import { buttonIds, finishedResponse, finishHarness, startHarness, type Harness } from './harness.js';
import { assertNothingLiveBut, linksIn, shownText } from './shown-safely.js';

failOnUnhandledRejections();

let h: Harness;
before(async () => {
  h = await startHarness();
  await saveStatement(h.db, HOSTILE_STATEMENT);
});
after(() => finishHarness(h));

const pingsNobody = (message: { mention_everyone?: boolean; mention_roles?: unknown[]; mentions?: unknown[]; allowed_mentions?: unknown }) => {
  assert.deepEqual([message.mention_everyone, message.mention_roles, message.mentions], [false, [], []]);
  assert.deepEqual((message.allowed_mentions as { parse?: unknown[] }).parse, []);
};

async function askHostile() {
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: HOSTILE_QUESTION } });
  return finishedResponse(h.double, sent.token);
}

test('GIVEN /ask without a model on a hostile statement THEN the verbatim quotes show literally: only the bot bolds, quotes and links', async () => {
  const answer = await askHostile();
  const live = assertNothingLiveBut(answer, ['bold', 'block-quote', 'autolink']);
  assert.ok(live.includes('bold') && live.includes('block-quote'), 'the organisation in bold, the quotes as quotes');
  const shown = shownText(answer);
  for (const sentence of [HOSTILE_LINK_SENTENCE, HOSTILE_MENTION_SENTENCE]) assert.ok(shown.includes(sentence), `shown whole: ${sentence}\n---\n${shown}`);
  assert.ok(shown.includes(`${HOSTILE_ORGANISATION}, 2024-02-02 [1]:`), 'the organisation, bold, literally');
  assert.ok(shown.includes(`[1] ${HOSTILE_TITLE} — ${HOSTILE_ORGANISATION}, 2024-02-02 · ${HOSTILE_URL_SHOWN}`), 'the source line');
  assert.deepEqual(linksIn(answer), [HOSTILE_URL_SHOWN], "the statement's URL is the only link, without a preview");
  pingsNobody(answer);
});

test('GIVEN the passage button under that answer THEN the cited passage shows literally, the quotation bold, the URL a plain link', async () => {
  const answer = await askHostile();
  const click = h.double.clickButton({ message: answer, customId: buttonIds(answer).find((id) => id.startsWith('src:'))!, user: 'bob' });
  await h.double.waitForInteractionResponse(click.id);
  const shown = h.double.originalResponse(click.token)!;
  assertNothingLiveBut(shown, ['bold', 'block-quote', 'autolink']);
  const text = shownText(shown);
  assert.ok(text.startsWith(`[1] ${HOSTILE_TITLE}\n`), text);
  assert.ok(text.includes(HOSTILE_LINK_SENTENCE) && text.includes(HOSTILE_MENTION_SENTENCE), text);
  assert.deepEqual(linksIn(shown), [HOSTILE_URL_SHOWN]);
  assert.match(shown.embeds![0]!.footer!.text, new RegExp(`^${HOSTILE_ORGANISATION.replace(/[*]/g, '\\*')} · 2024-02-02 · passage`), 'the footer renders nothing, so it is not escaped');
  pingsNobody(shown);
});

test('GIVEN /search for a word inside a masked link THEN the word is bold and the link, mentions and emoji stay text', async () => {
  const sent = h.double.sendSlashCommand({ name: 'search', options: { query: 'quokka sanctuary' } });
  const page = await finishedResponse(h.double, sent.token, (m) => (m.embeds?.length ?? 0) > 0);
  assertNothingLiveBut(page, ['bold', 'autolink', 'code']); // code: the bot's own `/statement slug`
  const field = page.embeds![0]!.fields!.find((f) => f.name.includes('Quokka'))!;
  assert.match(field.value, /\[click \*\*quokka\*\*\]\\\(https\\:\/\/evil\.example\/phish\)/, 'highlighted inside the link text, the link escaped whole');
  assert.ok(shownText(page).includes('see [click quokka](https://evil.example/phish)'));
  assert.ok(shownText(page).includes(`1. ${HOSTILE_TITLE}`) || shownText(page).includes(`. ${HOSTILE_TITLE}`));
  assert.deepEqual(linksIn(page), [HOSTILE_URL_SHOWN]);
  pingsNobody(page);
});

test('GIVEN /statement for it THEN its whole text shows exactly as written, block syntax and all, and nothing renders', async () => {
  const choices = h.double.sendAutocomplete({ name: 'statement', options: { statement: 'Quokka' }, focused: 'statement' });
  await h.double.waitForInteractionResponse(choices.id);
  const choice = h.double.interaction(choices.id).autocompleteChoices!.find((c) => c.name.startsWith('**Quokka** _sanctuary_'))!;
  assert.ok(choice, 'autocomplete names are plain text: shown as written, not escaped');
  const sent = h.double.sendSlashCommand({ name: 'statement', options: { statement: String(choice.value) } });
  const page = await finishedResponse(h.double, sent.token, (m) => (m.embeds?.length ?? 0) > 0);
  assertNothingLiveBut(page, ['autolink']);
  const embed = page.embeds![0]!;
  assert.equal(shownText({ embeds: [{ description: embed.description }] }), HOSTILE_TEXT);
  for (const line of HOSTILE_BLOCK_LINES) assert.ok(embed.description!.split('\n').some((shownLine) => shownLine !== line && shownLine.replace(/\\/g, '') === line.replace(/\\/g, '')), `${line} is escaped at its line start`);
  assert.equal(shownText({ embeds: [{ title: embed.title }] }), HOSTILE_TITLE);
  assert.deepEqual(linksIn(page), [HOSTILE_URL_SHOWN]);
  assert.ok(!embed.url, 'no link hidden behind the title');
  pingsNobody(page);
});

test('GIVEN /sources THEN the organisation is listed literally', async () => {
  const sent = h.double.sendSlashCommand({ name: 'sources' });
  await h.double.waitForInteractionResponse(sent.id);
  const overview = h.double.originalResponse(sent.token)!;
  assertNothingLiveBut(overview, ['bold', 'timestamp']); // the bot's own "last ingest <t:…:R>"
  assert.ok(shownText(overview).includes(`• ${HOSTILE_ORGANISATION} — 1`));
});
