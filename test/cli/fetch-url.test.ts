import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { renderWebResponse } from '../../src/cli/web-response-render.js';
import { createTestWebFetcher, type TestWebFetcher } from '../doubles/web-fetcher.js';
import { redirect, startWebServer, type WebServer } from '../doubles/web-server.js';
import { runCli } from './run-cli.js';

const PAGE = '<!DOCTYPE html><html><body><p>We call for the release of all political prisoners.</p></body></html>';

describe('npm run fetch-url', () => {
  let site: WebServer;
  let web: TestWebFetcher;
  before(async () => {
    site = await startWebServer();
    site.route('/statement', { headers: { 'content-type': 'text/html; charset=utf-8', etag: '"v7"' }, body: PAGE });
    site.route('/old', redirect('/statement', 301));
  });
  after(() => site.close());
  afterEach(async () => {
    web.assertOnlyLoopback();
    await web.close();
  });

  test('GIVEN a page reached by a redirect THEN it says where it ended, its type, size and etag', async () => {
    web = createTestWebFetcher();
    const response = await web.fetcher.fetch({ url: site.url('/old'), accept: ['html'] });
    assert.equal(
      renderWebResponse(response, false),
      `fetched ${site.url('/statement')}\n  redirected from ${site.url('/old')}\n  text/html; charset utf-8 · ${PAGE.length} bytes\n  etag "v7"\n`,
    );
  });

  test('GIVEN --json THEN one JSON line with the size instead of the body', async () => {
    web = createTestWebFetcher();
    const response = JSON.parse(renderWebResponse(await web.fetcher.fetch({ url: site.url('/statement'), accept: ['html'] }), true));
    assert.equal(response.status, 'fetched');
    assert.equal(response.contentType, 'text/html');
    assert.equal(response.bytes, PAGE.length);
    assert.equal(response.body, undefined);
  });

  test('GIVEN an unknown kind THEN the usage, exit code 2, and nothing fetched', async () => {
    const { code, stderr } = await runCli('src/cli/fetch-url.ts', ['https://example.org/', '--accept', 'video']);
    assert.equal(code, 2);
    assert.match(stderr, /Unknown kind video: use html, pdf, feed, text, robots, any\.\nUsage: npm run fetch-url/);
  });
});
