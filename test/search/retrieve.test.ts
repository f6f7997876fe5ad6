import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ftsPhrases } from '../../src/search/fts-query.js';
import { rankPlainPassages } from '../../src/search/rank.js';
import { capPerStatement, sharePerOrganisation } from '../../src/search/retrieve.js';
import { useSeedRetriever } from './seed-db.js';

const seeded = useSeedRetriever();

const perStatementCounts = (passages: { statementId: number }[]): number[] => {
  const counts = new Map<number, number>();
  for (const passage of passages) counts.set(passage.statementId, (counts.get(passage.statementId) ?? 0) + 1);
  return [...counts.values()];
};

for (const perStatement of [1, 2, 3]) {
  test(`GIVEN perStatement ${perStatement} THEN no statement gives more passages than that`, async () => {
    const { passages } = await seeded.retriever.retrievePassages('Taliban Afghanistan women', { k: 8, perStatement });
    assert.ok(passages.length > 0);
    assert.ok(perStatementCounts(passages).every((count) => count <= perStatement));
    assert.ok(passages.every((passage, i) => i === 0 || passage.score <= passages[i - 1]!.score), 'best first');
  });
}

test('GIVEN k THEN at most k passages, each with its statement and offsets into its text', async () => {
  const { query, passages } = await seeded.retriever.retrievePassages('imperialist invasion of Afghanistan', { k: 5, perStatement: 2 });
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
  const { passages } = await seeded.retriever.retrievePassages('Kabul airport overflowing', { k: 1, neighbours: 2 });
  const [hit] = passages;
  assert.ok(hit);
  assert.match(hit.text, /Kabul airport is overflowing/);
  assert.deepEqual(hit.before.map((p) => p.ordinal), [hit.ordinal - 2, hit.ordinal - 1].filter((n) => n >= 0));
  assert.deepEqual(hit.after.map((p) => p.ordinal), [hit.ordinal + 1, hit.ordinal + 2]);
  assert.ok([...hit.before, ...hit.after].every((p) => p.statementId === hit.statementId));
  assert.ok(hit.before.every((p) => p.end <= hit.start) && hit.after.every((p) => p.start >= hit.end));
});

test('GIVEN a filter THEN only passages of matching statements', async () => {
  const { passages } = await seeded.retriever.retrievePassages('Taliban', { organisationPrefix: 'jakna', k: 4 });
  assert.ok(passages.length > 0);
  assert.ok(passages.every((passage) => passage.statement.organisation === 'JAKNA'));
});

test('GIVEN a question matching nothing THEN no passages', async () => {
  assert.deepEqual((await seeded.retriever.retrievePassages('photosynthesis chlorophyll')).passages, []);
  assert.deepEqual(await seeded.retriever.retrievePassages('???'), { query: '', passages: [] });
});

test('GIVEN a bad date THEN passages are refused with the same message as a search', async () => {
  await assert.rejects(seeded.retriever.retrievePassages('Taliban', { from: '2022', to: '2021' }), { name: 'UserFacingError', code: 'bad_date', message: 'The start date 2022 is after the end date 2021.' });
});

/*
 * Several organisations: each seed organisation has one statement, so the
 * per-statement cap is lifted (perStatement = k) to let one crowd the others.
 */
const PAIR = ['ICOR', 'Anarchists of Afghanistan'];
const organisationsOf = (passages: { statement: { organisation: string } }[]): string[] => passages.map((passage) => passage.statement.organisation);
const countOf = (names: string[], name: string): number => names.filter((n) => n === name).length;

test('GIVEN two organisations, one of which would take every place THEN each gets half of the passages, taking turns', async () => {
  const pooled = capPerStatement(await rankPlainPassages(seeded.db, ftsPhrases('Afghanistan Taliban'), { organisations: PAIR }, 100), 6).slice(0, 6);
  const anarchists = (await seeded.retriever.getStatement('help-us-in-our-struggle'))!.id;
  assert.ok(pooled.every((passage) => passage.statementId === anarchists), 'ranked together, the Anarchists’ statement takes all six places');

  const { passages } = await seeded.retriever.retrievePassages('Afghanistan Taliban', { k: 6, perStatement: 6, organisations: PAIR });
  const names = organisationsOf(passages);
  assert.deepEqual([countOf(names, 'ICOR'), countOf(names, 'Anarchists of Afghanistan')], [3, 3]);
  assert.deepEqual(new Set(names.slice(0, 2)), new Set(PAIR), 'the first turn gives each organisation’s best');

  const odd = organisationsOf((await seeded.retriever.retrievePassages('Afghanistan Taliban', { k: 5, perStatement: 5, organisations: PAIR })).passages);
  assert.deepEqual([countOf(odd, 'ICOR'), countOf(odd, 'Anarchists of Afghanistan')].sort(), [2, 3], 'an odd k leaves one extra place');
});

test('GIVEN an organisation with fewer matching passages than its share THEN the other fills the places left', async () => {
  const alone = await seeded.retriever.retrievePassages('imperialist war', { k: 6, perStatement: 6, organisations: ['Anarchists of Afghanistan'] });
  assert.equal(alone.passages.length, 2, 'the Anarchists mention it twice');
  const names = organisationsOf((await seeded.retriever.retrievePassages('imperialist war', { k: 6, perStatement: 6, organisations: PAIR })).passages);
  assert.deepEqual([countOf(names, 'ICOR'), countOf(names, 'Anarchists of Afghanistan')], [4, 2]);
});

test('GIVEN an organisation with nothing on the question THEN the others take all the places, as if it were not named', async () => {
  const icor = await seeded.retriever.retrievePassages('imperialist war', { k: 6, organisations: ['ICOR'] });
  const withNobody = await seeded.retriever.retrievePassages('imperialist war', { k: 6, organisations: ['ICOR', 'No Such Organisation'] });
  assert.deepEqual(withNobody.passages.map((p) => p.id), icor.passages.map((p) => p.id));
  assert.equal(icor.passages.length, 2, 'one ICOR statement, two passages a statement');
});

const TURNS: [string, { id: string; score: number }[][], number, string[]][] = [
  ['equal rankings', [[{ id: 'a1', score: 0.9 }, { id: 'a2', score: 0.8 }], [{ id: 'b1', score: 1 }, { id: 'b2', score: 0.1 }]], 4, ['b1', 'a1', 'a2', 'b2']],
  ['one ranking short', [[{ id: 'a1', score: 1 }, { id: 'a2', score: 0.9 }, { id: 'a3', score: 0.8 }], [{ id: 'b1', score: 0.5 }]], 3, ['a1', 'b1', 'a2']],
  ['one ranking empty', [[], [{ id: 'b1', score: 1 }, { id: 'b2', score: 0.5 }]], 3, ['b1', 'b2']],
  ['k cutting a turn', [[{ id: 'a1', score: 0.2 }], [{ id: 'b1', score: 0.7 }], [{ id: 'c1', score: 0.5 }]], 2, ['b1', 'c1']],
];

for (const [name, rankings, k, expected] of TURNS) {
  test(`GIVEN ${name} THEN the organisations take turns: ${expected.join(', ')}`, () => {
    assert.deepEqual(sharePerOrganisation(rankings, k).map((passage) => passage.id), expected);
  });
}
