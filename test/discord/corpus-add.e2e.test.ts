/**
 * /corpus add end to end: the real discord.js client against the Discord
 * double (which serves attachments on its CDN path), the real web fetcher
 * against a web server on 127.0.0.1, the real intake and a real database —
 * as a server manager and as a member without permission; then "Correct
 * metadata", its form, and the record /corpus status shows.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { CORPUS_REFUSAL } from '../../src/discord/corpus/permission.js';
import { recentCorpusChanges } from '../../src/store/corpus-changes.js';
import { readProvenance } from '../../src/store/provenance.js';
import { failOnUnhandledRejections } from '../doubles/discord/index.js';
import type { OptionInput } from '../doubles/discord/interactions.js';
import { startLocalWebSite, type TestWebFetcher } from '../doubles/web-fetcher.js';
import type { WebServer } from '../doubles/web-server.js';
import { buildWebPages, type WebPageFixture } from '../fixtures/web-pages.js';
import { buttonIds, finishedResponse, finishHarness, startHarness, textOf, type Harness } from './harness.js';

failOnUnhandledRejections();

let h: Harness;
let site: WebServer;
let web: TestWebFetcher;
let closeSite: () => Promise<void>;
before(async () => {
  ({ web, site, close: closeSite } = await startLocalWebSite());
  h = await startHarness({ webFetcher: web.fetcher });
});
after(async () => {
  assert.ok((await finishHarness(h)) > 5, 'every message body was checked for mentions');
  await closeSite();
});

const EPHEMERAL = 64;
const LOADING = 128;
const ANARCHISTS_MD = readFileSync(new URL('../../corpus/afghan-anarchists-help-us-in-our-struggle-2021-07.md', import.meta.url));
const statementCount = async () => (await h.db.get<{ n: number }>('SELECT count(*) AS n FROM statements'))!.n;
const cdnDownloads = () => h.double.requests.filter((r) => r.path.startsWith('/cdn/attachments/')).length;

function serve(page: WebPageFixture): void {
  site.route(page.path, { headers: { 'content-type': page.contentType }, body: page.body });
}

/** The response once it is no longer "thinking…". */
const finished = (token: string) => finishedResponse(h.double, token, (m) => !((m.flags ?? 0) & LOADING) && textOf(m).length > 0);

/** What the user was told privately after a public "thinking…" that failed: the follow-up. */
async function privateFollowUp(token: string): Promise<string> {
  const followUp = await h.double.waitFor(() => h.double.followUps(token)[0]);
  assert.equal(followUp.flags! & EPHEMERAL, EPHEMERAL);
  return textOf(followUp);
}

let addedFromUrl: { messageId: string; statementId: number; page: WebPageFixture };

test('GIVEN a server manager and a statement page THEN /corpus add url shows what was understood, field by field with where each came from, and the statement is searchable', async () => {
  const page = buildWebPages(site.origin).find((p) => p.expected.fields.organisation === 'page' && p.expected.fields.date === 'page')!;
  serve(page);
  const sent = h.double.sendSlashCommand({ name: 'corpus', subcommand: 'add', options: { url: page.url } });
  assert.equal((await h.double.waitForInteractionResponse(sent.id)).type, 5, 'deferred at once: fetching takes time');
  const reply = await finished(sent.token);
  assert.equal(reply.flags! & EPHEMERAL, 0, 'what was added is shown to the channel');
  const text = textOf(reply);
  assert.ok(text.startsWith(page.expected.title.replace(/[*_~|`<\\]/g, (c) => `\\${c}`)), text);
  assert.match(text, /Added to the corpus\./);
  assert.match(text, new RegExp(`Organisation\\n${page.expected.organisation!.replace(/[.()]/g, '\\$&')} · \\*page\\*`));
  assert.match(text, new RegExp(`Date\\n${page.expected.date} · \\*page\\*`));
  assert.match(text, /Language\nen · \*(page|inferred)\*/);
  assert.match(text, /Passages\n[1-9]\d*/);
  assert.match(text, /Source\n<http:\/\/127\.0\.0\.1:\d+\//);
  assert.deepEqual(buttonIds(reply).map((id) => id.replace(/:\d+:/, ':N:')), ['ce:N:open']);

  const statementId = Number(buttonIds(reply)[0]!.split(':')[1]);
  const [change] = await recentCorpusChanges(h.db, 1);
  assert.deepEqual([change?.action, change?.statementId, change?.actor.name, change?.newValue], ['add', statementId, 'alice', page.url]);
  const search = h.double.sendSlashCommand({ name: 'statement', options: { statement: String(statementId) } });
  assert.match(textOf(await finished(search.token)), new RegExp(page.paragraphs[0]!.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[*_~|`<]/g, '.')));
  addedFromUrl = { messageId: reply.id, statementId, page };
});

test('GIVEN the same page added again with an organisation override THEN the reply says the statement changed and the organisation was given by an admin', async () => {
  const sent = h.double.sendSlashCommand({ name: 'corpus', subcommand: 'add', options: { url: addedFromUrl.page.url, organisation: 'Editors of the archive' } });
  const text = textOf(await finished(sent.token));
  assert.match(text, /Already in the corpus: updated to what was found now\./);
  assert.match(text, /Organisation\nEditors of the archive · \*admin\*/);
  assert.equal((await recentCorpusChanges(h.db, 1))[0]?.action, 'update');
});

test('GIVEN a Markdown file attached by a server manager THEN it is downloaded from Discord\'s CDN (a file handed over, so robots.txt is not asked), ingested with its front matter, and shown', async () => {
  const before = await statementCount();
  const sent = h.double.sendSlashCommand({ name: 'corpus', subcommand: 'add', options: { file: { attachment: { filename: 'help-us.md', content: ANARCHISTS_MD, contentType: 'text/markdown; charset=utf-8' } } } });
  const text = textOf(await finished(sent.token));
  assert.match(text, /^Help us in Our Struggle\nAdded to the corpus\./);
  assert.match(text, /Organisation\nAfghan anarchists · \*file\*/);
  assert.match(text, /Date\n2021-07 · \*file\*/);
  assert.match(text, /Source\nNo link/);
  assert.equal(await statementCount(), before + 1);
  assert.equal(cdnDownloads(), 1);
  assert.deepEqual(h.double.requests.filter((request) => request.route === 'GET /robots.txt'), []);
  const [change] = await recentCorpusChanges(h.db, 1);
  assert.deepEqual([change?.action, change?.newValue, change?.actor.id], ['add', 'help-us.md', h.double.ids.alice]);
});

test('GIVEN a member without Manage Server (offered /corpus by the server settings) THEN both a file and a URL are refused before anything is downloaded, and nothing is written', async () => {
  const before = await statementCount();
  const downloads = cdnDownloads();
  const pageRequests = site.requests.length;
  const attempts: Record<string, OptionInput>[] = [{ file: { attachment: { filename: 'appeal.md', content: ANARCHISTS_MD } } }, { url: addedFromUrl.page.url }];
  for (const options of attempts) {
    const sent = h.double.sendSlashCommand({ name: 'corpus', subcommand: 'add', options, user: 'bob', unchecked: true });
    const callback = await h.double.waitForInteractionResponse(sent.id);
    assert.deepEqual([callback.type, (callback.data?.flags as number) & EPHEMERAL, callback.data?.content], [4, EPHEMERAL, CORPUS_REFUSAL]);
  }
  assert.deepEqual([await statementCount(), cdnDownloads(), site.requests.length], [before, downloads, pageRequests]);
});

const refusedAtOnce: { name: string; options: Record<string, OptionInput>; says: RegExp }[] = [
  { name: 'a Word document', options: { file: { attachment: { filename: 'statement.docx', content: 'PK\u0003\u0004', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } } }, says: /"statement\.docx" was not added: it is a \.docx file, and the corpus takes \.txt, \.md, \.html, \.pdf or \.jsonl files\./ },
  { name: 'a file over the size limit', options: { file: { attachment: { filename: 'minutes.pdf', content: '%PDF-1.4', size: 25 * 1024 * 1024 } } }, says: /"minutes\.pdf" was not added: it is 25\.0 MB, over the 10\.0 MB/ },
  { name: 'both a URL and a file', options: { url: 'http://127.0.0.1:9/x', file: { attachment: { filename: 'a.txt', content: 'text' } } }, says: /either `url` \(a web page\) or `file` \(an attachment\), not both/ },
  { name: 'neither a URL nor a file', options: { organisation: 'ICOR' }, says: /either `url` \(a web page\) or `file` \(an attachment\)/ },
  { name: 'a date that is not one', options: { url: 'http://127.0.0.1:9/x', date: 'last spring' }, says: /Nothing was changed: the date "last spring" is not a date/ },
];
for (const { name, options, says } of refusedAtOnce) {
  test(`GIVEN /corpus add with ${name} THEN an immediate private message says why, and nothing is downloaded`, async () => {
    const downloads = cdnDownloads();
    const sent = h.double.sendSlashCommand({ name: 'corpus', subcommand: 'add', options });
    const callback = await h.double.waitForInteractionResponse(sent.id);
    assert.equal(callback.type, 4);
    assert.equal((callback.data?.flags as number) & EPHEMERAL, EPHEMERAL);
    assert.match(String(callback.data?.content), says);
    assert.equal(cdnDownloads(), downloads);
  });
}

test('GIVEN an attachment whose content can\'t be read THEN "thinking…" goes and a private message names the problem — never silence', async () => {
  const before = await statementCount();
  const sent = h.double.sendSlashCommand({ name: 'corpus', subcommand: 'add', options: { file: { attachment: { filename: 'statements.jsonl', content: '{"id": "1", "title": "Appeal", "text": "We demand peace."}\n{"id": "2", "title": "Broken' } } } });
  assert.match(await privateFollowUp(sent.token), /^statements\.jsonl: 1 bad line, nothing written:\nline 2: not valid JSON/);
  assert.equal(await statementCount(), before, 'a file with a bad line writes nothing');
});

test('GIVEN a URL the site answers 404 for THEN the private message says so', async () => {
  const sent = h.double.sendSlashCommand({ name: 'corpus', subcommand: 'add', options: { url: site.url('/gone') } });
  assert.match(await privateFollowUp(sent.token), /404/);
});

test('GIVEN "Correct metadata" pressed by a member without permission THEN refused, no form', async () => {
  const click = h.double.clickButton({ message: addedFromUrl.messageId, customId: `ce:${addedFromUrl.statementId}:open`, user: 'bob' });
  const callback = await h.double.waitForInteractionResponse(click.id);
  assert.deepEqual([callback.type, callback.data?.content], [4, CORPUS_REFUSAL]);
});

test('GIVEN "Correct metadata" THEN a form prefilled with the statement\'s metadata; a bad date changes nothing; a good correction is applied, recorded and shown in /corpus status', async () => {
  const click = h.double.clickButton({ message: addedFromUrl.messageId, customId: `ce:${addedFromUrl.statementId}:open` });
  assert.equal((await h.double.waitForInteractionResponse(click.id)).type, 9, 'a modal');
  const modal = h.double.interaction(click.id).modal!;
  const prefilled = Object.fromEntries(modal.components.flatMap((row) => ('components' in row ? row.components : [])).map((input) => [input.custom_id, (input as { value?: string }).value ?? '']));
  assert.deepEqual(prefilled, { title: addedFromUrl.page.expected.title, organisation: 'Editors of the archive', date: addedFromUrl.page.expected.date, language: 'en', url: addedFromUrl.page.expected.url });

  const bad = h.double.submitModal({ interactionId: click.id, values: { ...prefilled, date: '2021-13-45' } });
  await h.double.waitForInteractionResponse(bad.id);
  assert.match(textOf(h.double.originalResponse(bad.token)), /^Nothing was changed: the date "2021-13-45" is not a date/);
  const changesBefore = (await recentCorpusChanges(h.db, 50)).length;

  const again = h.double.clickButton({ message: addedFromUrl.messageId, customId: `ce:${addedFromUrl.statementId}:open` });
  await h.double.waitForInteractionResponse(again.id);
  const good = h.double.submitModal({ interactionId: again.id, values: { ...prefilled, organisation: 'ICOR', date: '2021-09-11' } });
  await h.double.waitForInteractionResponse(good.id);
  const told = h.double.originalResponse(good.token)!;
  assert.equal(told.flags! & EPHEMERAL, EPHEMERAL);
  assert.match(textOf(told), /^Corrected “.+” \(recorded; see \/corpus status\):\n• organisation: Editors of the archive → ICOR\n• date: .+ → 2021-09-11$/);
  assert.equal((await recentCorpusChanges(h.db, 50)).length, changesBefore + 2);
  assert.deepEqual((await readProvenance(h.db, addedFromUrl.statementId))?.fields.date, 'admin');

  const status = h.double.sendSlashCommand({ name: 'corpus', subcommand: 'status' });
  await h.double.waitForInteractionResponse(status.id);
  const shown = textOf(h.double.originalResponse(status.token));
  assert.match(shown, new RegExp(`• <t:\\d+:R> alice edited “.+” \\(#${addedFromUrl.statementId}\\): date .+ → 2021-09-11`));
  assert.match(shown, new RegExp(`• <t:\\d+:R> alice edited “.+” \\(#${addedFromUrl.statementId}\\): organisation Editors of the archive → ICOR`));
  assert.match(shown, /• <t:\d+:R> alice added “Help us in Our Struggle” \(#\d+\) from help-us\.md/);
});

test('GIVEN /corpus remove of a statement that came from the web THEN the question warns that a followed source would bring it back', async () => {
  const asked = h.double.sendSlashCommand({ name: 'corpus', subcommand: 'remove', options: { statement: String(addedFromUrl.statementId) } });
  await h.double.waitForInteractionResponse(asked.id);
  assert.match(textOf(h.double.originalResponse(asked.token)), /It came from the web: if a feed, sitemap or page in the sources file lists it, the next refresh adds it again/);
});
