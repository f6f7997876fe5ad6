import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { commands } from '../../commands/index.js';
import { extractSignatories } from '../../src/corpus/signatories.js';
import { startBot } from '../../src/discord/bot.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import { saveStatement } from '../../src/store/statement-writes.js';
import { failOnUnhandledRejections } from '../doubles/discord/index.js';
import { statementFrom } from '../search/seed-db.js';
import { buttonIds, finishedResponse, finishHarness, startHarness, textOf, type Harness } from './harness.js';
import { assertNothingLiveBut, linksIn, shownText } from './shown-safely.js';

failOnUnhandledRejections();

const EPHEMERAL = 64;
/** A list whose entries try to ping, link and format: they must show as the text they are. */
const HOSTILE_LIST = 'We refuse this war.\n\nSignatories:\n1. Workers Front @everyone, France\n2. Bold **Union** [Union](https://evil.example/x) <@123> Group\n3. Red_Star ~~Party~~ `code` Collective';
const HOSTILE = statementFrom('fixture-hostile-signatories.md', HOSTILE_LIST, { title: 'Refusal appeal', organisation: 'Refusal Front (fixture)', date: '2024-02-01', url: 'https://example.org/refusal' });

/** Six more appeals "Workers Front" signed, with the longest titles, links and entries there are, all full of Markdown: /signed pages through them. */
const LONG = ':*_~`|>[]()<@&#'.repeat(12);
const SIGNED_OFTEN = Array.from({ length: 6 }, (_, i) =>
  statementFrom(`fixture-front-${i}.md`, `Appeal number ${i}.\n\nSignatories:\n1. Workers Front, France\n2. Peace League ${LONG}\n3. Red Youth Collective ${LONG}, Chile`, {
    title: `Appeal ${i} ${LONG}`.slice(0, 200),
    organisation: `Front ${LONG}`.slice(0, 120),
    date: `2024-0${i + 1}-01`,
    url: `https://example.org/${'x'.repeat(270)}/${i}`,
  }),
);

let h: Harness;
before(async () => {
  h = await startHarness();
  for (const statement of [HOSTILE, ...SIGNED_OFTEN]) await saveStatement(h.db, { ...statement, signatories: extractSignatories(statement.text) });
});
after(() => finishHarness(h));

async function chooseStatement(typed: string): Promise<string> {
  const choice = h.double.sendAutocomplete({ name: 'signatories', options: { statement: typed }, focused: 'statement' });
  await h.double.waitForInteractionResponse(choice.id);
  return String(h.double.interaction(choice.id).autocompleteChoices![0]!.value);
}

test('GIVEN /signatories for the ICOR resolution THEN its first 15 signatories under their heading, the statement cited, and Next pages to the later groups', async () => {
  const sent = h.double.sendSlashCommand({ name: 'signatories', options: { statement: await chooseStatement('icor') } });
  const first = await finishedResponse(h.double, sent.token);
  const text = textOf(first);
  assert.match(text, /^Signatories: No to any imperialist/);
  assert.match(text, /\*\*Signatories \(as of 15 September 2021, further signatories possible\)\*\*\n1\. PCPCI — Parti Communiste Proletarien de Côte d'Ivoire/);
  assert.match(text, /^2\. ORC — Organisation Révolutionnaire du Congo \(Revolutionary Organization of Congo\) · Democratic Republic of the Congo$/m);
  assert.match(text, /^15\. CPA\/ML — /m);
  assert.doesNotMatch(text, /^16\. /m);
  assert.match(text, /Organisation\nICOR\nDate\n2021-09-10/, 'the statement is cited');
  assert.match(text, /36 signatories · page 1 of 3/);

  const [, next] = buttonIds(first);
  for (let page = 2; page <= 3; page++) {
    const click = h.double.clickButton({ message: h.double.message(first.id)!, customId: next! });
    assert.equal((await h.double.waitForInteractionResponse(click.id)).type, 7, 'the message itself is updated');
  }
  const last = textOf(h.double.message(first.id));
  assert.match(last, /page 3 of 3/);
  assert.match(last, /\*\*Subsequent signatories\*\*\n35\. NPCH \(ML\) — Nouveau Parti Communiste/);
  assert.match(last, /\*\*Additional Signatories \(Non-ICOR\)\*\*\n36\. Trotz Alledem! · Deutschland/);
});

test('GIVEN /signatories for the appeal against war THEN its fifteen signatories, people with their countries, on one page without buttons', async () => {
  const sent = h.double.sendSlashCommand({ name: 'signatories', options: { statement: 'Appeal to all the working people' } });
  const shown = await finishedResponse(h.double, sent.token, (m) => textOf(m).length > 0);
  const text = textOf(shown);
  assert.match(text, /^1\. Askar Aysin · Kazakhstan · of Iskra Group$/m);
  assert.match(text, /^15\. Socialist Workers League · United States · LCFI$/m);
  assert.match(text, /15 signatories · page 1 of 1/);
  assert.deepEqual(buttonIds(shown), []);
});

test('GIVEN /signatories for a statement without a list THEN it says no list was found, citing the statement', async () => {
  const sent = h.double.sendSlashCommand({ name: 'signatories', options: { statement: await chooseStatement('Message from JAKNA') } });
  const text = textOf(await finishedResponse(h.double, sent.token, (m) => textOf(m).length > 0));
  assert.match(text, /No list of signatories was found in “Message from JAKNA/);
  assert.match(text, /Organisation\nJAKNA/);
  const none = h.double.sendSlashCommand({ name: 'signatories', options: { statement: 'zzzz qqqq' } });
  const callback = await h.double.waitForInteractionResponse(none.id);
  assert.match(String(callback.data?.content), /No statement matches "zzzz qqqq"/);
  assert.equal((callback.data?.flags as number) & EPHEMERAL, EPHEMERAL);
});

test('GIVEN a list whose entries carry mentions, links and Markdown THEN they show as text, and the link is the statement\'s own', async () => {
  const sent = h.double.sendSlashCommand({ name: 'signatories', options: { statement: 'Refusal appeal' } });
  const shown = await finishedResponse(h.double, sent.token, (m) => textOf(m).length > 0);
  assertNothingLiveBut(shown, ['bold', 'autolink', 'code', 'list']); // the bot's own: group headings, the link, `/statement slug`, the numbering
  const text = shownText(shown);
  for (const entry of ['Workers Front @everyone · France', 'Bold **Union** [Union](https://evil.example/x) <@123> Group', 'Red_Star ~~Party~~ `code` Collective']) assert.ok(text.includes(entry), text);
  assert.deepEqual(linksIn(shown), ['<https://example.org/refusal>'], 'the only link is the statement\'s own');
});

test('GIVEN typing in /signed THEN signatories are suggested by abbreviation or name; the chosen one lists its statements and co-signers', async () => {
  const choice = h.double.sendAutocomplete({ name: 'signed', options: { organisation: 'mlp' }, focused: 'organisation' });
  await h.double.waitForInteractionResponse(choice.id);
  const choices = h.double.interaction(choice.id).autocompleteChoices!;
  assert.deepEqual(choices.map((c) => c.value), ['MLPD']);
  assert.match(choices[0]!.name, /^MLPD — Marxistisch-Leninistische Partei Deutschlands .*\(1 statement\)$/);

  const sent = h.double.sendSlashCommand({ name: 'signed', options: { organisation: 'MLPD' } });
  const text = textOf(await finishedResponse(h.double, sent.token, (m) => textOf(m).length > 0));
  assert.match(text, /^Signed by Marxistisch-Leninistische Partei Deutschlands/);
  assert.match(text, /1 statement signed\./);
  assert.match(text, /\*\*1\.\*\* No to any imperialist .* — ICOR, 2021-09-10/);
  assert.match(text, /Listed as: MLPD — Marxistisch-Leninistische Partei Deutschlands/);
  assert.match(text, /Co-signs most often with\n• .*\(1 statement together\)/);
});

test('GIVEN /signed for a name no list holds THEN a clear message', async () => {
  const sent = h.double.sendSlashCommand({ name: 'signed', options: { organisation: 'Taliban' } });
  assert.match(textOf(await finishedResponse(h.double, sent.token, (m) => textOf(m).length > 0)), /No list of signatories in the corpus has “Taliban” in it/);
});

test('GIVEN the bot restarts THEN the Previous/Next of /signatories still work', async () => {
  const sent = h.double.sendSlashCommand({ name: 'signatories', options: { statement: await chooseStatement('icor') } });
  const first = await finishedResponse(h.double, sent.token);
  await h.bot.stop();
  h.bot = await startBot({ config: h.config, db: h.db, retriever: createCorpusRetriever(h.db), log: pino({ level: 'silent' }), commands, editIntervalMs: 40, shutdownGraceMs: 500 });
  const click = h.double.clickButton({ message: first, customId: buttonIds(first)[1]! });
  await h.double.waitForInteractionResponse(click.id);
  assert.match(textOf(h.double.message(first.id)), /^16\. PR-ByH — /m);
});

test('GIVEN /ask "Who signed …?" THEN the list from the rows, cited, and its source button shows the passage holding the list', async () => {
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'Who signed the appeal to all the working people?' } });
  const answer = await finishedResponse(h.double, sent.token);
  const text = textOf(answer);
  assert.match(text, /12 organisations and 3 people signed “Appeal to all the working people: we must prevent the war!”, as its list of signatories gives them \[1\]/);
  assert.match(text, /Askar Aysin · Kazakhstan · of Iskra Group/);
  assert.match(text, /The list of signatories of the statement below/);
  const source = buttonIds(answer).find((id) => id.startsWith('src:'))!;
  const click = h.double.clickButton({ message: answer, customId: source });
  await h.double.waitForInteractionResponse(click.id);
  assert.match(textOf(h.double.originalResponse(click.token)), /Iskra Group: Askar Aysin \(Kazakhstan\)/);
});

test('GIVEN /signed for an organisation in six lists THEN its statements newest first, paged, within Discord\'s limits; the buttons work after a restart', async () => {
  const sent = h.double.sendSlashCommand({ name: 'signed', options: { organisation: 'workers front' } });
  const first = await finishedResponse(h.double, sent.token);
  const text = textOf(first);
  assert.match(text, /^Signed by Workers Front/);
  assert.match(text, /6 statements signed\./);
  assert.equal(linksIn(first).length, 4, 'each statement on the page cited with its link');
  assert.match(text, /\*\*1\.\*\* Appeal 5 /, 'newest first');
  assert.match(text, /Page 1 of 2/);
  assert.match(text, /Co-signs most often with\n• Peace League .*\(6 statements together\)/);
  assertNothingLiveBut(first, ['bold', 'autolink', 'code', 'list']);

  await h.bot.stop();
  h.bot = await startBot({ config: h.config, db: h.db, retriever: createCorpusRetriever(h.db), log: pino({ level: 'silent' }), commands, editIntervalMs: 40, shutdownGraceMs: 500 });
  const click = h.double.clickButton({ message: first, customId: buttonIds(first)[1]! });
  await h.double.waitForInteractionResponse(click.id);
  const second = textOf(h.double.message(first.id));
  assert.match(second, /Page 2 of 2/);
  assert.match(second, /\*\*5\.\*\* Appeal 1 [\s\S]*\*\*6\.\*\* Appeal 0 /);
});

test('GIVEN /ask "Who signed the ICOR resolution?" THEN all 36, across as many messages as it takes, each within Discord\'s limits', async () => {
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'Who signed the ICOR resolution on Afghanistan?' } });
  const answer = await finishedResponse(h.double, sent.token);
  const shown = await h.double.waitFor(() => {
    const all = [answer, ...h.double.followUps(sent.token)].map((m) => textOf(h.double.message(m.id) ?? m)).join('\n');
    // The answer is text from the corpus, escaped whole: its numbering shows as typed ("1\\." in Markdown), not as a list.
    return all.includes('Trotz Alledem') && all.includes('Sources') ? all.replaceAll('\\.', '.') : undefined;
  }, 10_000, 'the whole list and its sources');
  assert.match(shown, /36 organisations signed “No to any imperialist/);
  for (const entry of ['1\\. PCPCI — ', '17\\. MLPD — ', '35\\. NPCH \\(ML\\) — ', '36\\. Trotz Alledem! · Deutschland']) assert.match(shown, new RegExp(entry));
  h.double.assertClean({ allow: [] });
});
