import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Database } from '../../src/store/database.js';
import { porterStem } from '../../src/search/porter.js';
import { tokenize } from '../../src/search/tokenize.js';
import { seedInputs } from './seed-db.js';

/** FTS5's own porter terms for each text, in order. */
async function fts5PorterTerms(texts: string[]): Promise<string[][]> {
  const db = await Database.open(':memory:');
  await db.exec(`CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'porter unicode61 remove_diacritics 2');
                 CREATE VIRTUAL TABLE v USING fts5vocab (t, instance);`);
  for (const text of texts) await db.run('INSERT INTO t (x) VALUES (?)', [text]);
  const rows = await db.all<{ doc: number; term: string }>('SELECT doc, term FROM v ORDER BY doc, offset');
  await db.close();
  return texts.map((_, i) => rows.filter((row) => row.doc === i + 1).map((row) => row.term));
}

const WORDS = `caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping tanned
  falling hissing fizzed failing filing happy sky relational conditional rational valenci hesitanci digitizer conformabli
  radicalli differentli vileli analogousli vietnamization predication operator feudalism decisiveness hopefulness
  callousness formaliti sensitiviti sensibiliti triplicate formative formalize electriciti electrical hopeful goodness
  revival allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption
  homologou communism activate angulariti homologous effective bowdlerize probate rate cease controll roll
  imperialists imperialist invaded invasion Taliban's naïve café résumé über straße yy eed ing ed aaa bbb`;

test('GIVEN the classic Porter vocabulary and non-ASCII words THEN stems equal FTS5’s', async () => {
  const tokens = tokenize(WORDS).map((token) => token.folded);
  const [expected] = await fts5PorterTerms([tokens.join(' ')]);
  assert.deepEqual(tokens.map(porterStem), expected);
});

test('GIVEN the five seed statements THEN every stem equals the term FTS5 indexed', async () => {
  const texts = seedInputs().map((input) => input.text);
  const expected = await fts5PorterTerms(texts);
  texts.forEach((text, i) => assert.deepEqual(tokenize(text).map((token) => porterStem(token.folded)), expected[i]));
});
