import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { test } from 'node:test';
import { runConsole } from '../../src/cli/console.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import { testConfig, testLog } from '../answer/fixtures.js';
import { seedDatabase, statementFrom } from '../search/seed-db.js';

test('GIVEN a corpus of more organisations than /sources lists (100 UN-like speakers beside the 4 of the seed corpus) THEN the terminal welcome counts them all', async () => {
  const speeches = Array.from({ length: 100 }, (_, i) => statementFrom(`speech-${i}.md`, `We speak for peace, delegation ${i}.`, { title: `Speech ${i}`, organisation: `Member State ${i}`, date: '1990' }));
  const { db } = await seedDatabase(speeches);
  try {
    let out = '';
    const output = new Writable({ write: (chunk, _encoding, done) => ((out += String(chunk)), done()) });
    await runConsole({ db, retriever: createCorpusRetriever(db), config: testConfig(), log: testLog, input: Readable.from([]), output, interactive: false, example: false });
    assert.match(out, /on the local corpus: 105 statements from 104 organisations\.\n/);
  } finally {
    await db.close();
  }
});
