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
import { MAX_PDF_PAGES } from '../../../src/corpus/web/pdf-text.js';
import { isUserFacingError } from '../../../src/errors.js';
import { PDFDocument } from 'pdf-lib';
import { pdfOfStatement } from '../../fixtures/web-pages-encode.js';
import { buildWebPages, bundledStatement, emptyPdf, indexPage, pdfPage, squash, type WebPageFixture } from '../../fixtures/web-pages.js';

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

/** The text is the statement's paragraphs, each whole and in order (the title heading may lead), and nothing of the site. */
function assertStatement(extracted: ExtractedStatement, page: WebPageFixture): void {
  for (const chrome of page.chrome) assert.ok(!extracted.text.includes(chrome), `${page.name}: site chrome left in: «${chrome}»`);
  const paragraphs = extracted.text.split('\n\n').map(squash);
  if (paragraphs[0] === squash(page.expected.title)) paragraphs.shift();
  assert.deepEqual(paragraphs, page.paragraphs.map(squash));
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

  test('GIVEN a statement served as plain text THEN it is cleaned as a file would be and its metadata inferred from it', async () => {
    const { title, paragraphs } = bundledStatement('jakna');
    const body = Buffer.from([title, ...paragraphs].join('\n\n'));
    const extracted = await extractStatement({ url: `${origin}/jakna.txt`, contentType: 'text/plain; charset=utf-8', body });
    assert.equal(extracted.format, 'text');
    assert.equal(extracted.text, [title, ...paragraphs].join('\n\n'));
    assert.deepEqual(
      { title: extracted.title, date: extracted.date, organisation: extracted.organisation, fields: extracted.fields },
      { title, date: '2022-03-14', organisation: 'New Communism Movement of Afghanistan (JAKNA)', fields: { url: 'url', title: 'inferred', date: 'inferred', organisation: 'inferred', language: 'inferred' } },
    );
  });

  test('GIVEN a page of more elements than any statement page has THEN extraction refuses it before parsing', async () => {
    const body = Buffer.from(`<html><body>${'<div><span>x</span></div>'.repeat(30_000)}</body></html>`);
    await assert.rejects(extractStatement({ url: `${origin}/huge`, contentType: 'text/html', body }), (error: unknown) => error instanceof ExtractionError && /too large/.test(error.message));
  });

  test('GIVEN a document of a type that is no page, PDF or text THEN extraction says it cannot read it', async () => {
    await assert.rejects(extractStatement({ url: `${origin}/logo.png`, contentType: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }), /can't read image\/png/);
  });
});

describe('extractStatement on PDFs', () => {
  for (const seed of ['cipoml', 'jakna'] as const) {
    test(`GIVEN the ${seed} statement as a PDF THEN its text is the statement, paragraph by paragraph across pages, its title the PDF's and the rest the text's`, async () => {
      const page = await pdfPage(origin, seed);
      const extracted = await extractStatement(await fetchServed(page));
      assert.equal(extracted.format, 'pdf');
      assertStatement(extracted, page);
    });
  }

  test('GIVEN a PDF with no text layer THEN extraction fails saying the PDF has no text', async () => {
    const pdf = await emptyPdf(origin);
    await assert.rejects(extractStatement(pdf), (error: unknown) => error instanceof ExtractionError && /PDF has no text/.test(error.message));
  });

  test('GIVEN a PDF whose document title is a word processor\'s file name THEN the title is the text\'s first line', async () => {
    const { title, paragraphs } = bundledStatement('cipoml');
    const body = await pdfOfStatement('Microsoft Word - CIPOML_Afghanistan_final.docx', [title, ...paragraphs]);
    const extracted = await extractStatement({ url: `${origin}/files/statement.pdf`, contentType: 'application/pdf', body });
    assert.equal(extracted.title, title);
    assert.equal(extracted.fields.title, 'inferred');
  });

  test('GIVEN a PDF of more pages than a statement has THEN extraction refuses it, saying how many', async () => {
    const doc = await PDFDocument.create();
    for (let page = 0; page <= MAX_PDF_PAGES; page++) doc.addPage();
    const body = Buffer.from(await doc.save());
    await assert.rejects(extractStatement({ url: `${origin}/files/book.pdf`, contentType: 'application/pdf', body }), (error: unknown) => error instanceof ExtractionError && error.message.includes(`${MAX_PDF_PAGES + 1} pages`));
  });

  test('GIVEN bytes labelled PDF that are not a PDF THEN extraction fails saying the PDF cannot be read', async () => {
    await assert.rejects(extractStatement({ url: `${origin}/broken.pdf`, contentType: 'application/pdf', body: Buffer.from('%PDF-1.7 truncated') }), (error: unknown) => error instanceof ExtractionError && /PDF can't be read/.test(error.message));
  });
});
