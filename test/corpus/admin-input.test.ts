import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readMetadataCorrection, readTypedMetadata } from '../../src/corpus/admin/metadata-input.js';
import { checkUpload } from '../../src/corpus/admin/upload-check.js';
import { UserFacingError } from '../../src/errors.js';

const MB = 1024 * 1024;
const form = { title: 'Help us in Our Struggle', organisation: 'Anarchists of Afghanistan', date: '2021-07', language: 'en', url: 'https://example.org/help' };

test('GIVEN a form as typed THEN dates and languages are read as ingest reads them, and emptied fields are cleared', () => {
  assert.deepEqual(readMetadataCorrection({ ...form, date: '10 September 2021', language: 'EN-gb' }), { ...form, date: '2021-09-10', language: 'en' });
  assert.deepEqual(readMetadataCorrection({ ...form, organisation: ' ', date: '', language: '', url: '' }), { title: form.title, organisation: '', date: null, language: null, url: null });
});

for (const [typed, message] of [
  [{ date: '31/02/2021' }, /date "31\/02\/2021" is not a date \(use YYYY, YYYY-MM, YYYY-MM-DD/],
  [{ language: 'English' }, /language "English" is not a language code such as "en"/],
  [{ url: 'javascript:alert(1)' }, /not a web address/],
  [{ title: '' }, /needs a title/],
] as const) {
  test(`GIVEN ${JSON.stringify(typed)} in the form THEN nothing changes and the message says what is wrong`, () => {
    assert.throws(() => readMetadataCorrection({ ...form, ...typed }), (error: unknown) => error instanceof UserFacingError && /^Nothing was changed/.test(error.message) && message.test(error.message));
  });
}

test('GIVEN overrides typed with /corpus add THEN only those given are returned', () => {
  assert.deepEqual(readTypedMetadata({ organisation: 'ICOR', date: '2021' }), { organisation: 'ICOR', date: '2021' });
});

for (const [upload, expected] of [
  [{ filename: 'statement.txt', size: 1200 }, 'text'],
  [{ filename: 'Appeal.MD', size: 1200 }, 'markdown'],
  [{ filename: 'page.htm', size: 1200, contentType: 'text/html' }, 'html'],
  [{ filename: 'resolution.pdf', size: 1200, contentType: 'application/pdf' }, 'pdf'],
  [{ filename: 'statements.jsonl', size: 1200 }, 'jsonl'],
  [{ filename: 'statement', size: 1200, contentType: 'text/plain; charset=utf-8' }, 'text'],
] as const) {
  test(`GIVEN an attachment ${upload.filename} THEN it is taken as ${expected}`, () => {
    assert.equal(checkUpload(upload, 10 * MB), expected);
  });
}

for (const [upload, message] of [
  [{ filename: 'statement.docx', size: 1200, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, /"statement.docx" was not added: it is a .docx file, and the corpus takes .txt, .md, .html, .pdf or .jsonl files/],
  [{ filename: 'photo', size: 1200, contentType: 'image/png' }, /it is a file of type image\/png/],
  [{ filename: 'big.pdf', size: 25 * MB }, /"big.pdf" was not added: it is 25.0 MB, over the 10.0 MB a file may have/],
  [{ filename: 'empty.txt', size: 0 }, /the file is empty/],
] as const) {
  test(`GIVEN an attachment ${upload.filename} of ${upload.size} bytes THEN it is refused saying why`, () => {
    assert.throws(() => checkUpload(upload, 10 * MB), (error: unknown) => error instanceof UserFacingError && message.test(error.message));
  });
}
