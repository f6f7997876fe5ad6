import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openForWriting } from '../../src/store/migrate.js';
import type { StatementInput } from '../../src/store/records.js';
import { corpusVersion, pruneStatements, saveStatement, slugify } from '../../src/store/statement-writes.js';

function statement(overrides: Partial<StatementInput> = {}): StatementInput {
  const text = 'The ICOR supports and fights for the rejection of any imperialist intervention. Down with Taliban!';
  return {
    source: 'icor.md',
    externalId: null,
    title: 'No to any imperialist or expansionist intervention!',
    organisation: 'ICOR',
    date: '2021-09-10',
    language: 'en',
    url: null,
    text,
    passages: [
      { ordinal: 0, start: 0, end: 80, text: text.slice(0, 80) },
      { ordinal: 1, start: 81, end: text.length, text: text.slice(81) },
    ],
    contentHash: 'hash-1',
    ...overrides,
  };
}

async function matches(db: Awaited<ReturnType<typeof openForWriting>>, query: string): Promise<number[]> {
  const rows = await db.all<{ rowid: number }>('SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rowid', [query]);
  return rows.map((row) => row.rowid);
}

test('GIVEN a new statement THEN its passages are indexed under its text, title and organisation', async () => {
  const db = await openForWriting(':memory:');
  const { outcome } = await saveStatement(db, statement());
  assert.equal(outcome, 'added');
  assert.equal((await matches(db, 'imperialists')).length, 2, 'porter stemming matches the title on every passage');
  assert.equal((await matches(db, 'text:taliban')).length, 1);
  assert.equal((await matches(db, 'organisation:icor')).length, 2);
  await db.close();
});

test('GIVEN the same content hash THEN re-saving is a no-op and the corpus version stays', async () => {
  const db = await openForWriting(':memory:');
  await saveStatement(db, statement());
  const version = await corpusVersion(db);
  assert.equal((await saveStatement(db, statement())).outcome, 'unchanged');
  assert.equal(await corpusVersion(db), version);
  await db.close();
});

test('GIVEN a changed statement THEN it keeps its id and the index forgets the old words', async () => {
  const db = await openForWriting(':memory:');
  const first = await saveStatement(db, statement());
  const text = 'Solidarity with the people of Ukraine.';
  const second = await saveStatement(db, statement({ organisation: 'JAKNA', text, contentHash: 'hash-2', passages: [{ ordinal: 0, start: 0, end: text.length, text }] }));
  assert.deepEqual(second, { id: first.id, outcome: 'updated' });
  assert.deepEqual(await matches(db, 'taliban'), []);
  assert.deepEqual(await matches(db, 'organisation:icor'), []);
  assert.equal((await matches(db, 'organisation:jakna AND ukraine')).length, 1);
  await db.run(`INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)`);
  await db.close();
});

test('GIVEN a source no longer present THEN prune removes it and its index entries', async () => {
  const db = await openForWriting(':memory:');
  await saveStatement(db, statement());
  await saveStatement(db, statement({ source: 'other.md', title: 'Other', contentHash: 'x' }));
  assert.deepEqual(await pruneStatements(db, new Set(['other.md'])), ['icor.md']);
  assert.equal((await matches(db, 'taliban')).length, 1);
  await db.run(`INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)`);
  await db.close();
});

test('GIVEN two statements with the same title THEN their slugs differ', async () => {
  const db = await openForWriting(':memory:');
  await saveStatement(db, statement());
  await saveStatement(db, statement({ source: 'copy.md', contentHash: 'y' }));
  const slugs = await db.all<{ slug: string }>('SELECT slug FROM statements ORDER BY id');
  assert.deepEqual(slugs.map((row) => row.slug), ['no-to-any-imperialist-or-expansionist-intervention', 'no-to-any-imperialist-or-expansionist-intervention-2']);
  await db.close();
});

test('slugify folds diacritics and punctuation', () => {
  assert.equal(slugify("Parti Communiste Prolétarien de Côte d'Ivoire"), 'parti-communiste-proletarien-de-cote-d-ivoire');
  assert.equal(slugify('!!!'), 'statement');
});
