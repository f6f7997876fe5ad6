import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CONCORDANCE_CACHE_ENTRIES } from '../../src/search/kwic/concordance-cache.js';
import { createFtsRetriever } from '../../src/search/fts-retriever.js';
import type { Retriever } from '../../src/search/retriever.js';
import type { Database } from '../../src/store/database.js';
import { saveStatement } from '../../src/store/statement-writes.js';
import { seedDatabase, statementFrom } from './seed-db.js';

let db: Database;
let retriever: Retriever;
before(async () => {
  ({ db } = await seedDatabase([
    statementFrom('un-1984-iran.txt', 'Refugee camps in the north. Refugees! The refugees of the war.', { organisation: 'Iran', date: '1984' }),
    statementFrom('un-1990-france.txt', 'The refugees of Indochina, the right of return of refugees.', { organisation: 'France', date: '1990' }),
  ]));
  retriever = createFtsRetriever(db);
});
after(() => db.close());

/** The SQL statements `run` makes the database execute, as SQLite traces them. */
async function sqlRunBy(run: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const listener = (sql: string): void => void statements.push(sql);
  db.raw.on('trace', listener);
  try {
    await run();
    await new Promise((resolve) => setImmediate(resolve)); // trace events arrive after the results
  } finally {
    db.raw.removeListener('trace', listener);
  }
  return statements;
}

const COUNTING = /statement_fts_instances|ORDER BY/;

for (const phrase of ['refugee', '"refugees"', 'right of return']) {
  test(`GIVEN page 1 of ${phrase} was shown THEN page 2 with the same filters and order reads only its own lines, not the counts again`, async () => {
    const options = { from: '1984', to: '1990', pageSize: 1 };
    const first = await sqlRunBy(() => retriever.concordance(phrase, { ...options, page: 1 }));
    assert.ok(first.some((sql) => COUNTING.test(sql)), 'the first page counts');
    let second!: Awaited<ReturnType<Retriever['concordance']>>;
    const again = await sqlRunBy(async () => (second = await retriever.concordance(phrase, { ...options, page: 2 })));
    assert.deepEqual(again.filter((sql) => COUNTING.test(sql)), []);
    assert.equal(again.length, 2, 'the corpus version and the page’s statements');
    assert.equal(second.page, Math.min(2, second.pageCount));
  });
}

test('GIVEN the same phrase with another filter or order THEN it is counted for those', async () => {
  const byDate = await retriever.concordance('refugee', { from: '1984', to: '1990' });
  const inFrance = await sqlRunBy(() => retriever.concordance('refugee', { from: '1984', to: '1990', organisationPrefix: 'France' }));
  const byOrganisation = await sqlRunBy(() => retriever.concordance('refugee', { from: '1984', to: '1990', sort: 'organisation' }));
  assert.ok(inFrance.some((sql) => COUNTING.test(sql)) && byOrganisation.some((sql) => COUNTING.test(sql)));
  assert.equal((await retriever.concordance('refugee', { from: '1984', to: '1990', organisationPrefix: 'France' })).occurrences, 2);
  assert.equal(byDate.occurrences, 5);
});

test('GIVEN a statement is added after a page was shown THEN the next page turn counts it', async () => {
  const options = { from: '1984', to: '1990', pageSize: 2 };
  const before = await retriever.concordance('"refugees"', options);
  await saveStatement(db, statementFrom('un-1988-chad.txt', 'Refugees and more refugees.', { organisation: 'Chad', date: '1988' }));
  const after = await sqlRunBy(() => retriever.concordance('"refugees"', { ...options, page: 2 }));
  assert.ok(after.some((sql) => COUNTING.test(sql)), 'counted again');
  const turned = await retriever.concordance('"refugees"', { ...options, page: 2 });
  assert.equal(turned.occurrences, before.occurrences + 2);
  assert.deepEqual(turned.organisations.find((total) => total.organisation === 'Chad'), { organisation: 'Chad', occurrences: 2, statements: 1 });
});

test(`GIVEN more than ${CONCORDANCE_CACHE_ENTRIES} phrases counted since THEN the first is counted again (the memory is bounded)`, async () => {
  await retriever.concordance('north');
  for (let i = 0; i < CONCORDANCE_CACHE_ENTRIES; i++) await retriever.concordance('refugee', { from: String(1900 + i) });
  const again = await sqlRunBy(() => retriever.concordance('north'));
  assert.ok(again.some((sql) => COUNTING.test(sql)));
});

test('GIVEN a page is changed by its reader THEN the next page turn still shows the counts', async () => {
  const first = await retriever.concordance('refugee', { to: '1990' });
  first.organisations[0]!.occurrences = 0;
  first.organisations.length = 0;
  const again = await retriever.concordance('refugee', { to: '1990' });
  assert.ok(again.organisations.length > 0 && again.organisations[0]!.occurrences > 0);
});
