import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { systemConnector } from '../../src/web/connector.js';
import { createWebFetcher } from '../../src/web/fetcher.js';
import { fakeClock, mapResolver } from '../doubles/web-fetcher.js';

const tlsFixture = (name: string) => readFileSync(new URL(`../fixtures/tls/${name}`, import.meta.url));
const PAGE = '<html><body><p>Statement delivered over HTTPS.</p></body></html>';

/** HTTPS on 127.0.0.1 with a certificate for site.test only, signed by a test CA (test/fixtures/tls, valid until 2126). */
describe('web fetcher: HTTPS', () => {
  let server: Server;
  let port: number;
  const hosts = { 'site.test': '127.0.0.1', 'other.test': '127.0.0.1' };

  before(async () => {
    server = createServer({ key: tlsFixture('site.key'), cert: tlsFixture('site.pem') }, (request, response) => {
      response.writeHead(request.url === '/robots.txt' ? 404 : 200, { 'content-type': 'text/html' });
      response.end(request.url === '/robots.txt' ? '' : PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const fetchWith = async (hostname: string, ca?: Buffer) => {
    const fetcher = createWebFetcher({
      allowHosts: ['127.0.0.1'],
      resolver: mapResolver(hosts),
      connector: systemConnector(2000, ca === undefined ? {} : { ca }),
      clock: fakeClock(),
    });
    try {
      return await fetcher.fetch({ url: `https://${hostname}:${port}/statement`, accept: ['html'] });
    } finally {
      await fetcher.close();
    }
  };

  test('GIVEN a certificate the fetcher trusts for the hostname THEN the page is fetched (dialled by address, verified by name)', async () => {
    const response = await fetchWith('site.test', tlsFixture('ca.pem'));
    assert.equal(response.status === 'fetched' && response.body.toString('utf8'), PAGE);
  });

  test('GIVEN a certificate from an unknown authority THEN network, saying the certificate is not valid', async () => {
    await assert.rejects(fetchWith('site.test'), {
      reason: 'network',
      message: /^Couldn't fetch https:\/\/site\.test:\d+\/statement: the site's HTTPS certificate isn't valid \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)$/,
    });
  });

  test('GIVEN a certificate for another name THEN it is refused, although the address is the same', async () => {
    await assert.rejects(fetchWith('other.test', tlsFixture('ca.pem')), { reason: 'network', message: /other\.test:\d+\/statement: the site's HTTPS certificate isn't valid \(ERR_TLS_CERT_ALTNAME_INVALID\)/ });
  });
});
