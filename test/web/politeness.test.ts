import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestWebFetcher, fakeClock, type TestWebFetcher } from '../doubles/web-fetcher.js';
import { redirect, startWebServer, type WebServer } from '../doubles/web-server.js';

const PAGE = { headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html><body><p>We demand the withdrawal of all foreign troops.</p></body></html>' };
const ROBOTS = (text: string) => ({ headers: { 'content-type': 'text/plain' }, body: text });
const HOSTS = { 'news.test': '127.0.0.1', 'party.test': '127.0.0.1' };

describe('web fetcher: pacing and robots.txt', () => {
  let site: WebServer;
  let web: TestWebFetcher;

  beforeEach(async () => {
    const clock = fakeClock();
    site = await startWebServer({ now: clock.now });
    for (const path of ['/one', '/two', '/three', '/private/minutes', '/public/declaration']) site.route(path, PAGE);
    web = createTestWebFetcher({ hosts: HOSTS, clock });
  });
  afterEach(async () => {
    web.assertOnlyLoopback();
    await web.close();
    await site.close();
  });

  const fetchPage = (path: string, host = 'news.test') => web.fetcher.fetch({ url: site.url(path, host), accept: ['html'] });
  const timeline = () => site.requests.map((request) => `${request.host}${request.path} @${request.at - site.requests[0]!.at}`);

  test('GIVEN two pages of one host THEN the second waits one second of (fake) time after the first', async () => {
    await fetchPage('/one');
    await fetchPage('/two');
    assert.deepEqual(timeline(), ['news.test/robots.txt @0', 'news.test/one @1000', 'news.test/two @2000']);
    assert.deepEqual(web.clock.sleeps, [1000, 1000]);
  });

  test('GIVEN pages of two hosts THEN neither waits for the other', async () => {
    await fetchPage('/one', 'news.test');
    await fetchPage('/one', 'party.test');
    await fetchPage('/two', 'news.test');
    // party.test's robots.txt goes out the moment news.test's page is done; news.test's next page
    // comes a second after its previous one, not after party.test's.
    assert.deepEqual(timeline(), ['news.test/robots.txt @0', 'news.test/one @1000', 'party.test/robots.txt @1000', 'party.test/one @2000', 'news.test/two @2000']);
  });

  test('GIVEN three concurrent fetches from one host THEN each takes its own slot, a second after the one before', async () => {
    await Promise.all([fetchPage('/one'), fetchPage('/two'), fetchPage('/three')]);
    // All three waited on the same robots.txt, then reserved slots 1, 2 and 3 s after it.
    assert.deepEqual(web.clock.sleeps, [1000, 2000, 3000]);
    assert.equal(web.clock.now() - site.requests[0]!.at, 3000);
  });

  test('GIVEN robots.txt THEN it is fetched once per site and its Disallow is honoured for the bot', async () => {
    site.route('/robots.txt', ROBOTS('User-agent: *\nDisallow: /private/\n'));
    await fetchPage('/public/declaration');
    await assert.rejects(fetchPage('/private/minutes'), {
      reason: 'robots',
      message: /^http:\/\/news\.test:\d+\/private\/minutes is off limits to bots: http:\/\/news\.test:\d+\/robots\.txt disallows it$/,
    });
    await fetchPage('/one');
    assert.equal(site.requestsTo('/robots.txt').length, 1);
    assert.equal(site.requestsTo('/private/minutes').length, 0);
    assert.match(site.requestsTo('/robots.txt')[0]!.headers['user-agent'] ?? '', /^StatementCorpusBot\//);
  });

  test('GIVEN a file a person handed the bot (userSupplied) on a site whose robots.txt disallows everything THEN it is fetched, and robots.txt is not asked', async () => {
    site.route('/robots.txt', ROBOTS('User-agent: *\nDisallow: /\n'));
    const response = await web.fetcher.fetch({ url: site.url('/one'), accept: ['html'], userSupplied: true });
    assert.equal(response.status, 'fetched');
    assert.deepEqual(site.requestsTo('/robots.txt'), []);
    await assert.rejects(fetchPage('/two'), { reason: 'robots' });
  });

  test('GIVEN robots.txt with a group for StatementCorpusBot THEN that group applies, not the others', async () => {
    site.route('/robots.txt', ROBOTS('User-agent: *\nAllow: /\n\nUser-agent: StatementCorpusBot\nDisallow: /\n'));
    await assert.rejects(fetchPage('/one'), { reason: 'robots' });
  });

  test('GIVEN a Crawl-delay of 5 THEN requests to that host are 5 seconds apart', async () => {
    site.route('/robots.txt', ROBOTS('User-agent: *\nCrawl-delay: 5\n'));
    await fetchPage('/one');
    await fetchPage('/two');
    assert.deepEqual(timeline(), ['news.test/robots.txt @0', 'news.test/one @1000', 'news.test/two @6000']);
  });

  test('GIVEN robots.txt answering 404 or 403 THEN everything is allowed', async () => {
    site.route('/robots.txt', { status: 403, body: 'Forbidden' });
    await fetchPage('/one', 'party.test');
    await fetchPage('/two');
    assert.equal(site.requestsTo('/two').length, 1);
  });

  test('GIVEN robots.txt answering 503 THEN nothing is fetched from the site, and it is asked again five minutes later', async () => {
    site.route('/robots.txt', { status: 503, body: 'Down for maintenance' });
    await assert.rejects(fetchPage('/one'), {
      reason: 'robots',
      message: /Couldn't read http:\/\/news\.test:\d+\/robots\.txt \(it answered 503 Service Unavailable\), so nothing is fetched from news\.test:\d+ for now/,
    });
    await assert.rejects(fetchPage('/one'), { reason: 'robots' });
    assert.equal(site.requestsTo('/robots.txt').length, 1);
    assert.equal(site.requestsTo('/one').length, 0);

    site.route('/robots.txt', ROBOTS('User-agent: *\nAllow: /\n'));
    await web.clock.sleep(5 * 60 * 1000);
    await fetchPage('/one');
    assert.equal(site.requestsTo('/robots.txt').length, 2);
  });

  test('GIVEN a redirect to another host THEN that host\'s robots.txt is checked too', async () => {
    site.route('/moved', redirect(site.url('/private/minutes', 'party.test')));
    site.route('/robots.txt', (request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(request.headers.host?.startsWith('party.test') ? 'User-agent: *\nDisallow: /private/\n' : '');
    });
    await assert.rejects(fetchPage('/moved'), { reason: 'robots', message: /party\.test:\d+\/private\/minutes is off limits/ });
    assert.deepEqual(
      site.requests.map((request) => `${request.host}${request.path}`),
      ['news.test/robots.txt', 'news.test/moved', 'party.test/robots.txt'],
    );
  });

  test('GIVEN a caller fetching robots.txt itself (for its sitemaps) THEN it is fetched once, as text', async () => {
    site.route('/robots.txt', ROBOTS('User-agent: *\nDisallow: /\nSitemap: http://news.test/sitemap.xml\n'));
    const response = await web.fetcher.fetch({ url: site.url('/robots.txt', 'news.test'), accept: ['robots'] });
    assert.equal(response.status === 'fetched' && response.contentType, 'text/plain');
    assert.match(response.status === 'fetched' ? response.body.toString('utf8') : '', /Sitemap: http:\/\/news\.test\/sitemap\.xml/);
    assert.equal(site.requestsTo('/robots.txt').length, 1);
  });

  test('GIVEN a very long robots.txt THEN its first 512 KB are used', async () => {
    site.route('/robots.txt', ROBOTS(`User-agent: *\nDisallow: /private/\n${'# padding\n'.repeat(100_000)}Disallow: /one\n`));
    await assert.rejects(fetchPage('/private/minutes'), { reason: 'robots' });
    await fetchPage('/one');
  });
});

describe('web fetcher: the per-host queue is bounded', () => {
  test('GIVEN more concurrent fetches for one host than fit in the queue THEN the excess time out at once, saying the host is busy', async () => {
    const clock = fakeClock();
    const site = await startWebServer({ now: clock.now });
    site.route('/page', PAGE);
    const web = createTestWebFetcher({ hosts: HOSTS, clock, maxQueueWaitMs: 1500 });
    try {
      const results = await Promise.allSettled([1, 2, 3].map(() => web.fetcher.fetch({ url: site.url('/page', 'news.test'), accept: ['html'] })));
      assert.deepEqual(results.map((result) => result.status), ['fulfilled', 'rejected', 'rejected']);
      const refused = results[1] as PromiseRejectedResult;
      assert.equal(refused.reason.reason, 'timeout');
      assert.match(refused.reason.message, /^news\.test:\d+ already has requests queued for the next 2 seconds; try again later$/);
      assert.equal(site.requestsTo('/page').length, 1);
      web.assertOnlyLoopback();
    } finally {
      await web.close();
      await site.close();
    }
  });
});
