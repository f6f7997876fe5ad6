import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { ingestUrl } from '../../../src/corpus/intake/url.js';
import { UserFacingError } from '../../../src/errors.js';
import { createCorpusRetriever } from '../../../src/search/corpus-retriever.js';
import type { Database } from '../../../src/store/database.js';
import { openForWriting } from '../../../src/store/migrate.js';
import { readProvenance } from '../../../src/store/provenance.js';
import { corpusVersion } from '../../../src/store/statement-writes.js';
import { statementVersions } from '../../../src/store/statement-versions.js';
import { findWebPage } from '../../../src/store/web-pages.js';
import { createTestWebFetcher, startLocalWebSite, type TestWebFetcher } from '../../doubles/web-fetcher.js';
import type { WebServer } from '../../doubles/web-server.js';
import { servePages, statementPage } from '../../fixtures/web-feeds.js';
import { buildWebPages, pdfPage, squash } from '../../fixtures/web-pages.js';

let site: WebServer;
let web: TestWebFetcher;
let closeSite: () => Promise<void>;
let db: Database;

before(async () => {
  ({ web, site, close: closeSite } = await startLocalWebSite());
  db = await openForWriting(':memory:');
});
after(async () => {
  await closeSite();
  await db.close();
});

const now = () => new Date(web.clock.now());

test('GIVEN a statement page by URL THEN its main text and the page\'s metadata go in, with provenance for every field', async () => {
  const page = buildWebPages(site.origin).find((candidate) => candidate.expected.fields.url === 'page' && candidate.expected.fields.date === 'page')!;
  servePages(site).put(page.path, page.body, page.contentType);
  const result = await ingestUrl(db, web.fetcher, page.url, { now });
  assert.equal(result.status, 'added');
  assert.deepEqual(
    { title: result.title, organisation: result.organisation, date: result.date, language: result.language, url: result.url },
    { title: page.expected.title, organisation: page.expected.organisation, date: page.expected.date, language: 'en', url: page.expected.url },
  );
  assert.deepEqual(result.fields, page.expected.fields);
  const provenance = await readProvenance(db, result.statementId);
  assert.equal(provenance?.sourceUrl, page.url);
  assert.equal(provenance?.fetchedAt, new Date(web.clock.now()).toISOString());
  assert.equal(provenance?.contentHash, createHash('sha256').update(page.body).digest('hex'));
  const stored = await db.get<{ source: string; text: string }>('SELECT source, text FROM statements WHERE id = ?', [result.statementId]);
  assert.equal(stored?.source, page.expected.url, 'known by its canonical URL');
  assert.ok(page.paragraphs.every((paragraph) => squash(stored!.text).includes(squash(paragraph))));
  assert.ok(page.chrome.every((chrome) => !stored!.text.includes(chrome)));
});

test('GIVEN an organisation given by an admin THEN it wins over the page\'s, and the provenance says admin', async () => {
  const page = buildWebPages(site.origin).find((candidate) => candidate.expected.fields.organisation === 'page')!;
  servePages(site).put(page.path, page.body, page.contentType);
  const result = await ingestUrl(db, web.fetcher, page.url, { given: { organisation: 'Editors of the archive' }, givenBy: 'admin', now });
  assert.equal(result.organisation, 'Editors of the archive');
  assert.equal(result.fields.organisation, 'admin');
  assert.equal(result.fields.title, 'page');
});

test('GIVEN a PDF by URL THEN its text is the statement, titled from its document information', async () => {
  const pdf = await pdfPage(site.origin);
  servePages(site).put(pdf.path, pdf.body, pdf.contentType);
  const result = await ingestUrl(db, web.fetcher, pdf.url, { now });
  assert.deepEqual([result.status, result.title, result.fields.title], ['added', pdf.expected.title, 'page']);
  assert.ok(result.passages > 1);
});

test('GIVEN a page asked for again THEN the request is conditional and a 304 writes nothing; a changed page keeps its id, keeps the old text as a version, and search finds the new text', async () => {
  const pages = servePages(site);
  pages.put('/appeals/7', statementPage(7), 'text/html; charset=utf-8');
  const url = site.url('/appeals/7');
  const first = await ingestUrl(db, web.fetcher, url, { now });
  const version = await corpusVersion(db);

  const again = await ingestUrl(db, web.fetcher, url, { now });
  assert.equal(again.status, 'unchanged');
  const [, second] = site.requestsTo('/appeals/7');
  assert.ok(second?.headers['if-none-match'] && second.headers['if-modified-since'], 'the second request carries both validators');
  assert.equal(pages.fullResponses('/appeals/7'), 1);
  assert.equal(await corpusVersion(db), version);

  pages.put('/appeals/7', statementPage(7, 'Signed also by the Kabul Workers Solidarity Committee.'), 'text/html; charset=utf-8');
  const changed = await ingestUrl(db, web.fetcher, url, { now });
  assert.deepEqual([changed.status, changed.statementId], ['changed', first.statementId]);
  const versions = await statementVersions(db, first.statementId);
  assert.equal(versions.length, 1);
  assert.ok(!versions[0]!.text.includes('Kabul Workers Solidarity Committee'));
  const { hits } = await createCorpusRetriever(db).search('Kabul Workers Solidarity Committee');
  assert.equal(hits[0]?.statement.id, first.statementId);
  assert.match(hits[0]?.snippet ?? '', /Kabul/);
});

test('GIVEN the same page body again under a new ETag THEN it is unchanged and nothing is written', async () => {
  const body = statementPage(8);
  let etag = 0;
  site.route('/appeals/8', (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html', etag: `"v${++etag}"` });
    response.end(body);
  });
  const url = site.url('/appeals/8');
  await ingestUrl(db, web.fetcher, url, { now });
  const version = await corpusVersion(db);
  const again = await ingestUrl(db, web.fetcher, url, { now });
  assert.equal(again.status, 'unchanged');
  assert.equal(await corpusVersion(db), version);
  assert.equal((await findWebPage(db, url))?.etag, '"v2"', 'the new validator is kept for next time');
});

const failures: { name: string; reply: { status: number; headers?: Record<string, string> }; reason: RegExp }[] = [
  { name: 'a 404', reply: { status: 404 }, reason: /^HTTP 404 Not Found$/ },
  { name: 'a 500', reply: { status: 500 }, reason: /^HTTP 500 Internal Server Error$/ },
  { name: 'a 429 with Retry-After', reply: { status: 429, headers: { 'retry-after': '120' } }, reason: /^HTTP 429 Too Many Requests \(asked to wait 2 minutes\)$/ },
];
for (const { name, reply, reason } of failures) {
  test(`GIVEN ${name} THEN the user reads why, and the page's failure is recorded`, async () => {
    const path = `/broken/${reply.status}`;
    site.route(path, { ...reply, headers: { 'content-type': 'text/plain', ...reply.headers }, body: 'Nope' });
    const url = site.url(path, `status${reply.status}.test`);
    const host = createTestWebFetcher({ hosts: { [`status${reply.status}.test`]: '127.0.0.1' }, clock: web.clock });
    await assert.rejects(ingestUrl(db, host.fetcher, url, { now }), (error: unknown) => error instanceof UserFacingError && error.message.includes(String(reply.status)));
    const state = await findWebPage(db, url);
    assert.equal(state?.lastStatus, 'failed');
    assert.match(state?.lastError ?? '', reason);
    if (reply.status === 429) assert.equal(state?.nextDueAt, new Date(web.clock.now() + 120_000).toISOString());
    host.assertOnlyLoopback();
    await host.close();
  });
}

test('GIVEN a page whose surroundings changed but whose statement did not THEN it is unchanged: no version, nothing written', async () => {
  const pages = servePages(site);
  pages.put('/appeals/9', statementPage(9), 'text/html; charset=utf-8');
  const url = site.url('/appeals/9');
  const first = await ingestUrl(db, web.fetcher, url, { now });
  const version = await corpusVersion(db);
  pages.put('/appeals/9', statementPage(9).replace('<footer>© Archive</footer>', '<footer>© Archive 2026 · <a href="/privacy">Privacy</a></footer>'), 'text/html; charset=utf-8');
  const again = await ingestUrl(db, web.fetcher, url, { now });
  assert.deepEqual([again.status, again.statementId], ['unchanged', first.statementId]);
  assert.equal(pages.fullResponses('/appeals/9'), 2, 'the new body was fetched');
  assert.equal(await corpusVersion(db), version);
  assert.deepEqual(await statementVersions(db, first.statementId), []);
});

test('GIVEN an admin corrected a statement\'s organisation THEN a changed page keeps the correction, and the provenance still says admin', async () => {
  const pages = servePages(site);
  pages.put('/appeals/10', statementPage(10), 'text/html; charset=utf-8');
  const url = site.url('/appeals/10');
  const first = await ingestUrl(db, web.fetcher, url, { given: { organisation: 'ICOR' }, givenBy: 'sources-file', now });
  // What a correction does (the /corpus command's store): the value, and 'admin' as its source.
  await db.run('UPDATE statements SET organisation = ? WHERE id = ?', ['International Coordination of Revolutionary Parties and Organizations', first.statementId]);
  await db.run(`UPDATE statement_provenance SET fields = json_set(fields, '$.organisation', 'admin') WHERE statement_id = ?`, [first.statementId]);

  pages.put('/appeals/10', statementPage(10, 'A second signatory joined: the Marxist-Leninist Party of Germany.'), 'text/html; charset=utf-8');
  const changed = await ingestUrl(db, web.fetcher, url, { given: { organisation: 'ICOR' }, givenBy: 'sources-file', now });
  assert.deepEqual([changed.status, changed.organisation, changed.fields.organisation], ['changed', 'International Coordination of Revolutionary Parties and Organizations', 'admin']);
  const fromAdmin = await ingestUrl(db, web.fetcher, url, { given: { organisation: 'ICOR (corrected again)' }, givenBy: 'admin', now });
  assert.deepEqual([fromAdmin.organisation, fromAdmin.fields.organisation], ['ICOR (corrected again)', 'admin'], 'a new admin value replaces the old one');
});

test('GIVEN an address with a user name and password, or an ftp: one THEN the user reads why it is not fetched, and nothing is recorded (no password kept for /corpus status)', async () => {
  for (const [url, message] of [
    [`http://editor:hunter2@127.0.0.1:${new URL(site.origin).port}/statement`, /^Addresses with a user name or password aren't fetched \(127\.0\.0\.1:\d+\)$/],
    ['ftp://127.0.0.1/statement.txt', /^Only http and https addresses are fetched, not ftp: ftp:\/\/127\.0\.0\.1\/statement\.txt$/],
  ] as const) {
    const asked = site.requests.length;
    await assert.rejects(ingestUrl(db, web.fetcher, url, { now }), (error: unknown) => error instanceof UserFacingError && message.test(error.message));
    assert.equal(await findWebPage(db, url), undefined);
    assert.equal(site.requests.length, asked);
  }
  assert.deepEqual(await db.all("SELECT url FROM web_pages WHERE url LIKE '%hunter2%'"), []);
});
