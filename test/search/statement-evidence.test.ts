import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BM25 } from '../../src/search/rank.js';
import { search } from '../../src/search/search.js';
import { indexStats } from '../../src/search/index-stats.js';
import { statementPhrases, withStatementEvidence } from '../../src/search/statement-evidence.js';
import { migrate, openForWriting, readMigrations } from '../../src/store/migrate.js';
import { Database } from '../../src/store/database.js';
import type { StatementInput } from '../../src/store/records.js';
import { pruneStatements, saveStatement } from '../../src/store/statement-writes.js';
import { seedDatabase } from './seed-db.js';

/** A statement whose passages are the given paragraphs, joined by blank lines. */
function statement(source: string, title: string, paragraphs: string[], contentHash = source): StatementInput {
  const passages = [];
  let text = '';
  for (const paragraph of paragraphs) {
    if (text) text += '\n\n';
    passages.push({ ordinal: passages.length, start: text.length, end: text.length + paragraph.length, text: paragraph });
    text += paragraph;
  }
  return { source, externalId: null, title, organisation: 'Test', date: null, language: 'en', url: null, text, passages, contentHash };
}

async function statementMatches(db: Database, query: string): Promise<number[]> {
  const rows = await db.all<{ id: number }>('SELECT rowid AS id FROM statement_fts WHERE statement_fts MATCH ? ORDER BY rowid', [query]);
  return rows.map((row) => row.id);
}

async function checkIndex(db: Database): Promise<void> {
  await db.run(`INSERT INTO statement_fts (statement_fts, rank) VALUES ('integrity-check', 1)`);
}

test('GIVEN passages and statement scores THEN each passage is half its own score and half its statement’s, best first', () => {
  const passages = [
    { id: 1, statementId: 10, score: 8 },
    { id: 2, statementId: 20, score: 6 },
    { id: 3, statementId: 30, score: 4 },
  ];
  const ranked = withStatementEvidence(passages, new Map([[10, 1], [20, 4]]));
  assert.deepEqual(ranked.map((p) => p.id), [2, 1, 3]);
  assert.deepEqual(ranked.map((p) => p.score), [0.5 * 6 / 8 + 0.5, 0.5 + 0.5 * 1 / 4, 0.5 * 4 / 8]);
  assert.deepEqual(passages.map((p) => p.score), [8, 6, 4], 'the input is not changed');
});

test('GIVEN no statement scores THEN passages keep their scores and order', () => {
  const passages = [{ id: 1, statementId: 10, score: 3 }, { id: 2, statementId: 20, score: 3 }];
  assert.deepEqual(withStatementEvidence(passages, new Map()), passages);
  assert.deepEqual(withStatementEvidence(passages, new Map([[10, 0]])), passages);
});

test('GIVEN the seed statements THEN statements are scored by the words in at most half of them, rarest first, within the budget', async () => {
  const { db } = await seedDatabase();
  try {
    const stats = await indexStats(db);
    assert.equal(stats.statements, 5);
    // In how many of the 5 seeds: kabul 2, women 3, taliban 4, imperialist 5, and no seed says "zeppelin".
    const phrases = ['"taliban"', '"imperialist"', '"women"', '"kabul"', '"zeppelin"'];
    assert.deepEqual(await statementPhrases(stats, phrases), ['"kabul"']);
    assert.deepEqual(await statementPhrases(stats, ['"taliban"', '"women"']), [], 'words in most statements would add ~0 to bm25');
    assert.deepEqual(await statementPhrases(stats, ['"donate"', '"kabul"'], 2), ['"donate"'], 'the rarest first; "kabul" (2 statements) no longer fits a budget of 2');
  } finally {
    await db.close();
  }
});

test('GIVEN a statement about the question throughout and one with a single dense passage THEN search ranks the first above the second', async () => {
  const filler = 'The committee met in the spring and reviewed the budget, the staffing plan and the schedule for the coming year.';
  const throughout = statement('water.md', 'Drought and irrigation', [
    `The drought has lasted three seasons. ${filler}`,
    `Farmers need irrigation they can afford. ${filler}`,
    `Without rain, irrigation from rivers is the only water left, and the drought empties the rivers too. ${filler}`,
    `We call for a national plan against drought. ${filler}`,
  ]);
  const dense = statement('report.md', 'Annual report', [
    'Drought and irrigation: drought, irrigation.',
    `${filler} ${filler} ${filler}`,
    `The association elected a new board. ${filler} ${filler}`,
    `Membership grew by ten per cent. ${filler} ${filler}`,
    `The accounts were approved. ${filler} ${filler}`,
    `Two new offices opened. ${filler} ${filler}`,
    `The website was redesigned. ${filler} ${filler}`,
  ]);
  const { db } = await seedDatabase([throughout, dense]);
  try {
    const ids = new Map((await db.all<{ id: number; source: string }>('SELECT id, source FROM statements')).map((row) => [row.source, row.id]));
    // Passages alone would put the annual report first: its one passage is the best match.
    const byPassage = await db.all<{ statement_id: number }>(`SELECT p.statement_id FROM passage_fts JOIN passages p ON p.id = passage_fts.rowid WHERE passage_fts MATCH '"drought" OR "irrigation"' ORDER BY ${BM25}`);
    assert.equal(byPassage[0]!.statement_id, ids.get('report.md'));

    const result = await search(db, "drought irrigation");
    assert.deepEqual(result.hits.map((hit) => hit.statement.title), ['Drought and irrigation', 'Annual report']);
    assert.equal(result.hits[1]!.passage.text, 'Drought and irrigation: drought, irrigation.', 'the report is still shown by its best passage');
  } finally {
    await db.close();
  }
});

test('GIVEN statements added, changed, renamed and pruned THEN the statement index follows them', async () => {
  const db = await openForWriting(':memory:');
  try {
    const { id } = await saveStatement(db, statement('a.md', 'On wheat', ['Wheat prices rose.', 'Bread is dearer.']));
    await saveStatement(db, statement('b.md', 'On rice', ['Rice harvests failed.']));
    assert.deepEqual(await statementMatches(db, 'wheat AND bread'), [id], 'words of different passages match one statement');

    await saveStatement(db, statement('a.md', 'On wheat', ['Maize prices fell.'], 'changed'));
    assert.deepEqual(await statementMatches(db, 'bread'), []);
    assert.deepEqual(await statementMatches(db, 'maize'), [id]);

    await db.run('UPDATE statements SET title = ? WHERE id = ?', ['On barley', id]);
    assert.deepEqual(await statementMatches(db, 'title:barley'), [id]);
    assert.deepEqual(await statementMatches(db, 'title:wheat'), []);
    await checkIndex(db);

    await pruneStatements(db, new Set(['b.md']));
    assert.deepEqual(await statementMatches(db, 'maize OR barley'), []);
    assert.equal((await statementMatches(db, 'rice')).length, 1);
    await checkIndex(db);
  } finally {
    await db.close();
  }
});

test('GIVEN a database made before the statement index THEN migrating indexes the statements already there', async () => {
  const all = readMigrations();
  const db = await Database.open(':memory:');
  try {
    await migrate(db, all.filter((migration) => migration.version < 5));
    await saveStatement(db, statement('old.md', 'Older statement', ['Written before the statement index existed.']));
    await migrate(db, all);
    assert.equal((await statementMatches(db, 'existed')).length, 1);
    await checkIndex(db);
  } finally {
    await db.close();
  }
});
