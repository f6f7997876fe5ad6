import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import { askRanking } from '../../src/answer/ask-ranking.js';
import { formatUngdcTable, ungdcMarkdown } from '../../src/search/eval/ungdc-report.js';
import { runUngdcEval, type UngdcEvalResult } from '../../src/search/eval/ungdc-run.js';
import type { Database } from '../../src/store/database.js';
import { syntheticUngdcDatabase } from './ungdc-db.js';

let db: Database;
let result: UngdcEvalResult;

before(async () => {
  db = await syntheticUngdcDatabase();
  result = await runUngdcEval(db, { rank: askRanking(createCorpusRetriever(db)), perCategory: 4 });
});
after(() => db.close());

test('GIVEN a question THEN askRanking gives the statements /ask would answer from, in source order, with speaker and date', async () => {
  const ranked = await askRanking(createCorpusRetriever(db))('What did Fiji say about climate change in 2019?');
  assert.ok(ranked.length >= 1);
  // Fiji and 2019 are who and when the question asks about: every statement is Fiji's of 2019.
  assert.ok(ranked.every((statement) => statement.organisation === 'Fiji' && statement.date === '2019'));
  assert.deepEqual(Object.keys(ranked[0]!).sort(), ['date', 'organisation', 'statementId']);
  assert.equal(ranked[0]!.organisation, 'Fiji');
  assert.equal(ranked[0]!.date, '2019');
});

test('GIVEN the synthetic corpus and the bot\'s retrieval THEN every question is asked and scored, with its first statement, by category, half and template', () => {
  assert.equal(result.statements, 14);
  assert.equal(result.questions.length, result.categories.reduce((sum, row) => sum + row.all.questions, 0));
  for (const row of result.categories) {
    assert.ok(row.all.questions > 0 && row.all.questions <= 4, `${row.category}: ${row.all.questions}`);
    assert.equal(row.byHalf.development.questions + row.byHalf['held-back'].questions, row.all.questions);
  }
  for (const question of result.questions) {
    assert.ok(question.score >= 0 && question.score <= 1);
    assert.ok(question.first, question.text);
  }
  assert.equal(result.byTemplate.reduce((sum, row) => sum + row.summary.questions, 0), result.questions.length);
});

test('GIVEN a retrieval that finds nothing THEN every question scores 0', async () => {
  const none = await runUngdcEval(db, { rank: async () => [], perCategory: 2 });
  assert.ok(none.questions.length > 0);
  assert.ok(none.questions.every((question) => question.score === 0 && question.first === undefined));
});

test('GIVEN a result THEN the terminal table and the benchmarks section show every category, its target and both halves', () => {
  const table = formatUngdcTable(result);
  const markdown = ungdcMarkdown(result, '2026-12-02, Node v20');
  for (const category of ['country-topic-year', 'adjective-topic-year', 'country-topic', 'country-topic-decade', 'topic-year']) {
    assert.match(table, new RegExp(`^${category} `, 'm'));
    assert.match(markdown, new RegExp(`^\\| ${category} \\|`, 'm'));
  }
  assert.match(markdown, /\| country-topic-year \| that speech first \| ≥ 95\.0% \|/);
  assert.match(markdown, /\| country-topic-decade \| .* \| – \|/);
  assert.match(markdown, /^\| country-topic-year\/\d \| [^|]*\{country\}[^|]*\{year\}[^|]* \| \d+ \| \d+\.\d% \|$/m);
});
