import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ingestUrl } from '../../../src/corpus/intake/url.js';
import { refreshSources } from '../../../src/corpus/sources/refresh.js';
import { createCorpusRetriever } from '../../../src/search/corpus-retriever.js';
import type { Database } from '../../../src/store/database.js';
import { openForWriting } from '../../../src/store/migrate.js';
import { readProvenance } from '../../../src/store/provenance.js';
import { corpusVersion } from '../../../src/store/statement-writes.js';
import { statementVersions } from '../../../src/store/statement-versions.js';
import { findWebSource, followWebSource, type WebSourceDeclaration } from '../../../src/store/web-sources.js';
import { startLocalWebSite, type TestWebFetcher } from '../../doubles/web-fetcher.js';
import type { WebServer } from '../../doubles/web-server.js';
import { atomFeed, rssFeed, servePages, sitemap, sitemapIndex, statementPage, type ServedPages } from '../../fixtures/web-feeds.js';

const DAY_MS = 86_400_000;
const ENTRIES = 100;
const HTML = 'text/html; charset=utf-8';

let site: WebServer;
let web: TestWebFetcher;
let closeSite: () => Promise<void>;
let pages: ServedPages;

before(async () => {
  ({ web, site, close: closeSite } = await startLocalWebSite({ hosts: { 'busy.test': '127.0.0.1', 'gone.test': '127.0.0.1' } }));
  pages = servePages(site);
});
after(async () => {
  await closeSite();
});

const now = () => new Date(web.clock.now());
const refresh = (db: Database, options: Parameters<typeof refreshSources>[2] = {}) => refreshSources(db, web.fetcher, { now, ...options });
const follow = (db: Database, source: Partial<WebSourceDeclaration> & Pick<WebSourceDeclaration, 'url' | 'kind'>) =>
  followWebSource(db, { origin: 'sources-file', defaults: {}, intervalSeconds: 86_400, ...source });
/** Let a day pass on the fake clock: every source is due again. */
const nextDay = () => web.clock.sleep(DAY_MS);
const statementCount = async (db: Database) => (await db.get<{ n: number }>('SELECT count(*) AS n FROM statements'))!.n;

test('GIVEN an RSS feed of 100 entries refreshed twice THEN the second refresh makes only conditional requests and writes nothing; a changed entry becomes a new version of the same statement', async () => {
  const db = await openForWriting(':memory:');
  const paths = Array.from({ length: ENTRIES }, (_, i) => `/rss/statements/${i}`);
  for (const [i, path] of paths.entries()) pages.put(path, statementPage(i), HTML);
  pages.put('/rss/feed.xml', rssFeed(paths.map((path, i) => ({ title: `Statement ${i}`, url: site.url(path), date: '2021-09-10' }))), 'application/rss+xml');
  await follow(db, { url: site.url('/rss/feed.xml'), kind: 'feed', defaults: { organisation: 'ICOR' } });

  const first = await refresh(db);
  assert.deepEqual([first.added, first.changed, first.unchanged, first.failed], [ENTRIES, 0, 0, 0], JSON.stringify(first.failures));
  const version = await corpusVersion(db);
  const requestsBefore = site.requests.length;

  await nextDay();
  const second = await refresh(db);
  assert.deepEqual([second.added, second.changed, second.unchanged, second.failed], [0, 0, ENTRIES, 0]);
  const asked = site.requests.slice(requestsBefore).filter((request) => request.path !== '/robots.txt');
  assert.equal(asked.length, ENTRIES + 1, 'the feed and each entry once');
  for (const request of asked) assert.ok(request.headers['if-none-match'] && request.headers['if-modified-since'], `${request.path} asked conditionally`);
  assert.ok(paths.every((path) => pages.fullResponses(path) === 1) && pages.fullResponses('/rss/feed.xml') === 1, 'no full GET after the first');
  assert.equal(await corpusVersion(db), version, 'nothing written');
  assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM statement_versions'))!.n, 0);

  const changedPath = paths[42]!;
  const before = await db.get<{ id: number }>('SELECT statement_id AS id FROM web_pages WHERE url = ?', [site.url(changedPath)]);
  pages.put(changedPath, statementPage(42, 'Correction: the resolution was adopted unanimously by the ICOR World Conference.'), HTML);
  await nextDay();
  const third = await refresh(db);
  assert.deepEqual([third.added, third.changed, third.unchanged, third.failed], [0, 1, ENTRIES - 1, 0]);
  const versions = await statementVersions(db, before!.id);
  assert.equal(versions.length, 1);
  assert.ok(!versions[0]!.text.includes('adopted unanimously'));
  const { hits } = await createCorpusRetriever(db).search('adopted unanimously World Conference');
  assert.equal(hits[0]?.statement.id, before!.id, 'search finds the current text under the same id');
  await db.close();
});

test('GIVEN an Atom feed THEN its dates fill what the pages lack, the sources file\'s organisation wins, and the provenance says which', async () => {
  const db = await openForWriting(':memory:');
  const paths = [0, 1, 2].map((i) => `/atom/statements/${i}`);
  for (const [i, path] of paths.entries()) pages.put(path, statementPage(i + 10), HTML);
  pages.put('/atom/feed.xml', atomFeed(paths.map((path, i) => ({ title: `Entry ${i}`, url: site.url(path), date: `2022-03-1${i}` }))), 'application/atom+xml');
  await follow(db, { url: site.url('/atom/feed.xml'), kind: 'feed', defaults: { organisation: 'JAKNA' } });
  const report = await refresh(db);
  assert.equal(report.added, 3, JSON.stringify(report.failures));
  const rows = await db.all<{ id: number; title: string; organisation: string; date: string }>('SELECT id, title, organisation, date FROM statements ORDER BY url');
  assert.deepEqual(rows.map((row) => row.date), ['2022-03-10', '2022-03-11', '2022-03-12']);
  assert.ok(rows.every((row) => row.organisation === 'JAKNA' && row.title.startsWith('Statement 1')), 'the page\'s own heading is the title, not the feed\'s');
  const fields = (await readProvenance(db, rows[0]!.id))?.fields;
  assert.deepEqual([fields?.date, fields?.organisation, fields?.title], ['feed', 'sources-file', 'page']);
  await db.close();
});

test('GIVEN a sitemap index THEN the pages of its sitemaps are ingested, and an unchanged index still has its pages checked', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/site/a', statementPage(20), HTML);
  pages.put('/site/b', statementPage(21), HTML);
  pages.put('/site/sitemap-1.xml', sitemap([site.url('/site/a')]), 'application/xml');
  pages.put('/site/sitemap-2.xml', sitemap([site.url('/site/b'), site.url('/site/a')]), 'application/xml');
  pages.put('/site/sitemap.xml', sitemapIndex([site.url('/site/sitemap-1.xml'), site.url('/site/sitemap-2.xml')]), 'application/xml');
  await follow(db, { url: site.url('/site/sitemap.xml'), kind: 'sitemap' });
  assert.equal((await refresh(db)).added, 2);
  pages.put('/site/b', statementPage(21, 'A signatory was added: the Revolutionary Workers Party.'), HTML);
  await nextDay();
  const report = await refresh(db);
  assert.deepEqual([report.sources[0]?.list, report.changed, report.unchanged], ['not-modified', 1, 1]);
  await db.close();
});

test('GIVEN pages that answer 404, 500 and 429 THEN each is failed with its reason, the others go on, and the busy host is left until it said', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/mixed/ok', statementPage(30), HTML);
  site.route('/mixed/missing', { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' });
  site.route('/mixed/broken', { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Oops' });
  site.route('/mixed/busy', { status: 429, headers: { 'content-type': 'text/plain', 'retry-after': '3600' }, body: 'Slow down' });
  pages.put('/mixed/busy-too', statementPage(31), HTML);
  const entries = [site.url('/mixed/missing'), site.url('/mixed/broken'), site.url('/mixed/busy', 'busy.test'), site.url('/mixed/busy-too', 'busy.test'), site.url('/mixed/ok')];
  pages.put('/mixed/feed.xml', rssFeed(entries.map((url, i) => ({ title: `Item ${i}`, url }))), 'application/rss+xml');
  await follow(db, { url: site.url('/mixed/feed.xml'), kind: 'feed' });

  const report = await refresh(db, { concurrency: 1 });
  assert.deepEqual([report.added, report.failed], [1, 3]);
  assert.deepEqual(report.failures, [
    { url: entries[0], reason: 'HTTP 404 Not Found' },
    { url: entries[1], reason: 'HTTP 500 Internal Server Error' },
    { url: entries[2], reason: 'HTTP 429 Too Many Requests (asked to wait 60 minutes)' },
  ]);
  assert.deepEqual(report.deferred.map((page) => page.url), [entries[3]]);
  assert.equal(site.requests.filter((request) => request.path === '/mixed/busy-too').length, 0, 'the busy host was not asked again');
  const source = await findWebSource(db, site.url('/mixed/feed.xml'));
  assert.deepEqual(source?.counts, { added: 1, changed: 0, unchanged: 0, failed: 3 });
  assert.equal(await statementCount(db), 1);
  await db.close();
});

test('GIVEN sources not due yet THEN a refresh asks nothing, unless forced', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/due/page', statementPage(40), HTML);
  await follow(db, { url: site.url('/due/page'), kind: 'page' });
  assert.equal((await refresh(db)).added, 1);
  const asked = site.requestsTo('/due/page').length;
  const early = await refresh(db);
  assert.deepEqual([early.notDue, early.sources.length, site.requestsTo('/due/page').length], [1, 0, asked]);
  const forced = await refresh(db, { force: true });
  assert.deepEqual([forced.unchanged, site.requestsTo('/due/page').length], [1, asked + 1]);
  assert.equal(site.requestsTo('/due/page').at(-1)?.headers['if-none-match'], undefined, 'forced: asked without validators');
  await db.close();
});

test('GIVEN a feed that fails on a later refresh THEN it counts as failed and the pages it listed before are still checked', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/flaky/a', statementPage(70), HTML);
  pages.put('/flaky/feed.xml', rssFeed([{ title: 'A', url: site.url('/flaky/a') }]), 'application/rss+xml');
  await follow(db, { url: site.url('/flaky/feed.xml'), kind: 'feed' });
  assert.equal((await refresh(db)).added, 1);
  site.route('/flaky/feed.xml', { status: 503, headers: { 'content-type': 'text/plain' }, body: 'Maintenance' });
  await nextDay();
  const report = await refresh(db);
  assert.deepEqual([report.sources[0]?.list, report.failed, report.unchanged], ['failed', 1, 1]);
  assert.deepEqual(report.failures, [{ url: site.url('/flaky/feed.xml'), reason: 'HTTP 503 Service Unavailable' }]);
  assert.equal((await findWebSource(db, site.url('/flaky/feed.xml')))?.lastError, 'HTTP 503 Service Unavailable');
  await db.close();
});

test('GIVEN a refresh stopped mid-way THEN it ends with the abort, not with the remaining pages counted as failed', async () => {
  const db = await openForWriting(':memory:');
  const paths = [0, 1, 2, 3].map((i) => `/stop/statements/${i}`);
  for (const [i, path] of paths.entries()) pages.put(path, statementPage(80 + i), HTML);
  pages.put('/stop/feed.xml', rssFeed(paths.map((path, i) => ({ title: `S${i}`, url: site.url(path) }))), 'application/rss+xml');
  await follow(db, { url: site.url('/stop/feed.xml'), kind: 'feed' });
  const stop = new AbortController();
  const progress: string[] = [];
  await assert.rejects(
    refresh(db, { signal: stop.signal, concurrency: 1, onProgress: (_done, _total, label) => (progress.push(label), progress.length === 1 && stop.abort()) }),
    (error: unknown) => (error as Error).name === 'AbortError',
  );
  assert.equal(progress.length, 1, 'no page after the abort was asked or counted');
  assert.equal(await statementCount(db), 1);
  await db.close();
});

test('GIVEN a sitemap with <lastmod> THEN pages it dates before their last check are not asked at all, a newer date is, and after a week every page is asked again', async () => {
  const db = await openForWriting(':memory:');
  const lastmodSitemap = (entries: [string, string][]) =>
    `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.map(([path, lastmod]) => `<url><loc>${site.url(path)}</loc><lastmod>${lastmod}</lastmod></url>`).join('')}</urlset>`;
  pages.put('/dated/a', statementPage(90), HTML);
  pages.put('/dated/b', statementPage(91), HTML);
  pages.put('/dated/sitemap.xml', lastmodSitemap([['/dated/a', '2026-02-01'], ['/dated/b', '2026-02-01']]), 'application/xml');
  await follow(db, { url: site.url('/dated/sitemap.xml'), kind: 'sitemap' });
  assert.equal((await refresh(db)).added, 2);
  const asked = (path: string) => site.requestsTo(path).length;

  await nextDay();
  const quiet = await refresh(db);
  assert.deepEqual([quiet.unchanged, quiet.notAsked, asked('/dated/a'), asked('/dated/b')], [2, 2, 1, 1], 'no request for either page');

  pages.put('/dated/b', statementPage(91, 'Amended: the appeal now also condemns the bombing of Kharkiv.'), HTML);
  pages.put('/dated/sitemap.xml', lastmodSitemap([['/dated/a', '2026-02-01'], ['/dated/b', new Date(web.clock.now()).toISOString()]]), 'application/xml');
  await nextDay();
  const amended = await refresh(db);
  assert.deepEqual([amended.changed, amended.notAsked, asked('/dated/a'), asked('/dated/b')], [1, 1, 1, 2]);

  await web.clock.sleep(8 * DAY_MS);
  const weekly = await refresh(db);
  assert.deepEqual([weekly.unchanged, weekly.notAsked, asked('/dated/a'), asked('/dated/b')], [2, 0, 2, 3], 'a week on, both are asked (conditionally)');
  assert.ok(site.requestsTo('/dated/a').at(-1)?.headers['if-none-match']);
  await db.close();
});

test('GIVEN a statement removed from the corpus THEN a refresh does not bring it back from its feed, and ingesting its URL by name does', async () => {
  const db = await openForWriting(':memory:');
  pages.put('/removed/a', statementPage(100), HTML);
  pages.put('/removed/b', statementPage(101), HTML);
  pages.put('/removed/feed.xml', rssFeed([{ title: 'A', url: site.url('/removed/a') }, { title: 'B', url: site.url('/removed/b') }]), 'application/rss+xml');
  await follow(db, { url: site.url('/removed/feed.xml'), kind: 'feed' });
  assert.equal((await refresh(db)).added, 2);
  await db.run('DELETE FROM statements WHERE id = (SELECT statement_id FROM web_pages WHERE url = ?)', [site.url('/removed/b')]);
  const asked = site.requestsTo('/removed/b').length;

  await nextDay();
  const report = await refresh(db);
  assert.deepEqual([report.added, report.unchanged, report.removed], [0, 1, [site.url('/removed/b')]]);
  assert.equal(site.requestsTo('/removed/b').length, asked, 'not even asked');

  assert.equal((await ingestUrl(db, web.fetcher, site.url('/removed/b'), { now })).status, 'added');
  await nextDay();
  assert.deepEqual(await refresh(db).then((r) => [r.unchanged, r.removed.length]), [2, 0]);
  await db.close();
});

test('GIVEN a refresh that adds a page and a later one that finds it changed THEN /corpus status\'s changes list both, by the refresh, with the page\'s address; an unchanged page records nothing', async () => {
  const { recentCorpusChanges } = await import('../../../src/store/corpus-changes.js');
  const db = await openForWriting(':memory:');
  pages.put('/changes/one', statementPage(70), HTML);
  pages.put('/changes/feed.xml', rssFeed([{ title: 'One', url: site.url('/changes/one') }]), 'application/rss+xml');
  await follow(db, { url: site.url('/changes/feed.xml'), kind: 'feed' });
  await refresh(db);
  await nextDay();
  await refresh(db);
  pages.put('/changes/one', statementPage(70, 'A correction: the resolution was adopted unanimously.'), HTML);
  await nextDay();
  await refresh(db);

  const changes = await recentCorpusChanges(db, 10);
  assert.deepEqual(
    changes.map((change) => [change.actor.name, change.action, change.statementTitle, change.newValue]),
    [
      ['refresh of the sources', 'update', 'Statement 70 | Archive', site.url('/changes/one')],
      ['refresh of the sources', 'add', 'Statement 70 | Archive', site.url('/changes/one')],
    ],
  );
  await db.close();
});
