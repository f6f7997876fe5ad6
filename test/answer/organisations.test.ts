/**
 * A question limited to organisations by their exact names (as a question
 * understanding step would recognise them), beside the typed organisation.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheKey } from '../../src/answer/cache.js';
import { retrieveForQuestion } from '../../src/answer/retrieval.js';
import { createFtsRetriever } from '../../src/search/fts-retriever.js';
import { seedDatabase } from './fixtures.js';
import { startHarness } from './harness.js';

test('GIVEN two exact organisations THEN the sources come from both, each one’s best first', async () => {
  const db = await seedDatabase();
  try {
    const retrieval = await retrieveForQuestion(createFtsRetriever(db), { question: 'What is said about NATO and the Taliban?', organisations: ['ICOR', 'JAKNA'] }, { language: 'en' });
    const organisations = retrieval.sources.map((source) => source.statement.organisation);
    assert.deepEqual(new Set(organisations), new Set(['ICOR', 'JAKNA']));
    assert.deepEqual(new Set(organisations.slice(0, 2)), new Set(['ICOR', 'JAKNA']), 'sources [1] and [2] are one of each');
  } finally {
    await db.close();
  }
});

test('GIVEN exact organisations and nothing matching THEN the reply says which organisations were searched', async () => {
  const harness = await startHarness({ withModel: false });
  try {
    const { result } = await harness.ask('What about quantum chromodynamics?', { organisations: ['ICOR', 'JAKNA'], from: '2020' });
    assert.equal(result.mode, 'not-found');
    assert.match(result.text, /\nSearched for "quantum" OR "chromodynamics" \(organisation ICOR \/ JAKNA, from 2020\): 0 matching passages\.$/);
    assert.deepEqual(result.searched.filters, { organisations: ['ICOR', 'JAKNA'], from: '2020' });
  } finally {
    await harness.close();
  }
});

test('GIVEN a bad date beside exact organisations THEN the answer is refused with the filters’ message', async () => {
  const harness = await startHarness({ withModel: false });
  try {
    await assert.rejects(harness.ask('What does ICOR say?', { organisations: ['ICOR'], from: 'soon' }), { code: 'bad_date', message: '"soon" is not a date for from: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-06-01).' });
  } finally {
    await harness.close();
  }
});

/** As the answerer passes them: every filter, given or not. */
const PARTS = { question: 'What does ICOR say about the Taliban?', organisation: 'ICOR', organisations: undefined, from: '2021', to: undefined, language: 'en', model: 'extractive', corpusVersion: 7 };

test('GIVEN a request without organisations THEN its cache key is the one its answer was stored under before they existed', () => {
  // At ANSWER_VERSION 4 (each version has keys of its own; this pins that `organisations` left out leaves the key alone).
  const before = '6fcc6f1a9c63b65b16a4f9f05fd279453e2e07365025977fb4a613c85320c648';
  assert.equal(cacheKey(PARTS), before);
  assert.equal(cacheKey({ ...PARTS, organisations: [] }), before);
});

test('GIVEN the same organisations in another order or case THEN one cache key; other organisations, another', () => {
  const key = cacheKey({ ...PARTS, organisations: ['ICOR', 'JAKNA'] });
  assert.equal(cacheKey({ ...PARTS, organisations: [' jakna', 'icor'] }), key);
  assert.notEqual(key, cacheKey(PARTS));
  assert.notEqual(key, cacheKey({ ...PARTS, organisations: ['ICOR'] }));
});
