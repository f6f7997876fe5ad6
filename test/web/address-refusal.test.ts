import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { refusedRange } from '../../src/web/address-policy.js';
import { createWebFetcher, FetchError } from '../../src/web/fetcher.js';
import { createTestWebFetcher, fakeClock, loopbackOnlyConnector, type TestWebFetcher } from '../doubles/web-fetcher.js';
import { redirect, startWebServer, type WebServer } from '../doubles/web-server.js';

const STATEMENT_HTML = '<html><body><p>The Afghan people have suffered decades of war.</p></body></html>';

describe('web fetcher: addresses it refuses', () => {
  let site: WebServer;
  let web: TestWebFetcher;

  before(async () => {
    site = await startWebServer();
    site.route('/statement', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: STATEMENT_HTML });
  });
  after(() => site.close());
  afterEach(async () => {
    web.assertOnlyLoopback();
    await web.close();
  });

  const refusals: [string, string, RegExp][] = [
    ['a private IPv4 address', 'http://10.0.0.1/admin', /10\.0\.0\.1 is a private network address/],
    ['a home-router address', 'http://192.168.1.1/', /192\.168\.1\.1 is a private network address/],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a link-local address/],
    ['IPv6 loopback', 'http://[::1]/', /::1 is a loopback address/],
    ['an IPv6 unique-local address', 'http://[fd00::1]/', /fd00::1 is a private network address/],
    ['an IPv4-mapped IPv6 private address', 'http://[::ffff:10.0.0.1]/', /is a private network address/],
    ['an IPv4-mapped IPv6 metadata address', 'http://[::ffff:169.254.169.254]/', /is a link-local address/],
    ['loopback other than the allowed 127.0.0.1', 'http://127.0.0.2/', /127\.0\.0\.2 is a loopback address/],
    ['the metadata hostname', 'http://metadata.google.internal/computeMetadata/v1/', /metadata\.google\.internal is a cloud metadata service/],
    ['a hostname resolving to a private address', 'http://intranet.test/', /intranet\.test resolves to a private network address \(10\.1\.2\.3\)/],
    ['a hostname resolving to the metadata address', 'http://rebind.test/', /rebind\.test resolves to a link-local address, where cloud metadata services live \(169\.254\.169\.254\)/],
    ['a hostname with one private address among public ones', 'http://mixed.test/', /mixed\.test resolves to a private network address \(192\.168\.0\.10\)/],
  ];
  for (const [what, url, message] of refusals) {
    test(`GIVEN ${what} (${url}) THEN the fetch is refused as refused-address and nothing is dialled`, async () => {
      web = createTestWebFetcher({
        hosts: { 'intranet.test': '10.1.2.3', 'rebind.test': '169.254.169.254', 'mixed.test': ['93.184.215.14', '192.168.0.10'] },
      });
      await assert.rejects(web.fetcher.fetch({ url, accept: ['html'] }), (error: unknown) => {
        assert.ok(error instanceof FetchError);
        assert.equal(error.reason, 'refused-address');
        assert.match(error.message, message);
        assert.match(error.message, /the bot (only fetches public web addresses|never fetches)/);
        return true;
      });
      assert.deepEqual(web.dialled, []);
    });
  }

  test('GIVEN the allowed 127.0.0.1 server redirecting to 10.0.0.1 THEN the redirect is refused and only 127.0.0.1 was dialled', async () => {
    site.route('/moved', redirect('http://10.0.0.1/secret'));
    web = createTestWebFetcher();
    await assert.rejects(web.fetcher.fetch({ url: site.url('/moved'), accept: ['html'] }), { reason: 'refused-address', message: /Not fetching http:\/\/10\.0\.0\.1\/secret: 10\.0\.0\.1 is a private/ });
    assert.ok(web.dialled.length > 0);
  });

  test('GIVEN a redirect to a hostname that resolves to the metadata address THEN it is refused', async () => {
    site.route('/to-metadata', redirect('http://rebind.test/latest/meta-data/iam'));
    web = createTestWebFetcher({ hosts: { 'rebind.test': '169.254.169.254' } });
    await assert.rejects(web.fetcher.fetch({ url: site.url('/to-metadata'), accept: ['html'] }), { reason: 'refused-address' });
  });

  test('GIVEN a redirect to [::ffff:192.168.1.1] THEN it is refused', async () => {
    site.route('/to-mapped', redirect('http://[::ffff:192.168.1.1]/'));
    web = createTestWebFetcher();
    await assert.rejects(web.fetcher.fetch({ url: site.url('/to-mapped'), accept: ['html'] }), { reason: 'refused-address' });
  });

  test('GIVEN a hostname allow-listed by name THEN it is fetched although it resolves to loopback', async () => {
    web = createTestWebFetcher({ hosts: { 'wiki.internal': '127.0.0.1' }, allowHosts: ['wiki.internal'] });
    const response = await web.fetcher.fetch({ url: site.url('/statement', 'wiki.internal'), accept: ['html'] });
    assert.equal(response.status, 'fetched');
  });

  test('GIVEN an empty allow-list THEN even the test server on 127.0.0.1 is refused', async () => {
    web = createTestWebFetcher({ allowHosts: [] });
    await assert.rejects(web.fetcher.fetch({ url: site.url('/statement'), accept: ['html'] }), { reason: 'refused-address' });
    assert.deepEqual(web.dialled, []);
  });

  test('GIVEN an allow-listed CIDR THEN addresses inside it are fetched', async () => {
    web = createTestWebFetcher({ allowHosts: ['127.0.0.0/8'] });
    const response = await web.fetcher.fetch({ url: site.url('/statement'), accept: ['html'] });
    assert.equal(response.status, 'fetched');
  });
});

describe('refusedRange', () => {
  const cases: [string, string | undefined][] = [
    ['93.184.215.14', undefined],
    ['2606:4700:4700::1111', undefined],
    ['::ffff:93.184.215.14', undefined],
    ['64:ff9b::5db8:d70e', undefined], // NAT64 of a public address: reachable on IPv6-only networks
    ['172.16.0.1', 'a private network address'],
    ['172.31.255.255', 'a private network address'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['0.0.0.0', 'an unspecified address'],
    ['0.1.2.3', 'an unspecified address'],
    ['224.0.0.251', 'a multicast address'],
    ['255.255.255.255', 'a broadcast address'],
    ['fe80::1', 'a link-local address, where cloud metadata services live'],
    ['::', 'an unspecified address'],
    ['::ffff:7f00:1', 'a loopback address (this machine)'],
    ['64:ff9b::a00:1', 'a private network address'],
    ['2002:c0a8:101::1', 'a private network address'], // 6to4 wrapping 192.168.1.1
    ['192.0.2.1', 'a reserved address (reserved)'],
    ['198.18.0.1', 'a reserved address (reserved)'],
  ];
  for (const [address, expected] of cases) {
    test(`GIVEN ${address} THEN ${expected ?? 'it is public'}`, () => {
      assert.equal(refusedRange(address), expected);
    });
  }
});

describe('web fetcher: DNS rebinding', () => {
  test('GIVEN a name that resolves to an allowed address, then to a private one for the next connection THEN the next connection is refused', async () => {
    const site = await startWebServer();
    // Every response closes its connection, so each request resolves the name again: robots.txt, the page, then the page again.
    site.route('/robots.txt', { status: 404, headers: { connection: 'close' }, body: '' });
    site.route('/page', { headers: { 'content-type': 'text/html', connection: 'close' }, body: STATEMENT_HTML });
    const answers = ['127.0.0.1', '127.0.0.1'];
    const { connector, violations } = loopbackOnlyConnector();
    const fetcher = createWebFetcher({
      allowHosts: ['127.0.0.1'],
      connector,
      clock: fakeClock(),
      resolver: async () => [{ address: answers.shift() ?? '10.0.0.1', family: 4 }],
    });
    try {
      const first = await fetcher.fetch({ url: site.url('/page', 'rebind.test'), accept: ['html'] });
      assert.equal(first.status, 'fetched');
      await assert.rejects(fetcher.fetch({ url: site.url('/page', 'rebind.test'), accept: ['html'] }), {
        reason: 'refused-address',
        message: /rebind\.test resolves to a private network address \(10\.0\.0\.1\)/,
      });
      assert.deepEqual(violations, []);
    } finally {
      await fetcher.close();
      await site.close();
    }
  });
});
