import { extractStatement } from './src/corpus/web/extract.js';
import { buildWebPages, pdfPage, squash } from './test/fixtures/web-pages.js';
for (const page of [...buildWebPages(), await pdfPage(undefined, 'cipoml'), await pdfPage(undefined, 'jakna')]) {
  const r = await extractStatement(page);
  const got = new Set(r.text.split('\n\n').map(squash));
  const notWhole = page.paragraphs.filter((p) => !got.has(squash(p)));
  console.log(page.name, r.text.split('\n\n').length, page.paragraphs.length, notWhole.map((m) => m.slice(0, 70)));
}
