import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ComparisonResult } from '../../src/answer/compare/types.js';
import { seedDatabase } from '../answer/fixtures.js';
import { sourceNumber, startOpenAIDouble, type OpenAIDouble } from '../doubles/openai-server.js';
import { runCli } from './run-cli.js';

const SCRIPT = 'src/cli/compare.ts';
let dir: string;
let dbPath: string;
let model: OpenAIDouble;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'compare-cli-'));
  dbPath = join(dir, 'corpus.sqlite');
  await (await seedDatabase([], dbPath)).close();
  model = await startOpenAIDouble();
});
after(async () => {
  await model.close();
  rmSync(dir, { recursive: true, force: true });
});

test('GIVEN no model THEN each organisation gets a section of its verbatim sentences, then the numbered sources; stderr says so once', async () => {
  const { code, stdout, stderr } = await runCli(SCRIPT, ['the Taliban', '--org', 'ICOR', '--org', 'CIPOML', '--db', dbPath]);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /^Compared on: the Taliban\n\n== ICOR ==\nICOR, 2021-09-10 \[1\]:\n> .*Taliban.*\n\n== CIPOML ==\nCIPOML, 2021-08 \[2\]:\n> .*Taliban/);
  assert.match(stdout, /\nSources:\n\[1\] No to any imperialist .* — ICOR, 2021-09-10.*\n\[2\] A drama .* — CIPOML, 2021-08/);
  assert.match(stderr, /^No model configured.*\n$/);
});

test('GIVEN --json and a model THEN one JSON result: sections by organisation, the closing sentence, sources', async () => {
  model.enqueue({
    text: (request) => {
      const icor = sourceNumber(request, 'ICOR');
      const cipoml = sourceNumber(request, 'CIPOML');
      return `## A\nICOR says it is necessary to fight the rule of the fascist Taliban [${icor}].\n## B\nCIPOML says the imperialists armed and organised the Taliban [${cipoml}].\n## Comparison\nICOR and CIPOML both condemn the Taliban [${icor}][${cipoml}].`;
    },
  });
  const { code, stdout, stderr } = await runCli(SCRIPT, ['the Taliban', '--org', 'ICOR', '--org', 'CIPOML', '--from', '2021', '--json', '--db', dbPath], { env: { OPENAI_BASE_URL: model.baseUrl } });
  assert.equal(code, 0, stderr);
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const result = JSON.parse(lines[0]!) as ComparisonResult;
  assert.equal(result.mode, 'llm');
  assert.deepEqual(result.sections.map((s) => [s.organisation, s.kind, s.text]), [
    ['ICOR', 'llm', 'ICOR says it is necessary to fight the rule of the fascist Taliban [1].'],
    ['CIPOML', 'llm', 'CIPOML says the imperialists armed and organised the Taliban [2].'],
  ]);
  assert.equal(result.closing, 'ICOR and CIPOML both condemn the Taliban [1][2].');
  assert.deepEqual(result.sources.map((s) => s.organisation), ['ICOR', 'CIPOML']);
  assert.equal(result.searched.from, '2021');
});

test('GIVEN an organisation the corpus lacks THEN the error names it and the exit code says so', async () => {
  const { code, stdout, stderr } = await runCli(SCRIPT, ['the Taliban', '--org', 'ICOR', '--org', 'Atlantis Party', '--db', dbPath]);
  assert.notEqual(code, 0);
  assert.equal(stdout, '');
  assert.match(stderr, /No organisation in the corpus is called "Atlantis Party"/);
});

test('GIVEN no topic THEN the usage is shown', async () => {
  const { code, stderr } = await runCli(SCRIPT, ['--org', 'ICOR', '--db', dbPath]);
  assert.equal(code, 2);
  assert.match(stderr, /Usage: npm run compare/);
});
