/**
 * /compare on UN General Debate speeches, where organisations are countries:
 * named as people name them, one state filed under two names, and the whole
 * corpus when its database is there.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { createComparer } from '../../../src/answer/compare/comparer.js';
import { createCorpusRetriever } from '../../../src/search/corpus-retriever.js';
import { Database } from '../../../src/store/database.js';
import { syntheticUngdcDatabase } from '../../search/ungdc-db.js';
import { testConfig, testLog } from '../fixtures.js';

const WHOLE_CORPUS = '/tmp/ungdc-bench.sqlite';

test('GIVEN UN speeches WHEN Russia and Iran are compared on nuclear weapons in 1980–1999 THEN Russia’s section holds the USSR’s speech too', async () => {
  const db = await syntheticUngdcDatabase();
  try {
    const comparer = createComparer({ retriever: createCorpusRetriever(db), config: testConfig({}), log: testLog });
    const result = await comparer.compare({ topic: 'nuclear weapons', organisations: ['Russia', 'Iranian'], from: '1980', to: '1999' });
    assert.deepEqual(result.sections.map((s) => [s.organisation, s.organisations]), [
      ['Russian Federation', ['Russian Federation', 'Union of Soviet Socialist Republics']],
      ['Iran', ['Iran']],
    ]);
    const russian = result.sources.filter((s) => /^(Russian Federation|Union of Soviet Socialist Republics)$/.test(s.organisation));
    assert.ok(russian.length >= 1);
    assert.ok(result.sections.every((s) => s.kind === 'verbatim'));
  } finally {
    await db.close();
  }
});

test('GIVEN UN speeches WHEN the topic names the countries ("Turkey and Cyprus on …") THEN they are compared on the rest', async () => {
  const db = await syntheticUngdcDatabase();
  try {
    const comparer = createComparer({ retriever: createCorpusRetriever(db), config: testConfig({}), log: testLog });
    const result = await comparer.compare({ topic: 'What did Turkey and Cyprus say about apartheid?' });
    assert.deepEqual(result.sections.map((s) => s.organisation), ['Turkey', 'Cyprus']);
    assert.equal(result.searched.words, 'apartheid');
    assert.equal(result.searched.query, '"apartheid"');
  } finally {
    await db.close();
  }
});

test('GIVEN the whole UN General Debate corpus WHEN five countries are compared on nuclear disarmament THEN each has its own cited section', { skip: existsSync(WHOLE_CORPUS) ? false : `no UN corpus database at ${WHOLE_CORPUS} (npm run ingest:ungdc -- --db ${WHOLE_CORPUS})` }, async () => {
  // Opened as it is, not through openForReading: a later migration (signatories, 0008) must not stop a test that needs only the search tables.
  const db = await Database.open(WHOLE_CORPUS, { readonly: true });
  try {
    const comparer = createComparer({ retriever: createCorpusRetriever(db), config: testConfig({}), log: testLog });
    const result = await comparer.compare({ topic: 'nuclear disarmament', organisations: ['USA', 'USSR', 'UK', 'France', 'China'] });
    assert.deepEqual(result.sections.map((s) => s.organisation), ['United States of America', 'Union of Soviet Socialist Republics', 'United Kingdom', 'France', 'China']);
    for (const section of result.sections) {
      assert.equal(section.kind, 'verbatim', section.organisation);
      const cited = [...section.text.matchAll(/\[(\d+)\]/g)].map((m) => result.sources.find((s) => s.n === Number(m[1]))!.organisation);
      assert.deepEqual([...new Set(cited)], [section.organisation], `${section.organisation} cites only its own statements`);
    }
  } finally {
    await db.close();
  }
});
