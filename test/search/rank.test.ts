import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../src/store/database.js';
import { rankByCommonWords } from '../../src/search/common-words.js';
import { ftsPhrases } from '../../src/search/fts-query.js';
import { organisationMatch } from '../../src/search/filter-sql.js';
import { BM25, rankPlainPassages } from '../../src/search/rank.js';
import { STATEMENT_BM25, statementPhrases } from '../../src/search/statement-evidence.js';
import { indexStats } from '../../src/search/index-stats.js';
import { seedDatabase } from './seed-db.js';

let db: Database;
before(async () => ({ db } = await seedDatabase()));
after(async () => db.close());

const NO_FILTER = { where: '', params: [] };

test('GIVEN words within the budget THEN the candidates are FTS5’s bm25 best, each scored half by itself and half by its statement', async () => {
  const phrases = ftsPhrases('Taliban women Kabul');
  const ranked = await rankPlainPassages(db, phrases, {}, 20);
  const match = phrases.join(' OR ');
  const passages = await db.all<{ id: number; statement_id: number; score: number }>(`SELECT passage_fts.rowid AS id, p.statement_id, -${BM25} AS score FROM passage_fts JOIN passages p ON p.id = passage_fts.rowid WHERE passage_fts MATCH ? ORDER BY ${BM25} LIMIT 20`, [match]);
  const words = await statementPhrases(await indexStats(db), phrases);
  assert.ok(words.length > 0 && words.length < phrases.length, `${words} of ${phrases}: a word in most seed statements scores no statement`);
  const statements = new Map((await db.all<{ id: number; score: number }>(`SELECT rowid AS id, -${STATEMENT_BM25} AS score FROM statement_fts WHERE statement_fts MATCH ?`, [words.join(' OR ')])).map((row) => [row.id, row.score]));
  assert.deepEqual(new Set(ranked.map((p) => p.id)), new Set(passages.map((row) => row.id)));
  const bestPassage = passages[0]!.score;
  const bestStatement = Math.max(...passages.map((row) => statements.get(row.statement_id) ?? 0));
  const expected = new Map(passages.map((row) => [row.id, 0.5 * (row.score / bestPassage) + 0.5 * ((statements.get(row.statement_id) ?? 0) / bestStatement)]));
  for (const passage of ranked) assert.ok(Math.abs(passage.score - expected.get(passage.id)!) < 1e-9, `passage ${passage.id}: ${passage.score} vs ${expected.get(passage.id)}`);
  assert.ok(ranked.every((p, i) => i === 0 || p.score <= ranked[i - 1]!.score), 'best first');
  assert.notDeepEqual(ranked.map((p) => p.id), passages.map((row) => row.id), 'the statements’ scores change the order here');
});

test('GIVEN a budget smaller than the words’ passages THEN passages with the rarest word come first, then the rest fill up', async () => {
  const phrases = ftsPhrases('Kabul imperialist war');
  const ranked = await rankPlainPassages(db, phrases, {}, 30, 12);
  const texts = await Promise.all(ranked.map(async (p) => (await db.get<{ text: string }>('SELECT text FROM passages WHERE id = ?', [p.id]))!.text));
  const withKabul = texts.filter((text) => /kabul/i.test(text)).length;
  assert.ok(withKabul > 0);
  assert.ok(texts.slice(0, withKabul).every((text) => /kabul/i.test(text)), 'the rare word decides the first candidates');
  assert.equal(withKabul, 5, 'every Kabul passage');
  assert.equal(ranked.length, 5 + 12, 'the other words fill the places left from their budget of most recent matches');
  assert.equal(new Set(ranked.map((p) => p.id)).size, ranked.length);
  assert.ok(ranked.every((p, i) => i === 0 || p.score <= ranked[i - 1]!.score), 'scores never go up');
});

test('GIVEN common words scored in JavaScript THEN the scores equal FTS5’s bm25 for the same passages', async () => {
  const phrases = ftsPhrases('imperialist war');
  const hits = await rankByCommonWords(db, phrases, NO_FILTER, 10);
  assert.ok(hits.length > 0);
  const fts = new Map((await db.all<{ id: number; score: number }>(`SELECT rowid AS id, -${BM25} AS score FROM passage_fts WHERE passage_fts MATCH ?`, [phrases.join(' AND ')])).map((row) => [row.id, row.score]));
  for (const hit of hits) assert.ok(Math.abs(hit.score - fts.get(hit.id)!) < 1e-9, `passage ${hit.id}: ${hit.score} vs FTS5 ${fts.get(hit.id)}`);
  assert.ok(hits.every((hit, i) => i === 0 || hit.score <= hits[i - 1]!.score));
});

test('GIVEN common words and a filter THEN only passages of matching statements', async () => {
  const hits = await rankByCommonWords(db, ftsPhrases('imperialist war'), { where: 's.organisation = ?', params: ['JAKNA'] }, 10);
  const organisations = await Promise.all(hits.map(async (hit) => (await db.get<{ o: string }>('SELECT organisation AS o FROM statements WHERE id = ?', [hit.statementId]))!.o));
  assert.ok(organisations.length > 0 && organisations.every((o) => o === 'JAKNA'));
});

const ORGANISATION_MATCHES: [string | undefined, string | null][] = [
  ['United King', 'organisation : ^"united king"*'],
  ['ICOR', 'organisation : ^"icor"*'],
  ['Côte d’Ivoire ', 'organisation : ^"cote d ivoire"'],
  ['Un', null],
  ['"(*', null],
  [undefined, null],
];

for (const [organisation, expected] of ORGANISATION_MATCHES) {
  test(`GIVEN the organisation filter ${JSON.stringify(organisation)} THEN the FTS5 narrowing is ${expected}`, () => {
    assert.equal(organisationMatch(organisation), expected);
  });
}

test('GIVEN a tiny budget and an organisation filter THEN that organisation’s passages are still found', async () => {
  const ranked = await rankPlainPassages(db, ftsPhrases('imperialist war Afghanistan'), { organisationPrefix: 'jakna' }, 20, 5);
  assert.ok(ranked.length >= 5);
  const organisations = await Promise.all(ranked.map(async (p) => (await db.get<{ o: string }>('SELECT organisation AS o FROM statements WHERE id = ?', [p.statementId]))!.o));
  assert.ok(organisations.every((o) => o === 'JAKNA'));
});
