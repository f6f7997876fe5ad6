import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sourceNumber, startOpenAIDouble, type OpenAIDouble } from '../doubles/openai-server.js';
import { seedDatabase } from '../answer/fixtures.js';
import { runCli } from './run-cli.js';

const SCRIPT = 'src/cli/ask.ts';
let dir: string;
let dbPath: string;
let model: OpenAIDouble;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ask-cli-'));
  dbPath = join(dir, 'corpus.sqlite');
  await (await seedDatabase([], dbPath)).close();
  model = await startOpenAIDouble();
});
after(async () => {
  await model.close();
  rmSync(dir, { recursive: true, force: true });
});

test('GIVEN no model configured THEN the answer is verbatim quotes with numbered sources, and stderr says so once', async () => {
  const { code, stdout, stderr } = await runCli(SCRIPT, ['What does ICOR say about the Taliban?', '--db', dbPath]);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /^No language model is configured, so here are the passages/);
  assert.match(stdout, /\n> .*Taliban/);
  assert.match(stdout, /\nSources:\n\[1\] .+ — .+, (\d{4}|undated)/);
  assert.equal(stderr.trim().split('\n').length, 1);
  assert.match(stderr, /^No model configured/);
});

test('GIVEN a model THEN the verified answer streams to the terminal, followed by its sources', async () => {
  model.enqueue({
    text: (request) => `ICOR calls the Taliban fascist [${sourceNumber(request, 'ICOR')}]. It made up "a quote that is not there" [${sourceNumber(request, 'ICOR')}].`,
    chunkChars: 4,
  });
  const { code, stdout, stderr } = await runCli(SCRIPT, ['What does ICOR say about the Taliban?', '--db', dbPath], { env: { OPENAI_BASE_URL: model.baseUrl } });
  assert.equal(code, 0, stderr);
  assert.equal(stderr, '');
  assert.equal(
    stdout,
    'ICOR calls the Taliban fascist [1].\n\n(1 sentence without a verifiable source was left out.)\n\nBy: ICOR — not what you meant? Use the organisation/from/to options.\n\nSources:\n[1] No to any imperialist or expansionist intervention! — ICOR, 2021-09-10, https://example.org/icor\n',
  );
});

test('GIVEN --json and filters THEN one JSON result with mode, sources and what was searched', async () => {
  const { code, stdout } = await runCli(SCRIPT, ['What about refugees?', '--org', 'JAKNA', '--json', '--db', dbPath]);
  assert.equal(code, 0);
  const result = JSON.parse(stdout);
  assert.equal(result.mode, 'extractive');
  assert.deepEqual(result.searched.filters, { organisation: 'JAKNA' });
  assert.ok(result.sources.every((source: { organisation: string }) => source.organisation === 'JAKNA'));
});

test('GIVEN --json and a question naming a speaker and a year THEN the result says what was understood and that the search kept to it', async () => {
  const { code, stdout } = await runCli(SCRIPT, ['What did JAKNA say about NATO in 2022?', '--json', '--db', dbPath]);
  assert.equal(code, 0);
  const result = JSON.parse(stdout);
  assert.deepEqual(result.understood, { speakers: [{ text: 'JAKNA', organisations: ['JAKNA'] }], period: { from: '2022', to: '2022', text: 'in 2022' }, use: 'filter' });
  assert.deepEqual(result.searched.filters, { organisations: ['JAKNA'], from: '2022', to: '2022' });
  assert.ok(result.sources.every((source: { organisation: string; date: string }) => source.organisation === 'JAKNA' && source.date.startsWith('2022')));
});

test('GIVEN a database that does not exist THEN a clear message and exit code 1', async () => {
  const missing = join(dir, 'nope.sqlite');
  const { code, stderr } = await runCli(SCRIPT, ['anything', '--db', missing]);
  assert.equal(code, 1);
  assert.equal(stderr, `No database at ${missing}. Build it first: npm run ingest -- --db ${missing}\n`);
});

test('GIVEN no question THEN the usage and exit code 2', async () => {
  const { code, stderr } = await runCli(SCRIPT, ['--db', dbPath]);
  assert.equal(code, 2);
  assert.match(stderr, /Usage: npm run ask/);
});
