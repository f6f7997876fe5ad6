import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { ContentKind } from '../../src/web/fetcher.js';
import { createTestWebFetcher, type TestWebFetcher } from '../doubles/web-fetcher.js';
import { encodeWindows1251, startWebServer, type WebServer } from '../doubles/web-server.js';

const RSS = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Statements</title><item><title>On Afghanistan</title></item></channel></rss>';
const ATOM = '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Statements</title></feed>';
const PAGE = '<!DOCTYPE html><html><body><p>Solidarity with the people of Afghanistan.</p></body></html>';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
const RUSSIAN = 'Заявление о войне на Украине';

describe('web fetcher: content types and charsets', () => {
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

  const served: [string, string, string | Buffer, readonly ContentKind[], string][] = [
    ['an RSS feed as application/rss+xml', 'application/rss+xml', RSS, ['feed'], 'application/rss+xml'],
    ['a sitemap as text/xml', 'text/xml; charset=utf-8', '<?xml version="1.0"?><urlset></urlset>', ['feed'], 'text/xml'],
    ['a PDF as application/pdf', 'application/pdf', PDF, ['pdf'], 'application/pdf'],
    ['a PDF as application/octet-stream (sniffed)', 'application/octet-stream', PDF, ['html', 'pdf'], 'application/pdf'],
    ['a PDF with no Content-Type (sniffed)', '', PDF, ['pdf'], 'application/pdf'],
    ['an Atom feed as text/html (sniffed)', 'text/html', ATOM, ['feed'], 'application/atom+xml'],
    ['an HTML page as text/plain (sniffed)', 'text/plain', PAGE, ['html'], 'text/html'],
    ['an RSS feed as text/html, either accepted (sniffed)', 'text/html; charset=utf-8', RSS, ['html', 'feed'], 'application/rss+xml'],
    ['an RSS feed as text/plain, text accepted too (sniffed)', 'text/plain', RSS, ['text', 'feed'], 'application/rss+xml'],
    ['an HTML page as text/html, feeds accepted too', 'text/html', PAGE, ['html', 'feed'], 'text/html'],
    ['plain text as text/plain, HTML accepted too', 'text/plain', 'We call for peace.', ['text', 'html'], 'text/plain'],
    ['a JSON-lines file as application/x-ndjson', 'application/x-ndjson', '{"title":"On Afghanistan"}\n', ['text'], 'application/x-ndjson'],
    ['Markdown as text/markdown', 'text/markdown; charset=utf-8', '# Statement\n\nWe call on…', ['text'], 'text/markdown'],
    ['an image when anything is accepted', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), ['any'], 'image/png'],
    ['binary bytes with no Content-Type when anything is accepted', '', Buffer.from([0, 1, 2, 3]), ['any'], 'application/octet-stream'],
  ];
  for (const [what, contentType, body, accept, expected] of served) {
    test(`GIVEN ${what} AND accept ${accept.join(',')} THEN it is fetched as ${expected}`, async () => {
      site.route('/content', { headers: contentType === '' ? {} : { 'content-type': contentType }, body });
      web = createTestWebFetcher();
      const response = await web.fetcher.fetch({ url: site.url('/content'), accept });
      assert.equal(response.status === 'fetched' && response.contentType, expected);
    });
  }

  const refused: [string, string, string | Buffer, readonly ContentKind[], RegExp][] = [
    ['an image', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), ['html', 'pdf'], /is image\/png, not a web page or a PDF$/],
    ['a PDF', 'application/pdf', PDF, ['feed'], /is application\/pdf, not a feed or sitemap$/],
    ['an HTML page', 'text/html', PAGE, ['feed'], /is text\/html, not a feed or sitemap$/],
    ['a binary file as octet-stream', 'application/octet-stream', Buffer.from([1, 2, 0, 4, 5]), ['html'], /is application\/octet-stream, not a web page$/],
    ['plain text', 'text/plain', 'Just some words.', ['html', 'feed'], /is text\/plain, not a web page or a feed or sitemap$/],
  ];
  for (const [what, contentType, body, accept, message] of refused) {
    test(`GIVEN ${what} AND accept ${accept.join(',')} THEN content-type, saying what it is`, async () => {
      site.route('/wrong', { headers: { 'content-type': contentType }, body });
      web = createTestWebFetcher();
      await assert.rejects(web.fetcher.fetch({ url: site.url('/wrong'), accept }), { reason: 'content-type', message });
    });
  }

  test('GIVEN a huge video THEN it is refused by its type without reading the body', async () => {
    site.route('/video', (_request, response) => {
      response.writeHead(200, { 'content-type': 'video/mp4' });
      response.write(Buffer.alloc(1024));
      // never ends: only a fetcher that refuses on the headers finishes this test
    });
    web = createTestWebFetcher({ bodyTimeoutMs: 60_000 });
    await assert.rejects(web.fetcher.fetch({ url: site.url('/video'), accept: ['html'] }), { reason: 'content-type' });
  });

  const charsets: [string, Record<string, string>, Buffer, string][] = [
    ['declared in Content-Type', { 'content-type': 'text/html; charset=windows-1251' }, encodeWindows1251(`<html><body>${RUSSIAN}</body></html>`), 'windows-1251'],
    [
      'declared in a <meta charset>',
      { 'content-type': 'text/html' },
      encodeWindows1251(`<html><head><meta charset="windows-1251"></head><body>${RUSSIAN}</body></html>`),
      'windows-1251',
    ],
    [
      'declared in a <meta http-equiv>',
      { 'content-type': 'text/html' },
      encodeWindows1251(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>${RUSSIAN}</body></html>`),
      'windows-1251',
    ],
    ['declared in the XML declaration', { 'content-type': 'application/rss+xml' }, Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss>Caf\xe9</rss>', 'latin1'), 'iso-8859-1'],
  ];
  for (const [where, headers, body, charset] of charsets) {
    test(`GIVEN a page not in UTF-8, its charset ${where} THEN the charset is reported and decodes the text`, async () => {
      site.route('/encoded', { headers, body });
      web = createTestWebFetcher();
      const response = await web.fetcher.fetch({ url: site.url('/encoded'), accept: ['html', 'feed'] });
      assert.ok(response.status === 'fetched');
      assert.equal(response.charset, charset);
      assert.deepEqual(response.body, body);
      const text = new TextDecoder(response.charset).decode(response.body);
      assert.ok(text.includes(charset === 'windows-1251' ? RUSSIAN : 'Café'), text);
    });
  }

  test('GIVEN a page that says nothing of its charset THEN charset is undefined (the reader assumes UTF-8)', async () => {
    site.route('/plain', { headers: { 'content-type': 'text/html' }, body: PAGE });
    web = createTestWebFetcher();
    const response = await web.fetcher.fetch({ url: site.url('/plain'), accept: ['html'] });
    assert.equal(response.status === 'fetched' && response.charset, undefined);
  });
});
