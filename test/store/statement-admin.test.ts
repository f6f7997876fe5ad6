import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { recentCorpusChanges } from '../../src/store/corpus-changes.js';
import type { Database } from '../../src/store/database.js';
import { openForWriting } from '../../src/store/migrate.js';
import { readProvenance, writeProvenance } from '../../src/store/provenance.js';
import { correctStatementMetadata, removeStatement } from '../../src/store/statement-admin.js';
import { statementVersions } from '../../src/store/statement-versions.js';
import { corpusVersion, saveStatement } from '../../src/store/statement-writes.js';
import { seedInputs } from '../search/seed-db.js';

const ALICE = { id: '1010000000000000011', name: 'alice' };
const AT = new Date('2026-12-01T10:00:00.000Z');

async function seeded(path = ':memory:'): Promise<{ db: Database; icor: number }> {
  const db = await openForWriting(path);
  for (const input of seedInputs()) await saveStatement(db, input);
  const icor = (await db.get<{ id: number }>("SELECT id FROM statements WHERE organisation = 'ICOR'"))!.id;
  return { db, icor };
}

const passagesMatching = async (db: Database, query: string): Promise<number> => (await db.get<{ n: number }>('SELECT count(*) AS n FROM passage_fts WHERE passage_fts MATCH ?', [query]))!.n;

test('GIVEN a corrected organisation and date THEN the statement, its index rows and the change record all say so, and cached answers go stale', async () => {
  const { db, icor } = await seeded();
  const before = await corpusVersion(db);
  assert.ok((await passagesMatching(db, 'organisation:icor')) > 0);

  const result = await correctStatementMetadata(db, icor, { organisation: 'International Coordination of Revolutionary Parties', date: '2021-09-11', title: 'No to any imperialist or expansionist intervention! The people of Afghanistan can only liberate themselves!' }, ALICE, AT);

  assert.deepEqual(result?.changes, [
    { field: 'organisation', old: 'ICOR', new: 'International Coordination of Revolutionary Parties' },
    { field: 'date', old: '2021-09-10', new: '2021-09-11' },
  ], 'the unchanged title is not a change');
  const row = await db.get<{ organisation: string; date: string }>('SELECT organisation, date FROM statements WHERE id = ?', [icor]);
  assert.deepEqual(row, { organisation: 'International Coordination of Revolutionary Parties', date: '2021-09-11' });
  assert.equal(await passagesMatching(db, 'organisation:icor'), 0, 'the old organisation is gone from the passage index');
  assert.ok((await passagesMatching(db, 'organisation:revolutionary')) > 0, 'the passages are found under the new one');
  assert.equal((await db.get<{ n: number }>("SELECT count(*) AS n FROM statement_fts WHERE statement_fts MATCH 'organisation:revolutionary'"))!.n, 1);
  assert.equal(await corpusVersion(db), before + 1);
  assert.equal((await statementVersions(db, icor)).at(-1)?.organisation, 'ICOR', 'what readers saw before is kept');

  const changes = await recentCorpusChanges(db, 10);
  assert.deepEqual(changes.map((c) => [c.actor.name, c.action, c.statementId, c.field, c.oldValue, c.newValue, c.at]), [
    ['alice', 'edit', icor, 'date', '2021-09-10', '2021-09-11', AT.toISOString()],
    ['alice', 'edit', icor, 'organisation', 'ICOR', 'International Coordination of Revolutionary Parties', AT.toISOString()],
  ]);
  await db.close();
});

test('GIVEN the values the statement already has THEN nothing is written or recorded', async () => {
  const { db, icor } = await seeded();
  const before = await corpusVersion(db);
  const result = await correctStatementMetadata(db, icor, { organisation: 'ICOR', date: '2021-09-10' }, ALICE, AT);
  assert.deepEqual(result?.changes, []);
  assert.equal(await corpusVersion(db), before);
  assert.deepEqual(await recentCorpusChanges(db, 10), []);
  assert.equal(await correctStatementMetadata(db, 999_999, { date: '2020' }, ALICE, AT), undefined, 'no such statement');
  await db.close();
});

test('GIVEN a statement that came through intake WHEN a field is corrected THEN that field is marked as given by an admin', async () => {
  const { db, icor } = await seeded();
  await writeProvenance(db, icor, { origin: 'web', sourceUrl: 'https://example.org/icor', fetchedUrl: 'https://example.org/icor', filename: null, fetchedAt: AT.toISOString(), contentHash: 'abc', contentType: 'text/html', fields: { title: 'page', organisation: 'inferred', date: 'page' } });
  await correctStatementMetadata(db, icor, { organisation: 'ICOR (International Coordination)' }, ALICE, AT);
  assert.deepEqual((await readProvenance(db, icor))?.fields, { title: 'page', organisation: 'admin', date: 'page' });
  await db.close();
});

test('GIVEN a removed statement THEN search no longer finds it and the record keeps its title and who removed it', async () => {
  const { db, icor } = await seeded();
  const before = await corpusVersion(db);
  assert.deepEqual(await removeStatement(db, icor, ALICE, AT), { title: 'No to any imperialist or expansionist intervention! The people of Afghanistan can only liberate themselves!', source: seedInputs()[1]!.source });
  assert.equal(await db.get('SELECT id FROM statements WHERE id = ?', [icor]), undefined);
  assert.equal(await passagesMatching(db, 'organisation:icor'), 0);
  assert.equal(await corpusVersion(db), before + 1);
  const [change] = await recentCorpusChanges(db, 1);
  assert.deepEqual([change?.action, change?.statementId, change?.actor.id, change?.statementTitle.startsWith('No to any imperialist')], ['remove', icor, ALICE.id, true]);
  assert.equal(await removeStatement(db, icor, ALICE, AT), undefined, 'removing twice finds nothing');
  await db.close();
});

test('GIVEN a statement being rewritten on the writer connection THEN a reader connection sees the old statement until the commit, then the new one — never half', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'corpus-admin-')), 'corpus.sqlite');
  const { db: writer, icor } = await seeded(path);
  const reader = await openForWriting(path);
  const icorInput = seedInputs()[1]!;
  const newText = 'The ICOR calls for solidarity with the women of Afghanistan.\nNo to the Taliban regime.\nNo to imperialist intervention.';
  const read = async (db: Database) => (await db.all<{ text: string }>('SELECT text FROM passages WHERE statement_id = ? ORDER BY ordinal', [icor])).map((p) => p.text);
  const oldPassages = await read(reader);

  // Pause the real write right after it deleted the old passages, before the new ones are in.
  const seenHalfway: { reader?: string[]; writer?: string[] } = {};
  const run = writer.run.bind(writer);
  writer.run = async (sql, params) => {
    const result = await run(sql, params);
    if (sql.startsWith('DELETE FROM passages')) {
      seenHalfway.reader = await read(reader);
      seenHalfway.writer = await read(writer);
    }
    return result;
  };
  const lines = newText.split('\n');
  let offset = 0;
  const passages = lines.map((text, ordinal) => ({ ordinal, start: (offset += ordinal === 0 ? 0 : lines[ordinal - 1]!.length + 1), end: offset + text.length, text }));
  await saveStatement(writer, { ...icorInput, text: newText, passages, contentHash: 'changed' });

  assert.deepEqual(seenHalfway.writer, [], 'the writer\'s own connection sees its half-done write: why the bot writes on a connection of its own');
  assert.deepEqual(seenHalfway.reader, oldPassages, 'a reader mid-write sees the whole old statement');
  assert.deepEqual(await read(reader), lines, 'and after the commit the whole new one');
  await reader.close();
  await writer.close();
});
