/**
 * Extraction of statements from the web-page fixtures (test/fixtures/web-pages.ts),
 * served over HTTP from 127.0.0.1 and fetched as a fetcher would: the text is
 * the bundled statement's, paragraph by paragraph, without the site around it,
 * and the metadata is the page's, with where each value came from.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { extractStatement, ExtractionError, type ExtractedStatement } from '../../../src/corpus/web/extract.js';
import { isUserFacingError } from '../../../src/errors.js';
import { buildWebPages, emptyPdf, indexPage, pdfPage, squash, type WebPageFixture } from '../../fixtures/web-pages.js';

type Served = { path: string; contentType: string; body: Buffer };
let server: Server;
let origin: string;
const served = new Map<string, Served>();

before(async () => {
  server = createServer((request, response) => {
    const page = served.get(request.url ?? '');
    if (!page) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': page.contentType, 'content-length': page.body.length }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Serve a fixture and fetch it back: what extraction is given is what came over HTTP. */
async function fetchServed(page: Served & { url: string }): Promise<{ url: string; contentType: string; body: Buffer }> {
  served.set(page.path, page);
  const response = await fetch(page.url);
  assert.equal(response.status, 200);
  return { url: page.url, contentType: response.headers.get('content-type') ?? '', body: Buffer.from(await response.arrayBuffer()) };
}

function assertStatement(extracted: ExtractedStatement, page: WebPageFixture): void {
  const text = squash(extracted.text);
  for (const paragraph of page.paragraphs) assert.ok(text.includes(squash(paragraph)), `${page.name}: missing paragraph «${paragraph.slice(0, 80)}…»`);
  for (const chrome of page.chrome) assert.ok(!extracted.text.includes(chrome), `${page.name}: site chrome left in: «${chrome}»`);
  assert.match(extracted.text, /\S\n\n\S/, 'paragraphs are separated by a blank line');
  const { url, title, date, organisation, language, fields } = extracted;
  assert.deepEqual({ url, title, date, organisation, language, fields }, { date: undefined, ...page.expected });
}

describe('extractStatement on web pages made from the bundled statements', () => {
  const names = buildWebPages().map((page) => page.name);
  for (const name of names) {
    test(`GIVEN the ${name} page over HTTP THEN its text is the statement's, without the site's chrome, and its metadata is the page's`, async () => {
      const page = buildWebPages(origin).find((candidate) => candidate.name === name)!;
      const extracted = await extractStatement(await fetchServed(page));
      assert.equal(extracted.format, 'html');
      assert.equal(extracted.fetchedUrl, page.url);
      assertStatement(extracted, page);
    });
  }

  test('GIVEN a page whose canonical link points to another site THEN the fetched URL stands', async () => {
    const page = buildWebPages(origin).find((candidate) => candidate.name === 'jakna')!;
    const body = Buffer.from(page.body.toString('utf8').replace(/<link rel="canonical" href="[^"]*">/, '<link rel="canonical" href="https://mirror.example/jakna">'));
    const extracted = await extractStatement({ ...page, body });
    assert.equal(extracted.url, page.url);
    assert.equal(extracted.fields.url, 'url');
  });

  test('GIVEN a windows-1252 page THEN its curly quotes and dashes are decoded, not lost or garbled', async () => {
    const page = buildWebPages(origin).find((candidate) => candidate.name === 'anarchists-windows-1252-meta')!;
    assert.ok(page.body.includes(0x92), 'the fixture holds a windows-1252 apostrophe byte');
    const extracted = await extractStatement(await fetchServed(page));
    assert.ok(extracted.text.includes('Taliban’s onslaught'));
    assert.ok(extracted.text.includes('its “anti-insurgency” doctrine'));
    assert.ok(!/[\u0080-\u009f\ufffd]/.test(extracted.text));
  });

  test('GIVEN an index page of links THEN extraction fails with a message saying the page has no main text', async () => {
    const page = indexPage(origin);
    await assert.rejects(extractStatement(await fetchServed({ ...page, path: '/' })), (error: unknown) => {
      assert.ok(error instanceof ExtractionError && isUserFacingError(error));
      assert.match(error.message, /no main text/);
      assert.ok(error.message.includes(page.url));
      return true;
    });
  });

  test('GIVEN a document of a type that is no page, PDF or text THEN extraction says it cannot read it', async () => {
    await assert.rejects(extractStatement({ url: `${origin}/logo.png`, contentType: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }), /can't read image\/png/);
  });
});

describe('extractStatement on PDFs', () => {
  test('GIVEN the CIPOML statement as a PDF THEN its text is the statement, paragraph by paragraph, and its title the PDF\'s', async () => {
    const page = await pdfPage(origin);
    const extracted = await extractStatement(await fetchServed(page));
    assert.equal(extracted.format, 'pdf');
    assertStatement(extracted, page);
  });

  test('GIVEN a PDF with no text layer THEN extraction fails saying the PDF has no text', async () => {
    const pdf = await emptyPdf(origin);
    await assert.rejects(extractStatement(pdf), (error: unknown) => error instanceof ExtractionError && /PDF has no text/.test(error.message));
  });

  test('GIVEN bytes labelled PDF that are not a PDF THEN extraction fails saying the PDF cannot be read', async () => {
    await assert.rejects(extractStatement({ url: `${origin}/broken.pdf`, contentType: 'application/pdf', body: Buffer.from('%PDF-1.7 truncated') }), (error: unknown) => error instanceof ExtractionError && /PDF can't be read/.test(error.message));
  });
});
