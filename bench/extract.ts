/**
 * Extraction speed: web pages and a PDF → clean statements (src/corpus/web/extract.ts)
 * on the fixture pages made from the bundled statements (test/fixtures/web-pages.ts:
 * site chrome, cookie banner, comments, JSON-LD …), one after another in
 * one process, after a warm-up. Pages per second, and the time per page at p50/p99;
 * the PDF apart (PDF.js is another engine). Writes section 'extract' of docs/benchmarks.md.
 * Run alone: `npm run bench -- extract`.
 */
import { extractStatement, type FetchedDocument } from '../src/corpus/web/extract.js';
import { readableText } from '../src/corpus/web/readable-text.js';
import { decodePage } from '../src/corpus/web/decode-page.js';
import { buildWebPages, pdfPage } from '../test/fixtures/web-pages.js';
import { machineLine, percentile, writeBenchmarkSection } from './report.js';

const HTML_ROUNDS = 30;
const PDF_ROUNDS = 30;
const WARM_UP_ROUNDS = 3;

/**
 * The DOM under Readability, chosen with a scratch script (not committed: jsdom is
 * no dependency) on the same pages, Readability alone, 20 rounds; the cleaned text
 * Readability found was the same with both on all ten pages.
 */
const DOM_CHOICE = `
| DOM for Readability (version) | ms per page | pages per second | heap after | install |
| --- | --- | --- | --- | --- |
| **linkedom 0.18** (chosen) | 13.7 | 73 | 65 MB | 13 packages, pure JS |
| jsdom 26 | 93.2 | 11 | 191 MB | 38 packages; jsdom 27+ needs Node 22 |

Same cleaned text from both on all ten pages.
`.trim();

async function timePerDocument(documents: FetchedDocument[], rounds: number, run: (document: FetchedDocument) => Promise<unknown>): Promise<{ ms: number[]; seconds: number }> {
  for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const document of documents) await run(document);
  const ms: number[] = [];
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const document of documents) {
      const start = performance.now();
      await run(document);
      ms.push(performance.now() - start);
    }
  }
  return { ms, seconds: (performance.now() - started) / 1000 };
}

function row(what: string, count: number, { ms, seconds }: { ms: number[]; seconds: number }): string {
  return `| ${what} | ${count} | ${(ms.length / seconds).toFixed(1)} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 99).toFixed(1)} |`;
}

export async function benchExtract(): Promise<void> {
  const pages = buildWebPages();
  const pdfs = [await pdfPage(undefined, 'cipoml'), await pdfPage(undefined, 'jakna')];
  const kilobytes = pages.map((page) => page.body.length / 1024);
  const html = await timePerDocument(pages, HTML_ROUNDS, (page) => extractStatement(page));
  const readabilityOnly = await timePerDocument(pages, HTML_ROUNDS, async (page) => readableText(decodePage(page.body, page.contentType).text, page.url));
  const pdfTimes = await timePerDocument(pdfs, PDF_ROUNDS, (document) => extractStatement(document));
  const markdown = `## Extraction: web pages and PDFs → statements

\`npm run bench -- extract\`, ${await machineLine()}. \`extractStatement\` (src/corpus/web/) on the
fixture pages of test/fixtures/web-pages.ts — the ${pages.length} pages made from the bundled statements
(${Math.min(...kilobytes).toFixed(0)}–${Math.max(...kilobytes).toFixed(0)} KB, site chrome, comments, JSON-LD and meta tags; two in windows-1252) —
and two of them as PDFs (CIPOML, 2 pages; JAKNA, 3 pages), one after another after ${WARM_UP_ROUNDS} warm-up rounds.
A whole page is: decode, parse (linkedom), metadata, Readability, paragraphs, the corpus's cleaning,
language detection and metadata inference from the text.

| documents | count | per second | p50 ms | p99 ms |
| --- | --- | --- | --- | --- |
${row('web pages, whole extraction', pages.length, html)}
${row('web pages, decode + DOM + Readability only', pages.length, readabilityOnly)}
${row('PDFs, whole extraction', pdfs.length, pdfTimes)}

${DOM_CHOICE}
`;
  writeBenchmarkSection('extract', markdown);
  console.log(markdown);
}
