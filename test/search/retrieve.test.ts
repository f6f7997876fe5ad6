import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../src/store/database.js';
import { createFtsRetriever } from '../../src/search/fts-retriever.js';
import type { Retriever } from '../../src/search/retriever.js';
import { seedDatabase } from './seed-db.js';

let db: Database;
let retriever: Retriever;
before(async () => {
  ({ db } = await seedDatabase());
  retriever = createFtsRetriever(db);
});
after(async () => db.close());

const perStatementCounts = (passages: { statementId: number }[]): number[] => {
  const counts = new Map<number, number>();
  for (const passage of passages) counts.set(passage.statementId, (counts.get(passage.statementId) ?? 0) + 1);
  return [...counts.values()];
};

for (const perStatement of [1, 2, 3]) {
  test(`GIVEN perStatement ${perStatement} THEN no statement gives more passages than that`, async () => {
    const { passages } = await retriever.retrievePassages('Taliban Afghanistan women', { k: 8, perStatement });
    assert.ok(passages.length > 0);
    assert.ok(perStatementCounts(passages).every((count) => count <= perStatement));
    assert.ok(passages.every((passage, i) => i === 0 || passage.score <= passages[i - 1]!.score), 'best first');
  });
}

test('GIVEN k THEN at most k passages, each with its statement and offsets into its text', async () => {
  const { query, passages } = await retriever.retrievePassages('imperialist invasion of Afghanistan', { k: 5, perStatement: 2 });
  assert.equal(query, '"imperialist" OR "invasion" OR "afghanistan"');
  assert.equal(passages.length, 5);
  for (const passage of passages) {
    assert.equal(passage.statement.id, passage.statementId);
    assert.ok(passage.statement.title.length > 0);
    assert.ok(passage.end > passage.start);
    assert.deepEqual([passage.before, passage.after], [[], []], 'no neighbours unless asked');
  }
});

test('GIVEN neighbours THEN the passages around each one, in reading order, from the same statement', async () => {
  const { passages } = await retriever.retrievePassages('Kabul airport overflowing', { k: 1, neighbours: 2 });
  const [hit] = passages;
  assert.ok(hit);
  assert.match(hit.text, /Kabul airport is overflowing/);
  assert.deepEqual(hit.before.map((p) => p.ordinal), [hit.ordinal - 2, hit.ordinal - 1].filter((n) => n >= 0));
  assert.deepEqual(hit.after.map((p) => p.ordinal), [hit.ordinal + 1, hit.ordinal + 2]);
  assert.ok([...hit.before, ...hit.after].every((p) => p.statementId === hit.statementId));
  assert.ok(hit.before.every((p) => p.end <= hit.start) && hit.after.every((p) => p.start >= hit.end));
});

test('GIVEN a filter THEN only passages of matching statements', async () => {
  const { passages } = await retriever.retrievePassages('Taliban', { organisationPrefix: 'jakna', k: 4 });
  assert.ok(passages.length > 0);
  assert.ok(passages.every((passage) => passage.statement.organisation === 'JAKNA'));
});

test('GIVEN a question matching nothing THEN no passages', async () => {
  assert.deepEqual((await retriever.retrievePassages('photosynthesis chlorophyll')).passages, []);
  assert.deepEqual(await retriever.retrievePassages('???'), { query: '', passages: [] });
});

test('GIVEN a bad date THEN passages are refused with the same message as a search', async () => {
  await assert.rejects(retriever.retrievePassages('Taliban', { from: '2022', to: '2021' }), { name: 'UserFacingError', code: 'bad_date', message: 'The start date 2022 is after the end date 2021.' });
});
