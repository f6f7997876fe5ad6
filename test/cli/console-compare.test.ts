import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { test } from 'node:test';
import { runConsole } from '../../src/cli/console.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import { seedDatabase, testConfig, testLog } from '../answer/fixtures.js';
import { sourceNumber, startOpenAIDouble } from '../doubles/openai-server.js';
import { runScript, tempDatabase } from './start-helpers.js';

test('GIVEN the terminal session WHEN /compare names two organisations THEN a section each, then the sources; too few is a message, not the end', async () => {
  const run = runScript('src/cli/start.ts', { DATABASE_PATH: tempDatabase(), LOG_LEVEL: 'warn' });
  run.child.stdin.end(['/compare the Taliban org:ICOR org:CIPOML', '/compare the Taliban org:ICOR', '/compare JAKNA and ICOR on NATO', ''].join('\n'));
  assert.equal(await run.exited, 0, run.stderr());
  const out = run.stdout();
  assert.match(out, /> \/compare the Taliban org:ICOR org:CIPOML\n\nCompared on: the Taliban\n\n== ICOR \(International Coordination of Revolutionary Parties and Organizations\) ==\n.*\[1\]:\n> .*Taliban[\s\S]*\n== International Conference of Marxist-Leninist Parties and Organizations \(CIPOML\), Coordination Committee ==\n.*\[2\]:\n> .*Taliban/);
  assert.match(out, /\(No model is configured: these are verbatim sentences from each organisation’s statements\.\)\n\nSources:\n\[1\] No to any imperialist/);
  assert.match(out, /> \/compare the Taliban org:ICOR\n\nName 2 to 5 organisations to compare/);
  assert.match(out, /> \/compare JAKNA and ICOR on NATO\n\nBy: JAKNA \/ ICOR — [^\n]*\n\nCompared on: JAKNA and ICOR on NATO\n\n== New Communism Movement of Afghanistan \(JAKNA\) ==/);
});

test('GIVEN the terminal session with a model WHEN /compare runs THEN the sections are the model’s grounded sentences and the closing sentence', async () => {
  const model = await startOpenAIDouble();
  const db = await seedDatabase();
  try {
    model.enqueue({
      text: (request) => {
        const icor = sourceNumber(request, 'ICOR');
        const cipoml = sourceNumber(request, 'CIPOML');
        return `## A\nICOR says it is necessary to fight the rule of the fascist Taliban [${icor}].\n## B\nCIPOML says the imperialists armed and organised the Taliban [${cipoml}]. CIPOML also praises "the wise Taliban government" [${cipoml}].\n## Comparison\nICOR and CIPOML both condemn the Taliban [${icor}][${cipoml}].`;
      },
    });
    const config = testConfig({ OPENAI_BASE_URL: model.baseUrl, OPENAI_MODEL: 'gpt-4o-mini', OPENAI_MAX_RETRIES: '0' });
    let out = '';
    const output = new Writable({ write: (chunk, _encoding, done) => ((out += String(chunk)), done()) });
    await runConsole({ db, retriever: createCorpusRetriever(db), config, log: testLog, input: Readable.from(['/compare the Taliban org:ICOR org:CIPOML\n']), output, interactive: false, example: false });
    assert.match(out, /Compared on: the Taliban\n\n== ICOR ==\nICOR says it is necessary to fight the rule of the fascist Taliban \[1\]\.\n\n== CIPOML ==\nCIPOML says the imperialists armed and organised the Taliban \[2\]\.\n\n== In comparison ==\nICOR and CIPOML both condemn the Taliban \[1\]\[2\]\.\n\n\(Each \[n\] cites a statement by the organisation it is about; quotations are checked against it\. 1 sentence without a verifiable source was left out\.\)\n\nSources:\n\[1\] No to any imperialist/);
  } finally {
    await db.close();
    await model.close();
  }
});
