import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../src/store/database.js';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, renderHighlights } from '../../src/search/highlight.js';
import { search } from '../../src/search/search.js';
import { seedDatabase, statementFrom } from './seed-db.js';

let db: Database;
before(async () => {
  ({ db } = await seedDatabase([
    statementFrom('dated-2021.md', 'Kabul fell to the Taliban in August.', { title: 'Dated by year', organisation: 'Year Org', date: '2021' }),
    statementFrom('dated-2021-07-04.md', 'Taliban fighters entered Kandahar.', { title: 'Dated by day', organisation: 'United Front', date: '2021-07-04' }),
    statementFrom('dated-2022-01.md', 'The Taliban government one winter on.', { title: 'Dated by month', organisation: 'United Kingdom Committee', date: '2022-01' }),
  ]));
});
after(async () => db.close());

const titles = (result: Awaited<ReturnType<typeof search>>): string[] => result.hits.map((hit) => hit.statement.title);

test('GIVEN a question THEN statements come once each, best first, with a highlighted snippet of their best passage', async () => {
  const result = await search(db, 'Russian invasion of Ukraine');
  assert.equal(result.query, '"russian" OR "invasion" OR "ukraine"');
  const ids = result.hits.map((hit) => hit.statement.id);
  assert.equal(new Set(ids).size, ids.length, 'one hit per statement');
  assert.equal(result.hits[0]!.statement.organisation, 'JAKNA');
  assert.ok(result.hits.every((hit, i) => i === 0 || hit.score <= result.hits[i - 1]!.score), 'best first');
  const top = result.hits[0]!;
  assert.match(top.snippet, new RegExp(`${HIGHLIGHT_OPEN}(Russian|invasion|Ukraine)${HIGHLIGHT_CLOSE}`));
  assert.ok(top.passage.text.includes(renderHighlights(top.snippet, '', '').replace(/^…|…$/g, '')), 'the snippet is cut from the passage shown');
  assert.ok(top.matchedPassages > 1, 'JAKNA mentions the invasion in several passages');
});

test('GIVEN an organisation filter in any case THEN only that organisation’s statements', async () => {
  for (const organisation of ['icor', 'ICOR', ' Icor ']) {
    const result = await search(db, 'Taliban Afghanistan', { organisation });
    assert.deepEqual(result.hits.map((hit) => hit.statement.organisation), ['ICOR']);
  }
});

test('GIVEN an organisation prefix THEN every organisation starting with it', async () => {
  const result = await search(db, 'Taliban', { organisation: 'united' });
  assert.deepEqual(result.hits.map((hit) => hit.statement.organisation).sort(), ['United Front', 'United Kingdom Committee']);
});

const DATE_CASES: [string, { from?: string; to?: string }, string[]][] = [
  ['from a day inside a year-dated statement', { from: '2021-06-01' }, ['Dated by day', 'Dated by month', 'Dated by year']],
  ['from after the day', { from: '2021-07-05' }, ['Dated by month', 'Dated by year']],
  ['to a month before the day', { to: '2021-06' }, ['Dated by year']],
  ['to the day itself', { to: '2021-07-04' }, ['Dated by day', 'Dated by year']],
  ['a whole year', { from: '2022', to: '2022' }, ['Dated by month']],
  ['to a year, inclusive of all of it', { to: '2021' }, ['Dated by day', 'Dated by year']],
];

for (const [name, window, expected] of DATE_CASES) {
  test(`GIVEN ${name} (${JSON.stringify(window)}) THEN statements whose date overlaps it`, async () => {
    const result = await search(db, 'Taliban', { ...window, organisation: '' });
    const dated = titles(result).filter((title) => title.startsWith('Dated'));
    assert.deepEqual(dated.sort(), expected);
  });
}

test('GIVEN a date filter THEN undated statements are left out', async () => {
  const result = await search(db, 'war', { from: '1900' });
  assert.ok(result.hits.every((hit) => hit.statement.date !== null));
});

for (const [window, message] of [[{ from: 'last year' }, /not a date for from/], [{ to: '2021-13' }, /not a date for to/], [{ from: '2022', to: '2021' }, /after the end date/]] as const) {
  test(`GIVEN a bad date window ${JSON.stringify(window)} THEN a readable bad_date error`, async () => {
    await assert.rejects(search(db, 'war', window), { name: 'UserFacingError', code: 'bad_date', message });
  });
}

test('GIVEN limit and offset THEN pages of statements that do not overlap', async () => {
  const all = await search(db, 'Taliban imperialist war', { limit: 50 });
  const first = await search(db, 'Taliban imperialist war', { limit: 3 });
  const second = await search(db, 'Taliban imperialist war', { limit: 3, offset: 3 });
  assert.deepEqual(titles(first), titles(all).slice(0, 3));
  assert.deepEqual(titles(second), titles(all).slice(3, 6));
  assert.equal(first.total, all.total);
  const beyond = await search(db, 'Taliban imperialist war', { offset: 400 });
  assert.deepEqual(beyond.hits, []);
});

test('GIVEN advanced syntax THEN phrases, NOT, prefixes and column filters work', async () => {
  const phrase = await search(db, '"Russian imperialist army"', { advanced: true });
  assert.deepEqual(phrase.hits.map((hit) => hit.statement.organisation), ['JAKNA']);
  const not = await search(db, 'Taliban NOT Kabul', { advanced: true });
  assert.ok(not.hits.length > 0 && not.hits.every((hit) => !/kabul/i.test(hit.passage.text)));
  const prefix = await search(db, 'fundamental*', { advanced: true });
  assert.ok(prefix.hits.length > 0);
  const column = await search(db, 'organisation: icor', { advanced: true });
  assert.deepEqual(column.hits.map((hit) => hit.statement.organisation), ['ICOR']);
  const near = await search(db, 'NEAR(Taliban Kabul, 5)', { advanced: true });
  assert.ok(near.hits.length > 0);
});

const BAD_ADVANCED: [string, RegExp][] = [
  ['Taliban AND (Kabul', /syntax error/],
  ['"unclosed phrase', /syntax error|not closed/],
  ['org: ICOR', /Unknown column "org"/],
  ['NOT', /syntax error/],
  ['*', /syntax error/],
  ['NEAR(a b', /syntax error/],
  ['AND OR', /syntax error/],
];

for (const [input, message] of BAD_ADVANCED) {
  test(`GIVEN the advanced query ${JSON.stringify(input)} THEN a readable fts_syntax error, not a crash`, async () => {
    await assert.rejects(search(db, input, { advanced: true }), (error: Error & { code?: string }) => {
      assert.equal(error.name, 'UserFacingError');
      assert.equal(error.code, 'fts_syntax');
      assert.match(error.message, message);
      assert.doesNotMatch(error.message, /SQLITE/);
      return true;
    });
  });
}

test('GIVEN the same hostile text in plain mode THEN it is searched as words', async () => {
  for (const [input] of BAD_ADVANCED) await search(db, input);
});

test('GIVEN nothing searchable THEN an empty result with an empty query', async () => {
  assert.deepEqual(await search(db, '?!…'), { query: '', hits: [], total: 0 });
});
