import assert from 'node:assert/strict';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { after, afterEach, before, describe, test } from 'node:test';
import { createTestWebFetcher, type TestWebFetcher } from '../doubles/web-fetcher.js';
import { gzipBomb, neverAnswer, stallAfterHeaders, startWebServer, streamedBody, truncated, type WebServer } from '../doubles/web-server.js';

const MIB = 1024 * 1024;
const PARAGRAPH = '<p>The people of Ukraine have the right to defend themselves against aggression.</p>';
const PAGE = `<!DOCTYPE html><html><body>${PARAGRAPH.repeat(200)}</body></html>`;

describe('web fetcher: sizes, compression and timeouts', () => {
  let site: WebServer;
  let web: TestWebFetcher;

  before(async () => {
    site = await startWebServer();
  });
  after(() => site.close());
  afterEach(async () => {
    web.assertOnlyLoopback();
    await web.close();
  });

  test('GIVEN a 50 MB body declared in Content-Length THEN too-large before the body is read', async () => {
    const body = streamedBody(50 * MIB, { declareLength: true });
    site.route('/huge-declared', body);
    web = createTestWebFetcher();
    await assert.rejects(web.fetcher.fetch({ url: site.url('/huge-declared'), accept: ['html'] }), {
      reason: 'too-large',
      message: /huge-declared is 50 MB, more than the 20 MB the bot fetches/,
    });
    assert.ok(body.bytesWritten < 50 * MIB, `the server wrote ${body.bytesWritten} bytes`);
  });

  test('GIVEN a 50 MB body streamed without a length THEN reading stops at the 20 MB limit', async () => {
    const body = streamedBody(50 * MIB);
    site.route('/huge-streamed', body);
    web = createTestWebFetcher();
    await assert.rejects(web.fetcher.fetch({ url: site.url('/huge-streamed'), accept: ['html'] }), {
      reason: 'too-large',
      message: /huge-streamed is larger than the 20 MB the bot fetches$/,
    });
    assert.ok(body.bytesWritten < 30 * MIB, `the server wrote ${body.bytesWritten} bytes`);
  });

  test('GIVEN a gzip bomb (about 1 MB inflating to 1 GB) THEN too-large once decompressed, without inflating it all', async () => {
    const bomb = gzipBomb(1024 * MIB);
    site.route('/bomb', bomb);
    web = createTestWebFetcher();
    const buffersBefore = process.memoryUsage().arrayBuffers;
    await assert.rejects(web.fetcher.fetch({ url: site.url('/bomb'), accept: ['html'] }), {
      reason: 'too-large',
      message: /bomb is larger than the 50 MB the bot fetches once decompressed/,
    });
    assert.ok(bomb.compressedBytes < 2 * MIB);
    // Buffers live outside the JS heap: arrayBuffers is where 1 GB of inflated zeros would show.
    assert.ok(process.memoryUsage().arrayBuffers - buffersBefore < 200 * MIB, 'the bomb was not inflated into memory');
  });

  const encodings: [string, (body: Buffer) => Buffer][] = [
    ['gzip', (body) => gzipSync(body)],
    ['deflate', (body) => deflateSync(body)],
    ['br', (body) => brotliCompressSync(body)],
  ];
  for (const [encoding, compress] of encodings) {
    test(`GIVEN a page sent with Content-Encoding: ${encoding} THEN the body is the page, decompressed`, async () => {
      site.route(`/compressed-${encoding}`, { headers: { 'content-type': 'text/html', 'content-encoding': encoding }, body: compress(Buffer.from(PAGE)) });
      web = createTestWebFetcher();
      const response = await web.fetcher.fetch({ url: site.url(`/compressed-${encoding}`), accept: ['html'] });
      assert.equal(response.status === 'fetched' && response.body.toString('utf8'), PAGE);
    });
  }

  test('GIVEN a compressed page over the decompressed limit THEN too-large', async () => {
    site.route('/compressed-big', { headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' }, body: gzipSync(Buffer.from(PAGE)) });
    web = createTestWebFetcher({ maxDecompressedBytes: 1000 });
    await assert.rejects(web.fetcher.fetch({ url: site.url('/compressed-big'), accept: ['html'] }), { reason: 'too-large', message: /1000 bytes the bot fetches once decompressed/ });
  });

  test('GIVEN an unknown Content-Encoding THEN content-type, naming it', async () => {
    site.route('/zstd', { headers: { 'content-type': 'text/html', 'content-encoding': 'zstd' }, body: 'xxxx' });
    web = createTestWebFetcher();
    await assert.rejects(web.fetcher.fetch({ url: site.url('/zstd'), accept: ['html'] }), { reason: 'content-type', message: /compressed as "zstd"/ });
  });

  test('GIVEN a response cut off before its Content-Length THEN network, saying it broke off', async () => {
    site.route('/truncated', truncated(PARAGRAPH, 10_000));
    web = createTestWebFetcher();
    await assert.rejects(web.fetcher.fetch({ url: site.url('/truncated'), accept: ['html'] }), {
      reason: 'network',
      message: /truncated: the connection broke off before the whole page arrived/,
    });
  });

  test('GIVEN a server that never answers THEN timeout after the headers timeout', async () => {
    site.route('/silent', neverAnswer());
    web = createTestWebFetcher({ timeoutMs: 150 });
    await assert.rejects(web.fetcher.fetch({ url: site.url('/silent'), accept: ['html'] }), { reason: 'timeout', message: /silent took more than 0\.15 s to answer/ });
  });

  test('GIVEN a server that sends headers then stalls THEN timeout after the body timeout', async () => {
    site.route('/stalls', stallAfterHeaders());
    web = createTestWebFetcher({ bodyTimeoutMs: 150 });
    await assert.rejects(web.fetcher.fetch({ url: site.url('/stalls'), accept: ['html'] }), { reason: 'timeout', message: /stalls took more than 0\.15 s to send everything/ });
  });

  test('GIVEN a robots.txt that never answers THEN the page times out, saying robots.txt took too long', async () => {
    const slowSite = await startWebServer();
    slowSite.route('/robots.txt', neverAnswer());
    web = createTestWebFetcher({ timeoutMs: 150 });
    try {
      await assert.rejects(web.fetcher.fetch({ url: slowSite.url('/statement'), accept: ['html'] }), {
        reason: 'timeout',
        message: /^http:\/\/127\.0\.0\.1:\d+\/robots\.txt took more than 0\.15 s to answer$/,
      });
      assert.equal(slowSite.requestsTo('/statement').length, 0);
    } finally {
      await slowSite.close();
    }
  });
});
