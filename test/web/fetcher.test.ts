import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { createWebFetcher, FetchError } from '../../src/web/fetcher.js';
import { defaultUserAgent } from '../../src/web/options.js';
import { createTestWebFetcher, fakeClock, loopbackOnlyConnector, mapResolver, type TestWebFetcher } from '../doubles/web-fetcher.js';
import { redirect, startWebServer, type WebServer } from '../doubles/web-server.js';

const STATEMENT_HTML =
  '<!DOCTYPE html><html><head><title>Statement on Afghanistan</title></head><body><p>We call on all parties to respect the rights of Afghan women.</p></body></html>';
const HTML = { 'content-type': 'text/html; charset=utf-8' };

describe('web fetcher: fetching, redirects and statuses', () => {
  let site: WebServer;
  let web: TestWebFetcher;

  before(async () => {
    site = await startWebServer();
    site.route('/statement', { headers: { ...HTML, etag: '"v1"', 'last-modified': 'Mon, 02 Mar 2026 10:00:00 GMT' }, body: STATEMENT_HTML });
  });
  after(() => site.close());
  afterEach(async () => {
    web.assertOnlyLoopback();
    await web.close();
  });

  test('GIVEN an HTML statement page THEN it is fetched with its type, charset, validators and time', async () => {
    web = createTestWebFetcher();
    const response = await web.fetcher.fetch({ url: site.url('/statement'), accept: ['html'] });
    assert.equal(response.status, 'fetched');
    if (response.status !== 'fetched') return;
    assert.equal(response.body.toString('utf8'), STATEMENT_HTML);
    assert.equal(response.contentType, 'text/html');
    assert.equal(response.charset, 'utf-8');
    assert.equal(response.etag, '"v1"');
    assert.equal(response.lastModified, 'Mon, 02 Mar 2026 10:00:00 GMT');
    assert.equal(response.url, site.url('/statement'));
    assert.equal(response.fetchedAt, new Date(web.clock.now()).toISOString());
  });

  test('GIVEN any fetch THEN the request names the bot and says what it accepts', async () => {
    web = createTestWebFetcher();
    await web.fetcher.fetch({ url: site.url('/statement'), accept: ['html'] });
    const request = site.requestsTo('/statement').at(-1)!;
    assert.match(request.headers['user-agent'] ?? '', /^StatementCorpusBot\/\d/);
    assert.match(request.headers.accept ?? '', /^text\/html/);
    assert.match(request.headers['accept-encoding'] ?? '', /gzip/);
  });

  test('GIVEN a configured contact THEN the User-Agent carries it', async () => {
    web = createTestWebFetcher({ userAgent: defaultUserAgent('https://example.org/bot') });
    await web.fetcher.fetch({ url: site.url('/statement'), accept: ['html'] });
    assert.equal(site.requestsTo('/statement').at(-1)!.headers['user-agent'], 'StatementCorpusBot/0.1 (+https://example.org/bot)');
  });

  test('GIVEN the etag and date of an earlier fetch AND the page unchanged THEN the answer is not-modified', async () => {
    site.route('/conditional', (request, response) => {
      const unchanged = request.headers['if-none-match'] === '"v1"';
      response.writeHead(unchanged ? 304 : 200, { ...HTML, etag: '"v1"' });
      response.end(unchanged ? undefined : STATEMENT_HTML);
    });
    web = createTestWebFetcher();
    const response = await web.fetcher.fetch({ url: site.url('/conditional'), accept: ['html'], etag: '"v1"', lastModified: 'Mon, 02 Mar 2026 10:00:00 GMT' });
    assert.equal(response.status, 'not-modified');
    assert.equal(response.etag, '"v1"');
    assert.equal(response.lastModified, 'Mon, 02 Mar 2026 10:00:00 GMT');
    const request = site.requestsTo('/conditional').at(-1)!;
    assert.equal(request.headers['if-none-match'], '"v1"');
    assert.equal(request.headers['if-modified-since'], 'Mon, 02 Mar 2026 10:00:00 GMT');
  });

  test('GIVEN a chain of redirects THEN the final URL is reported beside the requested one', async () => {
    site.route('/old', redirect('/older', 301));
    site.route('/older', redirect(site.url('/statement'), 308));
    web = createTestWebFetcher();
    const response = await web.fetcher.fetch({ url: site.url('/old'), accept: ['html'] });
    assert.equal(response.requestedUrl, site.url('/old'));
    assert.equal(response.url, site.url('/statement'));
  });

  test('GIVEN more redirects than allowed THEN too-many-redirects', async () => {
    for (let hop = 0; hop < 8; hop++) site.route(`/hop${hop}`, redirect(`/hop${hop + 1}`));
    web = createTestWebFetcher({ maxRedirects: 5 });
    await assert.rejects(web.fetcher.fetch({ url: site.url('/hop0'), accept: ['html'] }), { reason: 'too-many-redirects', message: /redirects more than 5 times/ });
    assert.equal(site.requestsTo('/hop6').length, 0);
  });

  test('GIVEN a redirect loop THEN too-many-redirects, saying it loops', async () => {
    site.route('/ping', redirect('/pong'));
    site.route('/pong', redirect('/ping'));
    web = createTestWebFetcher();
    await assert.rejects(web.fetcher.fetch({ url: site.url('/ping'), accept: ['html'] }), { reason: 'too-many-redirects', message: /in a loop/ });
  });

  test('GIVEN a redirect to a file: URL THEN bad-url', async () => {
    site.route('/to-file', redirect('file:///etc/passwd'));
    web = createTestWebFetcher();
    await assert.rejects(web.fetcher.fetch({ url: site.url('/to-file'), accept: ['html'] }), { reason: 'bad-url', message: /Only http and https/ });
  });

  const badUrls: [string, RegExp][] = [
    ['not a url', /isn't a web address/],
    ['ftp://example.org/statement.txt', /Only http and https addresses are fetched, not ftp/],
    ['javascript:alert(1)', /not javascript/],
    ['http://user:secret@example.org/', /user name or password/],
    ['http://mail.example.org:25/', /Port 25 isn't a web port, so mail\.example\.org:25 isn't fetched/],
  ];
  for (const [url, message] of badUrls) {
    test(`GIVEN "${url}" THEN bad-url without any connection`, async () => {
      web = createTestWebFetcher();
      await assert.rejects(web.fetcher.fetch({ url, accept: ['html'] }), { reason: 'bad-url', message });
      assert.deepEqual(web.dialled, []);
    });
  }

  const statuses: [number, Record<string, string>, RegExp, number | undefined][] = [
    [404, {}, /^http:\/\/127\.0\.0\.1:\d+\/gone answered 404 Not Found$/, undefined],
    [500, {}, /answered 500 Internal Server Error; the site may be down, try again later/, undefined],
    [429, { 'retry-after': '120' }, /answered 429 Too Many Requests; the site asks to wait 2 minutes before trying again/, 120],
  ];
  for (const [status, headers, message, retryAfter] of statuses) {
    test(`GIVEN a ${status} answer THEN http-status ${status} with a message a user can read`, async () => {
      site.route('/gone', { status, headers: { 'content-type': 'text/html', ...headers }, body: '<h1>Error</h1>' });
      web = createTestWebFetcher();
      await assert.rejects(web.fetcher.fetch({ url: site.url('/gone'), accept: ['html'] }), (error: unknown) => {
        assert.ok(error instanceof FetchError);
        assert.equal(error.reason, 'http-status');
        assert.equal(error.httpStatus, status);
        assert.equal(error.retryAfter, retryAfter);
        assert.equal(error.code, 'fetch_http_status');
        assert.match(error.message, message);
        return true;
      });
    });
  }

  test('GIVEN a 429 with Retry-After THEN the host is left alone until then, without another request', async () => {
    site.route('/busy', { status: 429, headers: { 'retry-after': '30' }, body: '' });
    web = createTestWebFetcher();
    await assert.rejects(web.fetcher.fetch({ url: site.url('/busy'), accept: ['html'] }), { httpStatus: 429 });
    const before = site.requests.length;
    await assert.rejects(web.fetcher.fetch({ url: site.url('/statement'), accept: ['html'] }), { reason: 'http-status', httpStatus: 429, message: /asked the bot to slow down; try again in 30 seconds/ });
    assert.equal(site.requests.length, before);
  });

  test('GIVEN the caller aborts THEN its own abort reason is passed on', async () => {
    web = createTestWebFetcher();
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    await assert.rejects(web.fetcher.fetch({ url: site.url('/statement'), accept: ['html'] }, controller.signal), /user cancelled/);
  });
});

describe('web fetcher: the default resolver and connector', () => {
  test('GIVEN the default connector (undici) AND a name mapped to the allowed 127.0.0.1 THEN the page is fetched', async () => {
    const site = await startWebServer();
    site.route('/statement', { headers: HTML, body: STATEMENT_HTML });
    const fetcher = createWebFetcher({ allowHosts: ['127.0.0.1'], resolver: mapResolver({ 'site.test': '127.0.0.1' }), clock: fakeClock() });
    try {
      const response = await fetcher.fetch({ url: site.url('/statement', 'site.test'), accept: ['html'] });
      assert.equal(response.status === 'fetched' && response.body.toString('utf8'), STATEMENT_HTML);
      assert.equal(site.requestsTo('/statement')[0]!.host, 'site.test');
    } finally {
      await fetcher.close();
      await site.close();
    }
  });

  test('GIVEN the default resolver (the system\'s) AND http://localhost/ THEN it is refused as loopback without connecting', async () => {
    const { connector, dialled } = loopbackOnlyConnector();
    const fetcher = createWebFetcher({ connector, clock: fakeClock() });
    try {
      await assert.rejects(fetcher.fetch({ url: 'http://localhost/', accept: ['html'] }), { reason: 'refused-address', message: /localhost resolves to a loopback address/ });
      assert.deepEqual(dialled, []);
    } finally {
      await fetcher.close();
    }
  });
});
