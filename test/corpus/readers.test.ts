import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeStatementFile, MAX_FILE_BYTES } from '../../src/corpus/decode.js';
import { InputError } from '../../src/corpus/document.js';
import { splitFrontMatter } from '../../src/corpus/front-matter.js';
import { readGivenMetadata } from '../../src/corpus/given-metadata.js';
import { extractHtmlText } from '../../src/corpus/html.js';
import { jsonlLines, parseJsonlStatement } from '../../src/corpus/jsonl.js';
import { loadManifest } from '../../src/corpus/manifest.js';
import { UserFacingError } from '../../src/errors.js';

test('GIVEN a scraped HTML page THEN only the article text remains, with its paragraphs and heading', () => {
  const html = `<!doctype html><html><head><title>ICOR | Resolutions</title><style>p { color: red }</style><script>track("x")</script></head>
  <body><header><nav><a href="/">Home</a> | <a href="/2021">2021</a></nav></header>
  <aside>Share this</aside>
  <main><article><h1>No to any imperialist or expansionist intervention!</h1>
  <p>ICOR Resolution, 10&nbsp;September 2021</p>
  <p>The withdrawal of the USA and further foreign troops
  of NATO states manifests the disastrous defeat of NATO.</p>
  <p>Long live international solidarity!<br>Forward with the building of ICOR!</p>
  <ul><li>PCPCI</li><li>MLPD</li></ul>
  <form><input name="q"> Search</form></article></main>
  <footer>© ICOR</footer></body></html>`;
  const { title, text } = extractHtmlText(html);
  assert.equal(title, 'No to any imperialist or expansionist intervention!');
  assert.equal(
    text,
    'No to any imperialist or expansionist intervention!\n\nICOR Resolution, 10 September 2021\n\nThe withdrawal of the USA and further foreign troops of NATO states manifests the disastrous defeat of NATO.\n\nLong live international solidarity!\nForward with the building of ICOR!\n\n• PCPCI\n• MLPD',
  );
});

test('GIVEN a page without <main> THEN the body is used, without its navigation', () => {
  const { title, text } = extractHtmlText('<html><head><title>Appeal</title></head><body><nav>Menu</nav><p>No to war!</p><script>x()</script></body></html>');
  assert.equal(title, 'Appeal');
  assert.equal(text, 'No to war!');
});

test('GIVEN YAML front matter THEN it is split from the body and its dates stay text', () => {
  const { data, body } = splitFrontMatter('---\ntitle: "Help us in Our Struggle"\ndate: 2021-07\nyear: 2021\n---\nTaliban is now rapidly gaining control.\n', 'a.md');
  assert.deepEqual(data, { title: 'Help us in Our Struggle', date: '2021-07', year: 2021 });
  assert.equal(body, 'Taliban is now rapidly gaining control.\n');
});

test('GIVEN malformed front matter THEN a one-line error names the file', () => {
  assert.throws(() => splitFrontMatter('---\ntitle: [unclosed\n---\nBody', 'bad.md'), (error: unknown) => error instanceof InputError && error.source === 'bad.md' && /front matter is not valid YAML/.test(error.message) && !error.message.includes('\n'));
});

const metadataCases: { name: string; record: Record<string, unknown>; expected?: object; error?: RegExp }[] = [
  { name: 'all fields', record: { title: 'T', organization: 'ICOR', date: '10 September 2021', lang: 'EN', url: 'https://example.org', _id: 7 }, expected: { title: 'T', organisation: 'ICOR', date: '2021-09-10', language: 'en', url: 'https://example.org', externalId: '7' } },
  { name: 'a signatories list', record: { signatories: ['MLPD', 'PCPCI'] }, expected: { organisation: 'MLPD; PCPCI' } },
  { name: 'a year as a number', record: { date: 2021 }, expected: { date: '2021' } },
  { name: 'a date that is no date', record: { date: 'soon' }, error: /date "soon" is not a date/ },
  { name: 'a language name instead of a code', record: { language: 'English (UK)' }, error: /not a language code/ },
  { name: 'an object as title', record: { title: { a: 1 } }, error: /title must be text/ },
];
for (const { name, record, expected, error } of metadataCases) {
  test(`GIVEN metadata with ${name} THEN ${error ? 'a clear error' : 'normalised fields'}`, () => {
    if (error) assert.throws(() => readGivenMetadata(record, 'm.csv:2'), (thrown: unknown) => thrown instanceof InputError && error.test(thrown.message) && thrown.source === 'm.csv:2');
    else assert.deepEqual(readGivenMetadata(record, 'm.csv:2'), expected);
  });
}

const jsonlCases: { name: string; line: string; error?: RegExp; source?: string }[] = [
  { name: 'a good line', line: '{"_id":"4983","title":"Microstructural development","text":"Alterations of the architecture."}', source: 'data/corpus.jsonl#4983' },
  { name: 'body instead of text', line: '{"id":"a","body":"No to war!"}', source: 'data/corpus.jsonl#a' },
  { name: 'broken JSON', line: '{"id": "x", "text": "unterminated', error: /not valid JSON/ },
  { name: 'an array', line: '["id", "text"]', error: /must be a JSON object/ },
  { name: 'no id', line: '{"text":"No to war!"}', error: /missing "id"/ },
  { name: 'no text', line: '{"id":"x","title":"T"}', error: /missing "text"/ },
  { name: 'empty text', line: '{"id":"x","text":"  "}', error: /"text" is empty/ },
];
for (const { name, line, error, source } of jsonlCases) {
  test(`GIVEN a JSONL line with ${name} THEN ${error ? 'an error for that line' : 'one statement'}`, () => {
    const parse = () => parseJsonlStatement('data/corpus.jsonl', { lineNumber: 3, line });
    if (error) assert.throws(parse, (thrown: unknown) => thrown instanceof InputError && thrown.source === 'data/corpus.jsonl:3' && error.test(thrown.message));
    else assert.equal(parse().source, source);
  });
}

test('GIVEN JSONL with CRLF and blank lines THEN lines keep their real numbers', () => {
  assert.deepEqual(jsonlLines('\ufeff{"a":1}\r\n\r\n{"b":2}\n').map((line) => line.lineNumber), [1, 3]);
});

const decodeCases: { name: string; bytes: Uint8Array; error?: RegExp }[] = [
  { name: 'UTF-8 with a BOM', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Peace')]) },
  { name: 'an empty file', bytes: new Uint8Array(), error: /^file is empty$/ },
  { name: 'only whitespace', bytes: Buffer.from(' \n\t\n'), error: /no text/ },
  { name: 'NUL bytes (binary)', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), error: /looks binary/ },
  { name: 'Latin-1 bytes', bytes: Buffer.from('Caf\xe9 de la Paix', 'latin1'), error: /not valid UTF-8 \(first bad byte at offset 3\)/ },
  { name: 'more than the size limit', bytes: new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41), error: /too large \(20\.0 MB; the limit is 20 MB\)/ },
  { name: 'UTF-16 LE with a BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Peace', 'utf16le')]) },
  { name: 'UTF-16 BE with a BOM', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Peace', 'utf16le').swap16()]) },
  { name: 'UTF-16 LE without a BOM', bytes: Buffer.from('Peace to all peoples', 'utf16le'), error: /^file looks like UTF-16 without a byte-order mark; re-save it as UTF-8 \(or UTF-16 with a byte-order mark\)$/ },
  { name: 'UTF-16 BE without a BOM', bytes: Buffer.from('Peace to all peoples', 'utf16le').swap16(), error: /looks like UTF-16 without a byte-order mark/ },
  { name: 'a UTF-16 BOM and an odd number of bytes', bytes: Buffer.from([0xff, 0xfe, 0x50, 0x00, 0x65]), error: /^file is not valid UTF-16 LE \(it starts with a UTF-16 LE byte-order mark\); re-save it as UTF-8$/ },
  { name: 'a UTF-16 BOM and NUL characters', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('P\0\0e', 'utf16le')]), error: /looks binary/ },
];
for (const { name, bytes, error } of decodeCases) {
  test(`GIVEN a file with ${name} THEN ${error ? 'a one-line error' : 'its text'}`, () => {
    if (error) assert.throws(() => decodeStatementFile(bytes, 'x.txt'), (thrown: unknown) => thrown instanceof InputError && error.test(thrown.message));
    else assert.equal(decodeStatementFile(bytes, 'x.txt').replace(/^\ufeff/, ''), 'Peace');
  });
}

test('GIVEN CSV and JSONL manifests THEN entries are keyed by normalised path', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'manifest-'));
  try {
    await writeFile(join(dir, 'm.csv'), 'path,title,organisation,date\n./speeches\\AFG_50_1995.txt,"Statement by Afghanistan, 1995",Afghanistan,1995\n');
    await writeFile(join(dir, 'm.jsonl'), '{"path":"a.txt","title":"A","language":"fr"}\n');
    assert.deepEqual([...(await loadManifest(join(dir, 'm.csv')))], [['speeches/AFG_50_1995.txt', { title: 'Statement by Afghanistan, 1995', organisation: 'Afghanistan', date: '1995' }]]);
    assert.deepEqual([...(await loadManifest(join(dir, 'm.jsonl')))], [['a.txt', { title: 'A', language: 'fr' }]]);
    await writeFile(join(dir, 'bad.csv'), 'path,date\na.txt,someday\n');
    await assert.rejects(loadManifest(join(dir, 'bad.csv')), (error: unknown) => error instanceof UserFacingError && /bad\.csv:2: date "someday" is not a date/.test(error.message));
    await assert.rejects(loadManifest(join(dir, 'missing.csv')), /Can't read the manifest/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
