import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createCorpusAdmin } from '../../../src/corpus/admin/create-corpus-admin.js';
import { ingestUrl } from '../../../src/corpus/intake/url.js';
import { followSourcesFile } from '../../../src/corpus/sources/follow.js';
import { refreshSources } from '../../../src/corpus/sources/refresh.js';
import { parseSourcesFile } from '../../../src/corpus/sources/sources-file.js';
import { CONSOLE_ACTOR } from '../../../src/store/corpus-changes.js';
import type { Database } from '../../../src/store/database.js';
import { openForWriting } from '../../../src/store/migrate.js';
import { removeStatement } from '../../../src/store/statement-admin.js';
import { recordPageSuccess } from '../../../src/store/web-pages.js';
import { followWebSource } from '../../../src/store/web-sources.js';
import { createTestWebFetcher, type TestWebFetcher } from '../../doubles/web-fetcher.js';
import { startWebServer, type WebServer } from '../../doubles/web-server.js';
import { rssFeed, servePages, statementPage, type ServedPages } from '../../fixtures/web-feeds.js';

const HTML = 'text/html; charset=utf-8';
const DAY_MS = 86_400_000;

let site: WebServer;
let web: TestWebFetcher;
let pages: ServedPages;

before(async () => {
  site = await startWebServer();
  // news.test on port 80 (the default, so "http://news.test:80/x" is "http://news.test/x") reaches the test site on 127.0.0.1.
  web = createTestWebFetcher({ hosts: { 'news.test': '127.0.0.1' }, ports: { 80: site.port } });
  pages = servePages(site);
});
after(async () => {
  web.assertOnlyLoopback();
  await web.close();
  await site.close();
});

const now = () => new Date(web.clock.now());
const count = async (db: Database, table: 'statements' | 'web_pages' | 'web_sources') => (await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
const pageKeys = async (db: Database) => (await db.all<{ url: string }>('SELECT url FROM web_pages ORDER BY url')).map((row) => row.url);

test('GIVEN one page ingested under three spellings of its address (case, a fragment, the default port) THEN it is one statement with one id and one page state, and a refresh of it followed under a fourth adds nothing', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/variants/1', statementPage(1), HTML);
  const results = [];
  for (const address of ['HTTP://NEWS.Test/variants/1', 'http://news.test/variants/1#page=2', 'http://news.test:80/variants/1']) results.push(await ingestUrl(db, web.fetcher, address, { now }));
  assert.deepEqual(results.map((result) => result.status), ['added', 'unchanged', 'unchanged']);
  assert.equal(new Set(results.map((result) => result.statementId)).size, 1, 'one statement id');
  assert.equal(await count(db, 'statements'), 1);
  assert.deepEqual(await pageKeys(db), ['http://news.test/variants/1']);
  const [, second, third] = site.requestsTo('/variants/1');
  assert.ok(second?.headers['if-none-match'] && third?.headers['if-none-match'], 'the second and third spellings were asked conditionally: the page was known');
  assert.equal(pages.fullResponses('/variants/1'), 1);

  await followWebSource(db, { url: 'HTTP://news.TEST:80/variants/1#top', kind: 'page', origin: 'cli', defaults: {}, intervalSeconds: 86_400 });
  await web.clock.sleep(DAY_MS);
  const report = await refreshSources(db, web.fetcher, { now });
  assert.deepEqual([report.added, report.changed, report.unchanged, report.failed], [0, 0, 1, 0], JSON.stringify(report.failures));
  assert.equal(await count(db, 'statements'), 1);
  assert.deepEqual(await pageKeys(db), ['http://news.test/variants/1']);
  // The first refresh fetches it in full once (what is given with it changed: a source's defaults); the next asks conditionally.
  const fetched = pages.fullResponses('/variants/1');
  await web.clock.sleep(DAY_MS);
  assert.equal((await refreshSources(db, web.fetcher, { now })).unchanged, 1);
  assert.equal(pages.fullResponses('/variants/1'), fetched, 'the page state was found under its key');
  assert.deepEqual(await pageKeys(db), ['http://news.test/variants/1']);
  await db.close();
});

test('GIVEN a feed listing a page as "…#comments" and as its plain address THEN it is one statement, asked once per refresh, and a second refresh duplicates nothing', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/feed-variants/1', statementPage(2), HTML);
  const plain = site.url('/feed-variants/1', 'news.test');
  pages.put('/feed-variants/feed.xml', rssFeed([{ title: 'Comments', url: `${plain}#comments` }, { title: 'The statement', url: plain }, { title: 'Shouting', url: plain.replace('http://news.test', 'HTTP://NEWS.TEST') }]), 'application/rss+xml');
  await followSourcesFile(db, parseSourcesFile(`sources:\n  - url: ${site.url('/feed-variants/feed.xml', 'NEWS.test')}#latest\n    kind: feed\n`, 'sources.yaml'));
  const first = await refreshSources(db, web.fetcher, { now });
  assert.deepEqual([first.added, first.unchanged, first.failed], [1, 0, 0], JSON.stringify(first.failures));
  await web.clock.sleep(DAY_MS);
  const second = await refreshSources(db, web.fetcher, { now });
  assert.deepEqual([second.added, second.changed, second.unchanged], [0, 0, 1]);
  assert.equal(await count(db, 'statements'), 1);
  assert.deepEqual(await pageKeys(db), [plain]);
  assert.equal(pages.fullResponses('/feed-variants/1'), 1);
  assert.deepEqual((await db.all<{ url: string }>('SELECT url FROM web_sources')).map((row) => row.url), [site.url('/feed-variants/feed.xml', 'news.test')]);
  await db.close();
});

test('GIVEN page state stored under an address as once written (before keys) THEN ingesting it again finds it, asks conditionally and keeps it under the key; a duplicate under an old spelling is dropped', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/legacy/1', statementPage(3), HTML);
  const key = site.url('/legacy/1', 'news.test');
  const written = key.replace('http://news.test', 'HTTP://News.Test');
  const first = await ingestUrl(db, web.fetcher, key, { now });
  // What the code before keys left behind: the state under the address as typed, and a second row under another spelling.
  await db.run('UPDATE web_pages SET url = ? WHERE url = ?', [written, key]);
  await recordPageSuccess(db, { url: `${key}#page=2`, status: 'unchanged', statementId: first.statementId, given: null, checkedAt: now() });

  const again = await ingestUrl(db, web.fetcher, written, { now });
  assert.deepEqual([again.status, again.statementId], ['unchanged', first.statementId]);
  assert.ok(site.requestsTo('/legacy/1').at(-1)?.headers['if-none-match'], 'asked with the validators stored under the old spelling');
  const other = await ingestUrl(db, web.fetcher, `${key}#page=2`, { now });
  assert.equal(other.statementId, first.statementId);
  assert.deepEqual(await pageKeys(db), [key]);
  assert.equal(await count(db, 'statements'), 1);
  await db.close();
});

test('GIVEN a page followed from the sources file under an old spelling whose statement an admin removed THEN, with the file spelling it another way, it is still one source and a refresh still leaves it out', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/legacy/removed', statementPage(4), HTML);
  const written = site.url('/legacy/removed', 'NEWS.test');
  // As the code before keys stored it: source and page under the spelling in the file.
  await followWebSource(db, { url: written, kind: 'page', origin: 'sources-file', defaults: {}, intervalSeconds: 86_400 });
  await db.run('UPDATE web_sources SET url = ?', [written]);
  const added = await refreshSources(db, web.fetcher, { now });
  assert.equal(added.added, 1, JSON.stringify(added.failures));
  await db.run('UPDATE web_pages SET url = ?', [written]);
  await removeStatement(db, (await db.get<{ id: number }>('SELECT id FROM statements'))!.id, { id: 'admin-1', name: 'Admin' }, now());

  // The file now spells it another way again.
  await followSourcesFile(db, parseSourcesFile(`sources:\n  - url: ${site.url('/legacy/removed', 'news.TEST')}#top\n    kind: page\n`, 'sources.yaml'));
  await web.clock.sleep(DAY_MS);
  const report = await refreshSources(db, web.fetcher, { now });
  assert.deepEqual(report.removed, [site.url('/legacy/removed', 'news.test')]);
  assert.equal(await count(db, 'statements'), 0);
  assert.equal(await count(db, 'web_sources'), 1);
  await db.close();
});

test('GIVEN /corpus add url: with one page under two spellings THEN the second adds nothing, and "who added what" names the page by its key', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/admin/1', statementPage(5), HTML);
  const admin = createCorpusAdmin({ db, config: { CORPUS_MAX_UPLOAD_MB: 10 }, fetcher: web.fetcher, now });
  const [first] = await admin.addUrl('HTTP://News.Test:80/admin/1#top', {}, CONSOLE_ACTOR);
  const [second] = await admin.addUrl('http://news.test/admin/1', {}, CONSOLE_ACTOR);
  assert.deepEqual([first?.status, second?.status, second?.statementId], ['added', 'unchanged', first?.statementId]);
  assert.equal(await count(db, 'statements'), 1);
  assert.deepEqual(await pageKeys(db), ['http://news.test/admin/1']);
  assert.deepEqual((await admin.status(5)).changes.map((change) => change.newValue), ['http://news.test/admin/1']);
  await db.close();
});
