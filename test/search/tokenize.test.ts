import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Database } from '../../src/store/database.js';
import { tokenize } from '../../src/search/tokenize.js';
import { seedInputs } from './seed-db.js';

/** The terms FTS5's unicode61 (remove_diacritics 2, as in passage_fts minus porter) makes of each text. */
async function fts5Terms(texts: string[]): Promise<string[][]> {
  const db = await Database.open(':memory:');
  await db.exec(`CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'unicode61 remove_diacritics 2');
                 CREATE VIRTUAL TABLE v USING fts5vocab (t, instance);`);
  for (const text of texts) await db.run('INSERT INTO t (x) VALUES (?)', [text]);
  const rows = await db.all<{ doc: number; term: string }>('SELECT doc, term FROM v ORDER BY doc, offset');
  await db.close();
  return texts.map((_, i) => rows.filter((row) => row.doc === i + 1).map((row) => row.term));
}

const SAMPLES: [string, string][] = [
  ['Latin diacritics', 'Côte d’Ivoire, São Tomé and Príncipe, Curaçao, ÀÉÎÕÜ'],
  ['letters that are not accents', 'Øresund Łódź Straße Æsir œuvre'],
  ['Cyrillic keeps й and ї', 'Україна, війна й мир; Россия'],
  ['Greek keeps its accents', 'Ελλάδα ΐ ά'],
  ['case folding beyond lower case', '5 µg ſtate ΣΟΦΟΣ λόγος ϐ ϑ Straße ﬀ'],
  ['Arabic and Persian', 'طالبان افغانستان'],
  ['CJK runs are one token', '阿富汗的塔利班 and 日本語'],
  ['numbers and ordinals', '1979, 20th, ² ① Ⅻ 3.14'],
  ['emoji and symbols separate', 'Ukraine🇺🇦war🔥peace — «liberation» & “hope”'],
  ['apostrophes and hyphens', "don't state-capitalist O'Neill"],
];

for (const [name, text] of SAMPLES) {
  test(`GIVEN ${name} THEN tokens fold as unicode61 folds them`, async () => {
    const [expected] = await fts5Terms([text]);
    assert.deepEqual(tokenize(text).map((token) => token.folded), expected);
  });
}

test('GIVEN the five seed statements THEN every token agrees with the index', async () => {
  const texts = seedInputs().map((input) => input.text);
  const expected = await fts5Terms(texts);
  texts.forEach((text, i) => assert.deepEqual(tokenize(text).map((token) => token.folded), expected[i]));
});
