import assert from 'node:assert/strict';
import { test } from 'node:test';
import { saveIntakeStatement } from '../../src/store/intake-writes.js';
import { openForWriting } from '../../src/store/migrate.js';
import { readProvenance, type Provenance } from '../../src/store/provenance.js';
import type { StatementInput } from '../../src/store/records.js';
import { corpusVersion } from '../../src/store/statement-writes.js';
import { statementVersions } from '../../src/store/statement-versions.js';
import { findWebPage, recordPageFailure } from '../../src/store/web-pages.js';

const URL_ = 'https://appeals.example/against-war';
const FIRST = 'Comrades from Belarus, Kazakhstan, Ukraine and Russia appeal against the war. Signatories: 1. MLPD 2. PCPCI';
const GROWN = `${FIRST} 3. ICOR`;

function statement(text: string, hash: string): StatementInput {
  return {
    source: URL_, externalId: null, title: 'Appeal against war', organisation: 'Comrades from Belarus, Kazakhstan, Ukraine and Russia',
    date: '2022-02-27', language: 'en', url: URL_, text, passages: [{ ordinal: 0, start: 0, end: text.length, text }], contentHash: hash,
  };
}

function provenance(fetchedAt: string, contentHash: string): Provenance {
  return { origin: 'web', sourceUrl: URL_, fetchedUrl: URL_, filename: null, fetchedAt, contentHash, contentType: 'text/html', fields: { title: 'page', organisation: 'sources-file', date: 'feed', language: 'inferred', url: 'page' } };
}

const page = (bodyHash: string, at: string) => ({ url: URL_, etag: `"${bodyHash}"`, lastModified: null, bodyHash, given: null, checkedAt: new Date(at) });

test('GIVEN a page whose signatory list grew THEN the statement keeps its id, the old text is a dated version, provenance and page state are new', async () => {
  const db = await openForWriting(':memory:');
  const first = await saveIntakeStatement(db, { statement: statement(FIRST, 'h1'), provenance: provenance('2026-01-01T00:00:00.000Z', 'b1'), page: page('b1', '2026-01-01T00:00:00Z') }, new Date('2026-01-01T00:00:00Z'));
  assert.equal(first.outcome, 'added');
  const version = await corpusVersion(db);

  const again = await saveIntakeStatement(db, { statement: statement(FIRST, 'h1'), provenance: provenance('2026-01-02T00:00:00.000Z', 'b1'), page: page('b1', '2026-01-02T00:00:00Z') });
  assert.equal(again.outcome, 'unchanged');
  assert.equal(await corpusVersion(db), version, 'an unchanged statement bumps nothing');
  assert.equal((await readProvenance(db, first.id))?.fetchedAt, '2026-01-01T00:00:00.000Z', 'the provenance stays that of the text cited');

  const grown = await saveIntakeStatement(db, { statement: statement(GROWN, 'h2'), provenance: provenance('2026-02-01T00:00:00.000Z', 'b2'), page: page('b2', '2026-02-01T00:00:00Z') }, new Date('2026-02-01T00:00:00Z'));
  assert.deepEqual([grown.id, grown.outcome, grown.versionKept], [first.id, 'updated', true]);
  const row = await db.get<{ text: string }>('SELECT text FROM statements WHERE id = ?', [first.id]);
  assert.equal(row?.text, GROWN);
  const versions = await statementVersions(db, first.id);
  assert.equal(versions.length, 1);
  assert.equal(versions[0]!.text, FIRST);
  assert.equal(versions[0]!.replacedAt, '2026-02-01T00:00:00.000Z');
  assert.equal(versions[0]!.provenance?.fetchedAt, '2026-01-01T00:00:00.000Z');
  assert.deepEqual((await readProvenance(db, first.id))?.fields, provenance('', '').fields);
  assert.equal((await readProvenance(db, first.id))?.contentHash, 'b2');
  const state = await findWebPage(db, URL_);
  assert.deepEqual([state?.statementId, state?.bodyHash, state?.lastStatus, state?.etag], [first.id, 'b2', 'changed', '"b2"']);
  await db.close();
});

test('GIVEN only the pipeline changed (same text and metadata, new hash) THEN no version is kept', async () => {
  const db = await openForWriting(':memory:');
  const first = await saveIntakeStatement(db, { statement: statement(FIRST, 'h1'), provenance: provenance('2026-01-01T00:00:00.000Z', 'b1') });
  const redone = await saveIntakeStatement(db, { statement: statement(FIRST, 'h1-v5'), provenance: provenance('2026-01-02T00:00:00.000Z', 'b1') });
  assert.deepEqual([redone.outcome, redone.versionKept], ['updated', false]);
  assert.deepEqual(await statementVersions(db, first.id), []);
  await db.close();
});

test('GIVEN failures THEN they count up, and a success resets them', async () => {
  const db = await openForWriting(':memory:');
  assert.equal(await recordPageFailure(db, URL_, 'HTTP 500', new Date('2026-01-01T00:00:00Z'), null), 1);
  assert.equal(await recordPageFailure(db, URL_, 'HTTP 429', new Date('2026-01-01T01:00:00Z'), new Date('2026-01-01T02:00:00Z')), 2);
  assert.deepEqual(await findWebPage(db, URL_).then((p) => [p?.lastStatus, p?.lastError, p?.nextDueAt]), ['failed', 'HTTP 429', '2026-01-01T02:00:00.000Z']);
  await saveIntakeStatement(db, { statement: statement(FIRST, 'h1'), provenance: provenance('2026-01-03T00:00:00.000Z', 'b1'), page: page('b1', '2026-01-03T00:00:00Z') });
  assert.deepEqual(await findWebPage(db, URL_).then((p) => [p?.lastStatus, p?.consecutiveFailures, p?.nextDueAt, p?.lastError]), ['added', 0, null, null]);
  await db.close();
});
