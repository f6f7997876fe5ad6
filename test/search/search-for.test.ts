import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import type { Retriever } from '../../src/search/retriever.js';
import type { Database } from '../../src/store/database.js';
import { seedDatabase, statementFrom } from './seed-db.js';

let db: Database;
let retriever: Retriever;
before(async () => {
  ({ db } = await seedDatabase([
    statementFrom('de.txt', 'Wir fordern den sofortigen Abzug aller Truppen und Frieden für die Menschen.', { language: 'de' }),
    statementFrom('unknown.txt', 'Taliban Taliban Taliban.', { language: null }),
  ]));
  retriever = createCorpusRetriever(db);
});
after(async () => db.close());

test('GIVEN statements in two languages and one of unknown language THEN languages() counts the known ones, largest first', async () => {
  assert.deepEqual(await retriever.languages(), [
    { language: 'en', statements: 5 },
    { language: 'de', statements: 1 },
  ]);
});

test('GIVEN searchFor THEN those words are searched instead of the input', async () => {
  const { query, passages } = await retriever.retrievePassages('What did they buy with the money?', { searchFor: 'procure generators', k: 3 });
  assert.equal(query, '"procure" OR "generators"');
  assert.match(passages[0]!.text, /procure food, power generators, weapons/);
});

test('GIVEN searchFor with understanding THEN the input is read for who and when, and the words are searched within them', async () => {
  const { query, passages, understood } = await retriever.retrievePassages('What did the Anarchists of Afghanistan buy in 2021?', { understand: true, searchFor: 'procure weapons', k: 3 });
  assert.equal(query, '"procure" OR "weapons"');
  assert.equal(understood?.use, 'filter');
  assert.ok(passages.length > 0);
  assert.ok(passages.every((passage) => passage.statement.organisation === 'Anarchists of Afghanistan'), 'only the speaker named');
});
