import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ingestWebInputs } from '../../src/cli/ingest-web.js';
import { runRefresh } from '../../src/cli/refresh-run.js';
import { UserFacingError } from '../../src/errors.js';
import { openForWriting } from '../../src/store/migrate.js';
import { listWebSources } from '../../src/store/web-sources.js';
import { startLocalWebSite, type TestWebFetcher } from '../doubles/web-fetcher.js';
import type { WebServer } from '../doubles/web-server.js';
import { rssFeed, servePages, sitemap, statementPage, type ServedPages } from '../fixtures/web-feeds.js';
import { pdfPage } from '../fixtures/web-pages.js';
import { runCli } from './run-cli.js';

const HTML = 'text/html; charset=utf-8';
let site: WebServer;
let web: TestWebFetcher;
let closeSite: () => Promise<void>;
let pages: ServedPages;
let scratch: string;

before(async () => {
  ({ web, site, close: closeSite } = await startLocalWebSite());
  pages = servePages(site);
  scratch = await mkdtemp(join(tmpdir(), 'refresh-cli-'));
});
after(async () => {
  await closeSite();
  await rm(scratch, { recursive: true, force: true });
});

const now = () => new Date(web.clock.now());

function capture() {
  const lines: string[] = [];
  return { lines, out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), text: () => lines.join('\n') };
}

test('GIVEN npm run ingest with a page URL, --org and a feed THEN each page gets a line, the feed a summary, and the feed stays followed', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/cli/page', statementPage(50), HTML);
  pages.put('/cli/one', statementPage(51), HTML);
  pages.put('/cli/feed.xml', rssFeed([{ title: 'One', url: site.url('/cli/one'), date: '2021-08-25' }, { title: 'Gone', url: site.url('/cli/gone') }]), 'application/rss+xml');
  const io = capture();
  const { failed } = await ingestWebInputs(db, web.fetcher, { urls: [site.url('/cli/page')], feeds: [site.url('/cli/feed.xml')], sitemaps: [], organisation: 'CIPOML' }, { ...io, now });
  assert.equal(failed, 1);
  assert.match(io.lines[0]!, new RegExp(`^added: ${site.url('/cli/page')} → #\\d+ Statement 50\\b.* \\(CIPOML, [0-9-]+\\), \\d+ passages$`));
  assert.match(io.text(), /Refresh finished in [\d.]+ s: added 1, changed 0, unchanged 0, failed 1 \(1 source refreshed\)\./);
  assert.match(io.text(), new RegExp(`failed: ${site.url('/cli/gone')}: HTTP 404 Not Found`));
  const [followed] = await listWebSources(db);
  assert.deepEqual([followed?.url, followed?.kind, followed?.origin, followed?.defaults], [site.url('/cli/feed.xml'), 'feed', 'cli', { organisation: 'CIPOML' }]);
  await db.close();
});

test('GIVEN a sources file THEN npm run refresh follows it and reports; taken out of the file, a source is no longer followed', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/yaml/a', statementPage(60), HTML);
  pages.put('/yaml/sitemap.xml', sitemap([site.url('/yaml/a')]), 'application/xml');
  pages.put('/yaml/page', statementPage(61), HTML);
  const path = join(scratch, 'sources.yaml');
  await writeFile(path, `sources:\n  - url: ${site.url('/yaml/sitemap.xml')}\n    kind: sitemap\n  - url: ${site.url('/yaml/page')}\n    kind: page\n    organisation: ICOR\n`);
  const io = capture();
  assert.equal(await runRefresh(db, web.fetcher, { sourcesPath: path }, { ...io, now }), 0);
  assert.match(io.text(), /^Refresh finished in [\d.]+ s: added 2, changed 0, unchanged 0, failed 0 \(2 sources refreshed\)\./);

  await writeFile(path, `sources:\n  - url: ${site.url('/yaml/page')}\n    kind: page\n    organisation: ICOR\n`);
  const json = capture();
  assert.equal(await runRefresh(db, web.fetcher, { sourcesPath: path, force: true, json: true }, { ...json, now }), 0);
  const report = JSON.parse(json.lines.at(-1)!) as { unchanged: number; sources: { url: string }[] };
  assert.deepEqual([report.unchanged, report.sources.map((source) => source.url)], [1, [site.url('/yaml/page')]]);
  assert.deepEqual((await listWebSources(db)).map((source) => source.url), [site.url('/yaml/page')]);
  await db.close();
});

test('GIVEN nothing followed THEN the refresh says what to do', async () => {
  const db = await openForWriting(':memory:');
  await assert.rejects(runRefresh(db, web.fetcher, {}, capture()), (error: unknown) => error instanceof UserFacingError && /Copy sources\.example\.yaml to sources\.yaml/.test(error.message));
  await db.close();
});

test('GIVEN a sources file with mistakes THEN npm run refresh prints each with its line and exits 1, fetching nothing', async () => {
  const path = join(scratch, 'bad-sources.yaml');
  await writeFile(path, 'sources:\n  - url: https://icor.example/feed.xml\n    kind: rss\n    every: 6h\n');
  const { code, stdout, stderr } = await runCli('src/cli/refresh.ts', ['--sources', path, '--db', join(scratch, 'bad.sqlite')]);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.equal(stderr, `${path} has problems:\n- line 3, sources[0].kind: must be page, feed or sitemap\n- line 4, sources[0]: unknown field "every"\n`);
});

test('GIVEN --org without anything from the web THEN npm run ingest says --org is for web pages (exit 2)', async () => {
  const { code, stderr } = await runCli('src/cli/ingest.ts', ['--org', 'ICOR', 'corpus/', '--db', join(scratch, 'org.sqlite')]);
  assert.equal(code, 2);
  assert.match(stderr, /^--org is for web pages, feeds and sitemaps/);
});

test('GIVEN a feed item that is only a PDF attachment, and one with no address THEN the PDF is ingested and the other is reported, not silently dropped', async () => {
  const db = await openForWriting(':memory:');
  const pdf = await pdfPage(site.origin);
  pages.put(pdf.path, pdf.body, pdf.contentType);
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Appeals</title>
    <item><title>Drama in Afghanistan (PDF)</title><enclosure url="${pdf.url}" type="application/pdf" length="${pdf.body.length}"/><pubDate>Wed, 25 Aug 2021 09:00:00 GMT</pubDate></item>
    <item><title>A note without a page</title><description>See the printed edition.</description></item>
  </channel></rss>`;
  pages.put('/attachments/feed.xml', feed, 'application/rss+xml');
  const io = capture();
  await ingestWebInputs(db, web.fetcher, { urls: [], feeds: [site.url('/attachments/feed.xml')], sitemaps: [] }, { ...io, now });
  assert.match(io.text(), /added 1, changed 0, unchanged 0, failed 0; 1 item with no web address left out/);
  const row = await db.get<{ title: string; date: string }>('SELECT title, date FROM statements');
  assert.deepEqual(row, { title: pdf.expected.title, date: '2021-08-25' });
  await db.close();
});

test('GIVEN --feed naming an HTML page and --sitemap naming a missing file THEN each fails with its reason and neither is followed (no daily retry of a mistake); a followed feed failing later stays followed', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/cli/not-a-feed', statementPage(52), HTML);
  pages.put('/cli/good-feed.xml', rssFeed([]), 'application/rss+xml');
  const io = capture();
  const { failed } = await ingestWebInputs(db, web.fetcher, { urls: [], feeds: [site.url('/cli/not-a-feed'), site.url('/cli/good-feed.xml')], sitemaps: [site.url('/cli/no-sitemap.xml')] }, { ...io, now });
  assert.equal(failed, 2);
  assert.match(io.text(), new RegExp(`failed: ${site.url('/cli/not-a-feed')}: .*is text/html, not a feed or sitemap`));
  assert.match(io.text(), new RegExp(`failed: ${site.url('/cli/no-sitemap.xml')}: HTTP 404 Not Found`));
  assert.match(io.text(), new RegExp(`not followed: ${site.url('/cli/not-a-feed')}: its list couldn't be read \\(above\\); check the address and ingest it again`));
  assert.deepEqual((await listWebSources(db)).map((source) => source.url), [site.url('/cli/good-feed.xml')]);

  pages.put('/cli/good-feed.xml', statementPage(53), HTML);
  const later = capture();
  await ingestWebInputs(db, web.fetcher, { urls: [], feeds: [site.url('/cli/good-feed.xml')], sitemaps: [] }, { ...later, now });
  assert.doesNotMatch(later.text(), /not followed/);
  assert.deepEqual((await listWebSources(db)).map((source) => source.url), [site.url('/cli/good-feed.xml')]);
  await db.close();
});

test('GIVEN a page with no statement on it, by URL and in a feed THEN each failure line names the address once, then why', async () => {
  const db = await openForWriting(':memory:');
  const empty = '<!DOCTYPE html><html lang="en"><head><title>Archive</title></head><body><nav><a href="/">Home</a> <a href="/about">About us</a></nav></body></html>';
  pages.put('/cli/empty', empty, HTML);
  pages.put('/cli/empty-feed.xml', rssFeed([{ title: 'Empty', url: site.url('/cli/empty-listed') }]), 'application/rss+xml');
  pages.put('/cli/empty-listed', empty, HTML);
  const io = capture();
  await ingestWebInputs(db, web.fetcher, { urls: [site.url('/cli/empty')], feeds: [site.url('/cli/empty-feed.xml')], sitemaps: [] }, { ...io, now });
  for (const url of [site.url('/cli/empty'), site.url('/cli/empty-listed')]) {
    assert.ok(io.text().split('\n').includes(`failed: ${url}: the page has no main text (an index or list of links?): give the address of the statement itself`), io.text());
  }
  const row = await db.get<{ last_error: string }>('SELECT last_error FROM web_pages WHERE url = ?', [site.url('/cli/empty')]);
  assert.equal(row?.last_error, 'the page has no main text (an index or list of links?): give the address of the statement itself');
  await db.close();
});

test('GIVEN a feed listing a page on a private address THEN its failure line names the address once, then why it is not fetched', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/cli/private-feed.xml', rssFeed([{ title: 'Intranet', url: 'http://10.0.0.1/statement' }]), 'application/rss+xml');
  const io = capture();
  await ingestWebInputs(db, web.fetcher, { urls: [], feeds: [site.url('/cli/private-feed.xml')], sitemaps: [] }, { ...io, now });
  assert.ok(io.text().split('\n').includes('failed: http://10.0.0.1/statement: 10.0.0.1 is a private network address; the bot only fetches public web addresses'), io.text());
  await db.close();
});

test('GIVEN --feed naming one feed in two spellings on two runs, and an HTML page with a fragment THEN the feed is one source under its key, read on both runs, and the page is not followed', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/cli/spelled/page', statementPage(54), HTML);
  pages.put('/cli/spelled/feed.xml', rssFeed([{ title: 'One', url: `${site.url('/cli/spelled/page')}#comments` }]), 'application/rss+xml');
  const shouted = (path: string) => site.url(path).replace('http://', 'HTTP://');
  const first = await ingestWebInputs(db, web.fetcher, { urls: [], feeds: [`${shouted('/cli/spelled/feed.xml')}#latest`, `${site.url('/cli/spelled/page')}#top`], sitemaps: [] }, { ...capture(), now });
  assert.deepEqual(first.report?.sources.map((source) => [source.url, source.list]), [[site.url('/cli/spelled/feed.xml'), 'read'], [site.url('/cli/spelled/page'), 'failed']]);
  assert.equal(first.report?.added, 1);
  assert.deepEqual((await listWebSources(db)).map((source) => source.url), [site.url('/cli/spelled/feed.xml')], 'the page that is no feed is not followed');
  const second = await ingestWebInputs(db, web.fetcher, { urls: [], feeds: [site.url('/cli/spelled/feed.xml')], sitemaps: [] }, { ...capture(), now });
  assert.deepEqual([second.report?.sources.length, second.report?.added, second.report?.unchanged], [1, 0, 1]);
  assert.deepEqual((await listWebSources(db)).map((source) => source.url), [site.url('/cli/spelled/feed.xml')]);
  assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM statements'))!.n, 1);
  await db.close();
});
