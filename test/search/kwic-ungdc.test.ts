import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createFtsRetriever } from '../../src/search/fts-retriever.js';
import { parseKwicQuery } from '../../src/search/kwic/kwic-query.js';
import { locatePhrase } from '../../src/search/kwic/locate.js';
import type { Retriever } from '../../src/search/retriever.js';
import { Database } from '../../src/store/database.js';
import { runCli } from '../cli/run-cli.js';

/** A fully ingested UN General Debate Corpus (npm run ingest:ungdc -- --db …; the search benchmark builds the second), opened read-only. */
const CANDIDATES = ['/tmp/ungdc-bench.sqlite', '/tmp/search-bench/ungdc.sqlite'];
const UN_DATABASE = CANDIDATES.find((path) => existsSync(path)) ?? CANDIDATES[0]!;
const skip = existsSync(UN_DATABASE) ? false : `no ingested UN General Debate Corpus at ${CANDIDATES.join(' or ')}`;

let db: Database;
let retriever: Retriever;
before(async () => {
  if (skip) return;
  db = await Database.open(UN_DATABASE, { readonly: true });
  retriever = createFtsRetriever(db);
});
after(() => db?.close());

/** Occurrences counted the slow way: every statement of the organisation read and searched. */
async function countByReading(organisation: string, phrase: string): Promise<{ occurrences: number; statements: number }> {
  const rows = await db.all<{ text: string }>('SELECT text FROM statements WHERE organisation = ?', [organisation]);
  const counts = rows.map((row) => locatePhrase(row.text, parseKwicQuery(phrase)).spans.length);
  return { occurrences: counts.reduce((a, b) => a + b, 0), statements: counts.filter((n) => n > 0).length };
}

for (const phrase of ['refugee', '"refugees"', 'united nations', 'nuclear weapons']) {
  test(`GIVEN ${phrase} by France in the UN corpus THEN the index's counts are those of reading every speech`, { skip }, async () => {
    const result = await retriever.concordance(phrase, { organisations: ['France'] });
    assert.ok(result.occurrences > 10);
    assert.deepEqual(result.organisations, [{ organisation: 'France', ...(await countByReading('France', phrase)) }]);
  });
}

test('GIVEN a common word in the whole UN corpus THEN counts per organisation add up, and pages run on in date order', { skip }, async () => {
  const first = await retriever.concordance('peace', { pageSize: 50 });
  assert.ok(first.occurrences > 100_000 && first.organisations.length > 150);
  assert.equal(first.organisations.reduce((sum, o) => sum + o.occurrences, 0), first.occurrences);
  assert.equal(first.organisations.reduce((sum, o) => sum + o.statements, 0), first.statements);
  assert.ok(first.lines.every((line) => /^peac/i.test(line.match)));
  assert.equal(first.lines[0]!.statement.date?.slice(0, 4), '1946');
  const later = await retriever.concordance('peace', { pageSize: 50, page: 1_000 });
  assert.deepEqual(later.lines.map((line) => line.n), Array.from({ length: 50 }, (_, i) => 49_951 + i));
  const dates = later.lines.map((line) => line.statement.date ?? '');
  assert.deepEqual(dates, [...dates].sort());
  assert.ok(dates[0]! > first.lines.at(-1)!.statement.date!);
});

test('GIVEN npm run kwic --json on the UN corpus THEN France\'s lines on nuclear weapons, by date, from its speeches', { skip }, async () => {
  const { code, stdout, stderr } = await runCli('src/cli/kwic.ts', ['nuclear weapons', '--org', 'France', '--to', '1970', '--json', '--db', UN_DATABASE]);
  assert.equal(code, 0, stderr);
  const result = JSON.parse(stdout);
  assert.deepEqual(result.organisations.map((o: { organisation: string }) => o.organisation), ['France']);
  assert.ok(result.lines.length > 0 && result.lines.every((line: { match: string; statement: { date: string } }) => /^nuclear weapons?$/i.test(line.match) && line.statement.date <= '1970'));
});
