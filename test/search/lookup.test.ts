import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../src/store/database.js';
import { createFtsRetriever } from '../../src/search/fts-retriever.js';
import type { Retriever } from '../../src/search/retriever.js';
import { seedDatabase, statementFrom } from './seed-db.js';

let db: Database;
let retriever: Retriever;
before(async () => {
  ({ db } = await seedDatabase([statementFrom('numeric-slug.md', 'A statement titled with a year.', { title: '1848', organisation: 'Communist League', date: '1848-02' })]));
  retriever = createFtsRetriever(db);
});
after(async () => db.close());

test('GIVEN an id, a digit string or a slug THEN the same statement with its text', async () => {
  const bySlug = await retriever.getStatement('help-us-in-our-struggle');
  assert.ok(bySlug);
  assert.equal(bySlug.organisation, 'Anarchists of Afghanistan');
  assert.match(bySlug.text, /^Help us in Our Struggle/);
  assert.ok(bySlug.passageCount > 5);
  assert.deepEqual(await retriever.getStatement(bySlug.id), bySlug);
  assert.deepEqual(await retriever.getStatement(String(bySlug.id)), bySlug);
  assert.deepEqual(await retriever.getStatement(' HELP-US-IN-OUR-STRUGGLE '), bySlug);
});

test('GIVEN a digit string that is a slug, not an id THEN the statement with that slug', async () => {
  assert.equal((await retriever.getStatement('1848'))?.title, '1848');
});

for (const missing of ['no-such-statement', '99999', '', '   ', "'; DROP TABLE statements; --"]) {
  test(`GIVEN ${JSON.stringify(missing)} THEN no statement`, async () => {
    assert.equal(await retriever.getStatement(missing), undefined);
  });
}

const SUGGESTIONS: [string, string, string[]][] = [
  ['a title prefix in any case', 'HELP us', ['Help us in Our Struggle']],
  ['an organisation prefix', 'jak', ['Message from JAKNA to the Ukrainian People in the Line of Fire of an Imperialist Invasion and War']],
  ['a word inside a title', 'ukrain', ['Message from JAKNA to the Ukrainian People in the Line of Fire of an Imperialist Invasion and War']],
  ['several words, the last a prefix', 'people afgh', ['No to any imperialist or expansionist intervention! The people of Afghanistan can only liberate themselves!']],
  ['a word inside an organisation', 'marxist', ['Statement on the situation in Afghanistan']],
  ['nothing that matches', 'zzz', []],
  ['syntax characters', '"(*', []],
];

for (const [name, prefix, expected] of SUGGESTIONS) {
  test(`GIVEN ${name} (${JSON.stringify(prefix)}) THEN those statements are suggested`, async () => {
    assert.deepEqual((await retriever.suggestStatements(prefix)).map((s) => s.title), expected);
  });
}

test('GIVEN an empty prefix THEN the most recent statements, at most the limit', async () => {
  const suggestions = await retriever.suggestStatements('', 2);
  assert.deepEqual(suggestions.map((s) => s.date), ['2022-03', '2021-09-10']);
});

test('GIVEN a word prefix matching title start and inside THEN each statement once, title starts first', async () => {
  const suggestions = await retriever.suggestStatements('no');
  assert.equal(suggestions[0]?.title.startsWith('No to any'), true);
  assert.equal(new Set(suggestions.map((s) => s.id)).size, suggestions.length);
});

test('GIVEN an organisation prefix THEN organisations with their statement counts', async () => {
  assert.deepEqual(await retriever.suggestOrganisations('i'), [
    { organisation: 'ICOR', statements: 1 },
    { organisation: 'International Conference of Marxist–Leninist Parties and Organizations', statements: 1 },
  ]);
  assert.deepEqual(await retriever.suggestOrganisations('league'), [{ organisation: 'Communist League', statements: 1 }]);
  assert.equal((await retriever.suggestOrganisations('')).length, 5, 'every named organisation, none for the unsigned appeal');
});

test('GIVEN a statement and a page size THEN pages at paragraph ends that rebuild the text', async () => {
  const first = await retriever.getStatementPage('help-us-in-our-struggle', 1, 800);
  assert.ok(first);
  assert.ok(first.pageCount > 2);
  const pages = [first.text];
  for (let page = 2; page <= first.pageCount; page++) pages.push((await retriever.getStatementPage(first.statement.id, page, 800))!.text);
  assert.ok(pages.every((text) => text.length <= 800));
  assert.equal(pages.join(' ').split(/\s+/).join(' '), first.statement.text.split(/\s+/).join(' '));
  const beyond = await retriever.getStatementPage(first.statement.id, 99, 800);
  assert.equal(beyond?.page, first.pageCount, 'clamped to the last page');
  assert.equal(await retriever.getStatementPage('missing', 1, 800), undefined);
});

test('GIVEN a passage id THEN the passage with its neighbours and statement', async () => {
  const statement = (await retriever.getStatement('help-us-in-our-struggle'))!;
  const middle = await db.get<{ id: number }>('SELECT id FROM passages WHERE statement_id = ? AND ordinal = 2', [statement.id]);
  const context = await retriever.getPassageInContext(middle!.id, 1);
  assert.ok(context);
  assert.equal(context.statement.id, statement.id);
  assert.deepEqual([context.before.map((p) => p.ordinal), context.passage.ordinal, context.after.map((p) => p.ordinal)], [[1], 2, [3]]);
  assert.equal(statement.text.slice(context.passage.start, context.passage.end), context.passage.text);
  assert.equal(await retriever.getPassageInContext(999_999, 1), undefined);
});

test('GIVEN the seeds THEN the overview counts them and their date range', async () => {
  const overview = await retriever.corpusOverview();
  assert.equal(overview.statements, 6);
  assert.ok(overview.passages > 50);
  assert.equal(overview.organisations.length, 5);
  assert.deepEqual([overview.earliest, overview.latest], ['1848-02', '2022-03']);
  assert.ok(overview.lastIngestAt);
  assert.ok(overview.corpusVersion >= 6);
});

test('GIVEN the seeds THEN every organisation as spelt in its statements, with its statement count, and the corpus version', async () => {
  assert.deepEqual(await retriever.organisations(), [
    { organisation: 'Anarchists of Afghanistan', statements: 1 },
    { organisation: 'Communist League', statements: 1 },
    { organisation: 'ICOR', statements: 1 },
    { organisation: 'International Conference of Marxist–Leninist Parties and Organizations', statements: 1 },
    { organisation: 'JAKNA', statements: 1 },
  ]);
  assert.equal(await retriever.corpusVersion(), (await retriever.corpusOverview()).corpusVersion);
});
