import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import type { Retriever } from '../../src/search/retriever.js';
import { understoodLine } from '../../src/search/understood-line.js';
import type { Database } from '../../src/store/database.js';
import { seedDatabase } from './seed-db.js';

/**
 * Who and when a question names, as every surface gets them: through the
 * retriever (understood-retriever.ts) on the seed corpus — JAKNA 2022-03,
 * ICOR 2021-09-10, the Anarchists of Afghanistan 2021-07, the International
 * Conference … 2021, an undated appeal.
 */
let db: Database;
let retriever: Retriever;
before(async () => {
  ({ db } = await seedDatabase());
  retriever = createCorpusRetriever(db, { now: () => new Date('2026-12-02T00:00:00Z') });
});
after(() => db.close());

test('GIVEN a question naming a speaker THEN only its statements come back, and the line says who was read', async () => {
  const result = await retriever.search('What does ICOR say about the Taliban?', { understand: true });
  assert.deepEqual([...new Set(result.hits.map((hit) => hit.statement.organisation))], ['ICOR']);
  assert.equal(result.understood?.use, 'filter');
  assert.equal(understoodLine(result.understood), 'By: ICOR — not what you meant? Use the organisation/from/to options.');
  assert.doesNotMatch(result.query, /icor/i, 'the name is a filter, not a keyword');
});

test('GIVEN a speaker named only as a topic THEN no filter: the name stays a keyword', async () => {
  const result = await retriever.search('What do the statements say about JAKNA?', { understand: true });
  assert.equal(result.understood, undefined);
  assert.match(result.query, /jakna/i);
});

test('GIVEN an organisation option and a question naming another THEN the option wins, and the line says so', async () => {
  const result = await retriever.search('What does ICOR say about the Taliban?', { understand: true, organisationPrefix: 'JAKNA' });
  assert.ok(result.hits.every((hit) => hit.statement.organisation === 'JAKNA'));
  assert.equal(result.understood?.use, 'overridden');
  assert.match(understoodLine(result.understood)!, /^Read as By: ICOR; the options you gave were used instead\.$/);
});

test('GIVEN a speaker and a period with nothing in it THEN everything is searched instead, and the line says nothing matched there', async () => {
  const result = await retriever.retrievePassages('What did ICOR say about the Taliban in 1999?', { understand: true });
  assert.ok(result.passages.length > 0, 'not "not covered"');
  assert.equal(result.understood?.use, 'fallback');
  assert.deepEqual(result.understood?.period, { from: '1999', to: '1999', text: 'in 1999' });
  assert.equal(understoodLine(result.understood), 'Nothing by ICOR in 1999 matched, so every statement was searched.');
});

test('GIVEN a question naming only who and when THEN their statements, newest first', async () => {
  const passages = await retriever.retrievePassages('What has JAKNA said since 2022?', { understand: true, k: 4 });
  assert.ok(passages.passages.length > 0);
  assert.ok(passages.passages.every((passage) => passage.statement.organisation === 'JAKNA'));
  assert.equal(passages.query, '', 'nothing left to search for: browsed');
  const page = await retriever.search('statements by ICOR in 2021', { understand: true });
  assert.deepEqual(page.hits.map((hit) => hit.statement.organisation), ['ICOR']);
});

test('GIVEN two speakers THEN each gets its share of the passages', async () => {
  const result = await retriever.retrievePassages('What do ICOR and JAKNA say about NATO and the Taliban?', { understand: true, k: 4, perStatement: 2 });
  const counts = new Map<string, number>();
  for (const passage of result.passages) counts.set(passage.statement.organisation, (counts.get(passage.statement.organisation) ?? 0) + 1);
  assert.deepEqual([...counts.keys()].sort(), ['ICOR', 'JAKNA']);
  assert.deepEqual([...counts.values()], [2, 2]);
});

test('GIVEN a fallback on the first page THEN the second page continues the same search', async () => {
  const first = await retriever.search('What did ICOR say about imperialism in 1999?', { understand: true, limit: 2 });
  const second = await retriever.search('What did ICOR say about imperialism in 1999?', { understand: true, limit: 2, offset: 2 });
  assert.equal(first.understood?.use, 'fallback');
  assert.equal(second.understood?.use, 'fallback');
  assert.equal(first.total, second.total);
});

test('GIVEN advanced syntax THEN it is taken as written, not read for who and when', async () => {
  const result = await retriever.search('ICOR AND taliban', { understand: true, advanced: true });
  assert.equal(result.understood, undefined);
});

test('GIVEN two speakers and one with nothing on the question THEN the other answers, and the line says who has nothing', async () => {
  const result = await retriever.retrievePassages('What do ICOR and JAKNA say about Guantanamo?', { understand: true, k: 4 });
  assert.ok(result.passages.length > 0 && result.passages.every((passage) => passage.statement.organisation === 'ICOR'));
  assert.deepEqual(result.understood?.silent, ['JAKNA']);
  assert.equal(understoodLine(result.understood), 'By: ICOR / JAKNA · nothing by JAKNA on this — not what you meant? Use the organisation/from/to options.');
});
