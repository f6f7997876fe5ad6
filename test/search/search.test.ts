import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../src/store/database.js';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, renderHighlights } from '../../src/search/highlight.js';
import { createFtsRetriever } from '../../src/search/fts-retriever.js';
import type { Retriever, SearchResult } from '../../src/search/retriever.js';
import { seedDatabase, statementFrom } from './seed-db.js';

let db: Database;
let retriever: Retriever;
before(async () => {
  ({ db } = await seedDatabase([
    statementFrom('dated-2021.md', 'Kabul fell to the Taliban in August.', { title: 'Dated by year', organisation: 'Year Org', date: '2021' }),
    statementFrom('dated-2021-07-04.md', 'Taliban fighters entered Kandahar.', { title: 'Dated by day', organisation: 'United Front', date: '2021-07-04' }),
    statementFrom('dated-2022-01.md', 'The Taliban government one winter on.', { title: 'Dated by month', organisation: 'United Kingdom Committee', date: '2022-01' }),
  ]));
  retriever = createFtsRetriever(db);
});
after(async () => db.close());

const titles = (result: SearchResult): string[] => result.hits.map((hit) => hit.statement.title);

test('GIVEN a question THEN statements come once each, best first, with a highlighted snippet of their best passage', async () => {
  const result = await retriever.search('Russian invasion of Ukraine');
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
    const result = await retriever.search('Taliban Afghanistan', { organisationPrefix: organisation });
    assert.deepEqual(result.hits.map((hit) => hit.statement.organisation), ['ICOR']);
  }
});

test('GIVEN an organisation prefix THEN every organisation starting with it', async () => {
  const result = await retriever.search('Taliban', { organisationPrefix: 'united' });
  assert.deepEqual(result.hits.map((hit) => hit.statement.organisation).sort(), ['United Front', 'United Kingdom Committee']);
});

test('GIVEN exact organisation names THEN statements of any of them, in any case, and not of names that merely start alike', async () => {
  const both = await retriever.search('Taliban', { organisations: ['united front', 'ICOR'] });
  assert.deepEqual(both.hits.map((hit) => hit.statement.organisation).sort(), ['ICOR', 'United Front']);
  assert.deepEqual((await retriever.search('Taliban', { organisations: ['United'] })).hits, [], '"United" is no organisation’s whole name');
});

test('GIVEN exact names and a typed prefix THEN both narrow the search', async () => {
  const result = await retriever.search('Taliban', { organisations: ['United Front', 'ICOR'], organisationPrefix: 'unit' });
  assert.deepEqual(result.hits.map((hit) => hit.statement.organisation), ['United Front']);
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
    const result = await retriever.search('Taliban', { ...window, organisationPrefix: '' });
    const dated = titles(result).filter((title) => title.startsWith('Dated'));
    assert.deepEqual(dated.sort(), expected);
  });
}

test('GIVEN a date filter THEN undated statements are left out', async () => {
  const result = await retriever.search('war', { from: '1900' });
  assert.ok(result.hits.every((hit) => hit.statement.date !== null));
});

for (const [window, message] of [[{ from: 'last year' }, /not a date for from/], [{ to: '2021-13' }, /not a date for to/], [{ from: '2022', to: '2021' }, /after the end date/]] as const) {
  test(`GIVEN a bad date window ${JSON.stringify(window)} THEN a readable bad_date error`, async () => {
    await assert.rejects(retriever.search('war', window), { name: 'UserFacingError', code: 'bad_date', message });
  });
}

test('GIVEN limit and offset THEN pages of statements that do not overlap', async () => {
  const all = await retriever.search('Taliban imperialist war', { limit: 50 });
  const first = await retriever.search('Taliban imperialist war', { limit: 3 });
  const second = await retriever.search('Taliban imperialist war', { limit: 3, offset: 3 });
  assert.deepEqual(titles(first), titles(all).slice(0, 3));
  assert.deepEqual(titles(second), titles(all).slice(3, 6));
  assert.equal(first.total, all.total);
  const beyond = await retriever.search('Taliban imperialist war', { offset: 400 });
  assert.deepEqual(beyond.hits, []);
});

test('GIVEN advanced syntax THEN phrases, NOT, prefixes and column filters work', async () => {
  const phrase = await retriever.search('"Russian imperialist army"', { advanced: true });
  assert.deepEqual(phrase.hits.map((hit) => hit.statement.organisation), ['JAKNA']);
  const not = await retriever.search('Taliban NOT Kabul', { advanced: true });
  assert.ok(not.hits.length > 0 && not.hits.every((hit) => !/kabul/i.test(hit.passage.text)));
  const prefix = await retriever.search('fundamental*', { advanced: true });
  assert.ok(prefix.hits.length > 0);
  const column = await retriever.search('organisation: icor', { advanced: true });
  assert.deepEqual(column.hits.map((hit) => hit.statement.organisation), ['ICOR']);
  const near = await retriever.search('NEAR(Taliban Kabul, 5)', { advanced: true });
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
    await assert.rejects(retriever.search(input, { advanced: true }), (error: Error & { code?: string }) => {
      assert.equal(error.name, 'UserFacingError');
      assert.equal(error.code, 'fts_syntax');
      assert.match(error.message, message);
      assert.doesNotMatch(error.message, /SQLITE/);
      return true;
    });
  });
}

test('GIVEN the same hostile text in plain mode THEN it is searched as words', async () => {
  for (const [input] of BAD_ADVANCED) await retriever.search(input);
});

test('GIVEN nothing searchable THEN an empty result with an empty query', async () => {
  assert.deepEqual(await retriever.search('?!…'), { query: '', hits: [], total: 0 });
});
