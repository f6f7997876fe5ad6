import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../src/store/database.js';
import { advancedFtsQuery, buildFtsQuery, MAX_QUERY_TERMS, queryTerms } from '../../src/search/fts-query.js';
import { search } from '../../src/search/search.js';
import { retrievePassages } from '../../src/search/retrieve.js';
import { seedDatabase } from './seed-db.js';

let db: Database;
before(async () => ({ db } = await seedDatabase()));
after(async () => db.close());

const HOSTILE_INPUTS: [string, string][] = [
  ['a lone double quote', '"'],
  ['unbalanced quotes', 'Taliban "Kabul'],
  ['quotes inside words', 'ICOR"s "statement"" on "'],
  ['parentheses', '(Taliban OR (Kabul'],
  ['closing parenthesis first', ') Afghanistan ('],
  ['NEAR syntax', 'NEAR(Taliban Kabul, 2)'],
  ['NEAR as a word', 'near war'],
  ['operators as words', 'war AND peace OR NOT Taliban'],
  ['a lone operator', 'NOT'],
  ['prefix star', 'imperial* *'],
  ['column filter', 'title: Afghanistan organisation:ICOR'],
  ['unknown column', 'foo:bar'],
  ['minus and caret', '-Taliban ^Kabul - ^'],
  ['plus and braces', '{title text}: +war'],
  ['SQL injection', "'; DROP TABLE passages; --"],
  ['backslashes and nulls', 'Taliban\\\u0000Kabul'],
  ['highlight markers', '\u0002Taliban\u0003'],
  ['only punctuation', '?!…—«»()[]{}"\'*:^-+'],
  ['only emoji', '🙂🔥🇺🇦'],
  ['emoji glued to words', 'Ukraine🇺🇦war🔥'],
  ['mixed scripts', 'Україна война Афганистан طالبان 阿富汗 Taliban'],
  ['combining diacritics', 'Co\u0302te d\u2019Ivoire'],
  ['only stop words', 'what is it that they are'],
  ['empty', ''],
  ['whitespace', ' \n\t '],
  ['10 KB of input', 'Taliban "( NEAR * '.repeat(600)],
  ['10 KB of distinct words', Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ')],
  ['a very long token', 'x'.repeat(10_000)],
  ['lone surrogate', 'war \ud800 peace'],
];

for (const [name, input] of HOSTILE_INPUTS) {
  test(`GIVEN ${name} THEN search and retrieval answer without throwing`, async () => {
    const query = buildFtsQuery(input);
    if (query !== null) assert.match(query, /^"[^"]*(""[^"]*)*"( OR "[^"]*(""[^"]*)*")*$/, 'every term is a quoted FTS5 string');
    const result = await search(db, input);
    assert.ok(Array.isArray(result.hits));
    const retrieved = await retrievePassages(db, input, { k: 3 });
    assert.ok(Array.isArray(retrieved.passages));
  });
}

const BUILT: [string, string | null][] = [
  ['What did ICOR say about the Taliban?', '"icor" OR "taliban"'],
  ['Taliban taliban TALIBAN', '"taliban"'],
  ['Côte d’Ivoire', '"cote" OR "ivoire"'],
  ['US sanctions', '"us" OR "sanctions"'],
  ['WHAT IS THE US POSITION', '"us" OR "position"'],
  ['WHO guidance on IT', '"who" OR "guidance" OR "it"'],
  ['who gave guidance on it', '"gave" OR "guidance"'],
  ['to be or not to be', '"not"'],
  ['what is it that they are', '"what" OR "is" OR "it" OR "that" OR "they" OR "are"'],
  ['(NEAR* -:^', '"near"'],
  ['war AND peace', '"war" OR "peace"'],
  ['Україна і війна', '"україна" OR "і" OR "війна"'],
  ['Ελλάδα ESPAÑOL Øresund', '"ελλάδα" OR "espanol" OR "øresund"'],
  ['阿富汗', '"阿富汗"'],
  ['"nuclear weapons" treaty', '"nuclear weapons" OR "treaty"'],
  ['“right of return” for refugees', '"right of return" OR "refugees"'],
  ['"nuclear weapons', '"nuclear" OR "weapons"'],
  ['"" war', '"war"'],
  ['?!', null],
  ['', null],
];

for (const [input, expected] of BUILT) {
  test(`GIVEN "${input.slice(0, 40)}" THEN the FTS5 query is ${expected}`, () => {
    assert.equal(buildFtsQuery(input), expected);
  });
}

test('GIVEN 2,000 distinct words THEN only the first MAX_QUERY_TERMS are searched', () => {
  const input = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
  assert.equal(queryTerms(input).length, MAX_QUERY_TERMS);
});

test('GIVEN an advanced query over the length limit THEN a readable fts_syntax error', () => {
  assert.throws(() => advancedFtsQuery('a '.repeat(600)), { name: 'UserFacingError', code: 'fts_syntax' });
});
