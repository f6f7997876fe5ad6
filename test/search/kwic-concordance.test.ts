import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createFtsRetriever } from '../../src/search/fts-retriever.js';
import type { Retriever } from '../../src/search/retriever.js';
import type { Database } from '../../src/store/database.js';
import { seedDatabase, statementFrom } from './seed-db.js';

let db: Database;
let retriever: Retriever;
before(async () => {
  ({ db } = await seedDatabase([
    // One occurrence spans the blank line between two passages: it must be found once, not split.
    statementFrom('un-1985-iran.txt', 'Millions of refugees have come to our country.\n\nThe refugees from Afghanistan need food and shelter; the right of\n\nreturn of refugees is theirs.', { organisation: 'Iran', date: '1985' }),
    statementFrom('un-1984-iran.txt', 'Refugee camps in the north. Refugees!', { organisation: 'Iran', date: '1984' }),
    statementFrom('un-1990-france.txt', 'The refugees of Indochina, the right of return.', { organisation: 'France', date: '1990' }),
    statementFrom('ru-2022.txt', 'Война — это война. Беженцы бегут от войны.', { organisation: 'Russian Federation', date: '2022-02' }),
  ]));
  retriever = createFtsRetriever(db);
});
after(() => db.close());

test('GIVEN a word THEN occurrences and statements are counted per organisation, most occurrences first', async () => {
  const result = await retriever.concordance('refugee', { organisationPrefix: 'Iran' });
  assert.equal(result.mode, 'stemmed');
  assert.deepEqual({ occurrences: result.occurrences, statements: result.statements }, { occurrences: 5, statements: 2 });
  assert.deepEqual(result.organisations, [{ organisation: 'Iran', occurrences: 5, statements: 2 }]);
});

test('GIVEN the same word quoted THEN only its exact form counts', async () => {
  const result = await retriever.concordance('"refugees"', { organisationPrefix: 'Iran' });
  assert.equal(result.mode, 'exact');
  assert.deepEqual(result.organisations, [{ organisation: 'Iran', occurrences: 4, statements: 2 }]);
  assert.deepEqual(result.lines.map((line) => line.match), ['Refugees', 'refugees', 'refugees', 'refugees']);
});

test('GIVEN a phrase across a passage boundary THEN it is one occurrence, its context from the whole statement', async () => {
  const result = await retriever.concordance('right of return', { organisationPrefix: 'Iran' });
  assert.equal(result.occurrences, 1);
  const [line] = result.lines;
  assert.deepEqual({ left: line!.left, match: line!.match, right: line!.right }, { left: 'need food and shelter; the', match: 'right of return', right: 'of refugees is theirs.' });
});

test('GIVEN sort by date THEN lines run by date, then statement, then position in the text', async () => {
  const result = await retriever.concordance('refugee', { from: '1984', to: '1990' });
  assert.deepEqual(result.lines.map((line) => `${line.statement.date} ${line.match}`), ['1984 Refugee', '1984 Refugees', '1985 refugees', '1985 refugees', '1985 refugees', '1990 refugees']);
  assert.deepEqual(result.lines.map((line) => line.n), [1, 2, 3, 4, 5, 6]);
});

test('GIVEN sort by organisation THEN organisations come A–Z, each by date', async () => {
  const result = await retriever.concordance('refugee', { from: '1984', to: '1990', sort: 'organisation' });
  assert.deepEqual(result.lines.map((line) => `${line.statement.organisation} ${line.statement.date}`), ['France 1990', 'Iran 1984', 'Iran 1984', 'Iran 1985', 'Iran 1985', 'Iran 1985']);
});

test('GIVEN pages of 4 lines THEN page 2 goes on where page 1 stopped, and a page past the end is the last', async () => {
  const options = { from: '1984', to: '1990', pageSize: 4 };
  const all = await retriever.concordance('refugee', { ...options, pageSize: 100 });
  const first = await retriever.concordance('refugee', { ...options, page: 1 });
  const second = await retriever.concordance('refugee', { ...options, page: 2 });
  assert.equal(first.pageCount, 2);
  assert.deepEqual([...first.lines, ...second.lines].map((line) => [line.n, line.statement.id, line.start]), all.lines.map((line) => [line.n, line.statement.id, line.start]));
  assert.equal((await retriever.concordance('refugee', { ...options, page: 99 })).page, 2);
});

test('GIVEN a Cyrillic word THEN its forms are not stemmed together (porter stems English only)', async () => {
  const result = await retriever.concordance('война');
  assert.deepEqual(result.lines.map((line) => line.match), ['Война', 'война']);
});

test('GIVEN a word of the bundled statements THEN the lines come from them with their metadata', async () => {
  const result = await retriever.concordance('Taliban', { organisationPrefix: 'ICOR' });
  assert.ok(result.occurrences > 0);
  assert.ok(result.lines.every((line) => line.statement.organisation === 'ICOR' && /taliban/i.test(line.match)));
});

test('GIVEN a word nowhere in the corpus THEN there are no lines and no counts', async () => {
  const result = await retriever.concordance('zeppelin');
  assert.deepEqual({ occurrences: result.occurrences, organisations: result.organisations, lines: result.lines, pageCount: result.pageCount }, { occurrences: 0, organisations: [], lines: [], pageCount: 1 });
});

test('GIVEN an organisation or dates no statement falls in THEN the result says which, not only that nothing contains the word', async () => {
  const cases: [Record<string, string>, string][] = [
    [{ organisationPrefix: 'Narnia' }, 'No statement in the corpus is by an organisation starting with “Narnia”.'],
    [{ organisationPrefix: 'Narnia', from: '1984' }, 'No statement in the corpus is by an organisation starting with “Narnia”.'],
    [{ from: '2030' }, 'No statement in the corpus is dated from 2030.'],
    [{ from: '1900', to: '1950' }, 'No statement in the corpus is dated from 1900 to 1950.'],
    [{ organisationPrefix: 'France', to: '1985' }, 'No statement by an organisation starting with “France” is dated up to 1985.'],
  ];
  for (const [filters, why] of cases) {
    const result = await retriever.concordance('peace', filters);
    assert.equal(result.occurrences, 0);
    assert.equal(result.emptyRange, why, JSON.stringify(filters));
  }
  // In range but unused, the word is what found nothing: no reason about the filters.
  assert.equal((await retriever.concordance('zeppelin', { organisationPrefix: 'Iran' })).emptyRange, undefined);
  assert.equal((await retriever.concordance('zeppelin')).emptyRange, undefined);
});

test('GIVEN a bad date THEN it is refused with a message', async () => {
  await assert.rejects(retriever.concordance('refugee', { from: '85' }), /YYYY/);
});

test('GIVEN the index view was lost (a rolled-back transaction, another connection\'s schema) THEN it is made again', async () => {
  await retriever.concordance('refugee');
  await db.exec('DROP TABLE temp.statement_fts_instances');
  assert.ok((await retriever.concordance('refugee')).occurrences > 0);
});

test('GIVEN sort by organisation THEN statements of no known organisation come last, and undated ones after dated ones', async () => {
  const result = await retriever.concordance('war', { sort: 'organisation', pageSize: 100 });
  const organisations = result.lines.map((line) => line.statement.organisation);
  assert.equal(organisations.at(-1), '');
  assert.ok(organisations.indexOf('') > organisations.lastIndexOf('JAKNA'));
  const byDate = await retriever.concordance('war', { pageSize: 100 });
  assert.equal(byDate.lines.at(-1)!.statement.date, null);
});
