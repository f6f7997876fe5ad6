import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ingestUpload } from '../../../src/corpus/intake/upload.js';
import { UserFacingError } from '../../../src/errors.js';
import { openForWriting } from '../../../src/store/migrate.js';
import { readProvenance } from '../../../src/store/provenance.js';
import { corpusVersion } from '../../../src/store/statement-writes.js';
import { statementVersions } from '../../../src/store/statement-versions.js';
import { buildWebPages, indexPage, pdfPage, squash } from '../../fixtures/web-pages.js';
import { CORPUS_DIR, SEEDS, seedBody } from '../seeds.js';

const NOW = () => new Date('2026-03-01T12:00:00Z');

test('GIVEN a Markdown upload with front matter THEN it is a statement whose metadata came from the file, recorded as such', async () => {
  const db = await openForWriting(':memory:');
  const bytes = readFileSync(new URL(SEEDS.jakna, CORPUS_DIR));
  const [result] = await ingestUpload(db, { filename: SEEDS.jakna, bytes, contentType: 'text/markdown' }, { now: NOW });
  assert.equal(result?.status, 'added');
  assert.equal(result?.organisation, 'New Communism Movement of Afghanistan (JAKNA)');
  assert.equal(result?.date, '2022-03-14');
  assert.deepEqual(result?.fields, { title: 'file', organisation: 'file', date: 'file', language: 'file' });
  const provenance = await readProvenance(db, result!.statementId);
  assert.deepEqual([provenance?.origin, provenance?.filename, provenance?.fetchedAt, provenance?.sourceUrl], ['upload', SEEDS.jakna, '2026-03-01T12:00:00.000Z', null]);
  assert.match(provenance?.contentHash ?? '', /^[0-9a-f]{64}$/);
  await db.close();
});

test('GIVEN the same file uploaded again, then corrected THEN unchanged, then changed under the same id with the old text kept', async () => {
  const db = await openForWriting(':memory:');
  const body = seedBody(SEEDS.icor);
  const upload = (text: string) => ({ filename: 'icor-resolution.txt', bytes: Buffer.from(text) });
  const [first] = await ingestUpload(db, upload(body));
  const version = await corpusVersion(db);
  const [again] = await ingestUpload(db, upload(body));
  assert.equal(again?.status, 'unchanged');
  assert.equal(await corpusVersion(db), version);
  const corrected = body.replace('Down with', 'Down, down with');
  assert.notEqual(corrected, body);
  const [changed] = await ingestUpload(db, upload(corrected), { now: NOW });
  assert.deepEqual([changed?.status, changed?.statementId], ['changed', first!.statementId]);
  const versions = await statementVersions(db, first!.statementId);
  assert.equal(versions.length, 1);
  assert.ok(versions[0]!.text.includes('Down with') && !versions[0]!.text.includes('Down, down with'));
  await db.close();
});

test('GIVEN an organisation given by an admin THEN it wins over the file\'s own, and the provenance says admin', async () => {
  const db = await openForWriting(':memory:');
  const bytes = readFileSync(new URL(SEEDS.cipoml, CORPUS_DIR));
  const [result] = await ingestUpload(db, { filename: SEEDS.cipoml, bytes }, { given: { organisation: 'CIPOML' }, givenBy: 'admin' });
  assert.equal(result?.organisation, 'CIPOML');
  assert.equal(result?.fields.organisation, 'admin');
  assert.equal(result?.fields.title, 'file');
  await db.close();
});

test('GIVEN an HTML page and a PDF uploaded THEN their main text and own metadata go in, without the site around it', async () => {
  const db = await openForWriting(':memory:');
  const page = buildWebPages().find((candidate) => candidate.expected.fields.date === 'page')!;
  const [html] = await ingestUpload(db, { filename: 'saved-page.html', bytes: page.body, contentType: page.contentType });
  assert.equal(html?.title, page.expected.title);
  assert.equal(html?.fields.title, 'page');
  assert.equal(html?.url, null, 'a saved page has no address of its own');
  const text = (await db.get<{ text: string }>('SELECT text FROM statements WHERE id = ?', [html!.statementId]))!.text;
  assert.ok(page.paragraphs.every((paragraph) => squash(text).includes(squash(paragraph))));
  assert.ok(page.chrome.every((chrome) => !text.includes(chrome)), 'no site chrome');

  const pdf = await pdfPage();
  const [fromPdf] = await ingestUpload(db, { filename: 'cipoml.pdf', bytes: pdf.body });
  assert.equal(fromPdf?.title, pdf.expected.title);
  assert.ok((fromPdf?.passages ?? 0) > 0);
  await db.close();
});

test('GIVEN a JSONL upload THEN each line is a statement; a bad line rejects the file and names the line', async () => {
  const db = await openForWriting(':memory:');
  const lines = [
    { id: 'icor', title: 'No to imperialist intervention in Afghanistan', organisation: 'ICOR', date: '2021-09-10', text: seedBody(SEEDS.icor) },
    { id: 'appeal', title: 'Appeal against war', text: seedBody(SEEDS.comrades) },
  ];
  const results = await ingestUpload(db, { filename: 'statements.jsonl', bytes: Buffer.from(lines.map((line) => JSON.stringify(line)).join('\n')) });
  assert.deepEqual(results.map((result) => [result.status, result.title]), [['added', lines[0]!.title], ['added', lines[1]!.title]]);
  await assert.rejects(
    ingestUpload(db, { filename: 'more.jsonl', bytes: Buffer.from(`${JSON.stringify(lines[0])}\n{"id": "x"}\n`) }),
    (error: unknown) => error instanceof UserFacingError && /^more\.jsonl: 1 bad line, nothing written:\nline 2: missing "text"/.test(error.message),
  );
  assert.equal((await db.get<{ n: number }>(`SELECT count(*) AS n FROM statements WHERE source LIKE 'upload:more.jsonl%'`))?.n, 0);
  await db.close();
});

test('GIVEN an upload of no statement type THEN a message names the types', async () => {
  const db = await openForWriting(':memory:');
  await assert.rejects(ingestUpload(db, { filename: 'photo.png', bytes: Buffer.from([0x89, 0x50]) }), /photo\.png: not a statement file; use \.txt, \.md, \.html, \.pdf or \.jsonl/);
  await db.close();
});

test('GIVEN an upload named without an extension THEN its declared type decides how it is read', async () => {
  const db = await openForWriting(':memory:');
  const bytes = readFileSync(new URL(SEEDS.anarchists, CORPUS_DIR));
  const [result] = await ingestUpload(db, { filename: 'statement', bytes, contentType: 'text/markdown; charset=utf-8' });
  assert.equal(result?.fields.title, 'file', 'front matter was read');
  await db.close();
});

test('GIVEN an uploaded page with no statement on it THEN the message names the file, not an address', async () => {
  const db = await openForWriting(':memory:');
  const index = indexPage();
  await assert.rejects(
    ingestUpload(db, { filename: 'archive-index.html', bytes: index.body, contentType: index.contentType }),
    (error: unknown) => error instanceof UserFacingError && error.message.startsWith('archive-index.html: the page has no main text') && !error.message.includes('file:'),
  );
  await db.close();
});
