import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UngdcQuestion } from '../../src/search/eval/ungdc-questions.js';
import { reportBy, reportByCategory, scoreQuestion, summarise, type RankedStatement } from '../../src/search/eval/ungdc-score.js';
import type { QuestionCategory } from '../../src/search/eval/ungdc-templates.js';

const IRAN_1984 = { statementId: 7, externalId: 'IRN_39_1984', organisation: 'Iran', year: 1984 };
const statement = (statementId: number, organisation: string, date: string | null): RankedStatement => ({ statementId, organisation, date });
const question = (category: QuestionCategory, half: UngdcQuestion['half'] = 'development', template = `${category}/1`): UngdcQuestion => ({
  id: `${category}:IRN_39_1984`,
  category,
  template,
  half,
  text: '',
  topic: 'apartheid',
  topicKind: 'word',
  named: 'corpus',
  speech: IRAN_1984,
});

const iran1984 = statement(7, 'Iran', '1984');
const iran1991 = statement(8, 'Iran', '1991');
const iran1976 = statement(9, 'Iran', '1976');
const turkey1984 = statement(10, 'Turkey', '1984');
const soviet1984 = statement(11, 'Union of Soviet Socialist Republics', '1984');

for (const { category, ranked, expected, why } of [
  { category: 'country-topic-year', ranked: [iran1984, turkey1984], expected: 1, why: 'that speech first' },
  { category: 'country-topic-year', ranked: [turkey1984, iran1984], expected: 0, why: 'that speech second' },
  { category: 'country-topic-year', ranked: [iran1991, iran1984], expected: 0, why: "the speaker's speech of another year first" },
  { category: 'country-topic-year', ranked: [], expected: 0, why: 'nothing retrieved' },
  { category: 'adjective-topic-year', ranked: [iran1984], expected: 1, why: 'that speech first' },
  { category: 'adjective-topic-year', ranked: [turkey1984, iran1984], expected: 0, why: 'another speaker first' },
  { category: 'country-topic', ranked: [iran1991, turkey1984], expected: 1, why: 'any statement by the speaker first' },
  { category: 'country-topic', ranked: [turkey1984, iran1984], expected: 0, why: 'another speaker first' },
  { category: 'country-topic-decade', ranked: [statement(12, 'Iran', '1989'), turkey1984], expected: 1, why: 'the speaker, that decade (1989)' },
  { category: 'country-topic-decade', ranked: [iran1991], expected: 0, why: 'the speaker, another decade (1991)' },
  { category: 'country-topic-decade', ranked: [statement(13, 'Iran', null)], expected: 0, why: 'the speaker, no date' },
  { category: 'topic-year', ranked: [iran1984, turkey1984, iran1991, soviet1984, iran1976], expected: 0.6, why: '3 of the first 5 from that year' },
  { category: 'topic-year', ranked: [iran1984, turkey1984, iran1991, soviet1984, iran1976, statement(14, 'Cuba', '1984')], expected: 0.6, why: 'only the first 5 count' },
  { category: 'topic-year', ranked: [iran1984, turkey1984], expected: 1, why: 'fewer than 5, all from that year' },
  { category: 'topic-year', ranked: [iran1991, statement(15, 'Cuba', '1984-09-28')], expected: 0.5, why: 'a full date counts by its year' },
  { category: 'topic-year', ranked: [], expected: 0, why: 'nothing retrieved' },
] as const) {
  test(`GIVEN a ${category} question about Iran 1984 and ${why} THEN it scores ${expected}`, () => {
    assert.equal(scoreQuestion(question(category), ranked), expected);
  });
}

test('GIVEN a question about the Russian Federation THEN a Soviet statement first does not answer it', () => {
  const russia = { ...question('country-topic'), speech: { statementId: 20, externalId: 'RUS_50_1995', organisation: 'Russian Federation', year: 1995 } };
  assert.equal(scoreQuestion(russia, [soviet1984]), 0);
  assert.equal(scoreQuestion(russia, [statement(21, 'Russian Federation', '2001')]), 1);
});

test('GIVEN scores THEN their mean with a 95% interval around it; no scores give NaN', () => {
  const summary = summarise([1, 1, 1, 0]);
  assert.equal(summary.questions, 4);
  assert.equal(summary.mean, 0.75);
  assert.ok(summary.low <= 0.75 && summary.high >= 0.75 && summary.low >= 0 && summary.high <= 1, JSON.stringify(summary));
  assert.deepEqual(summarise([1, 1, 1, 0]), summary, 'seeded');
  assert.deepEqual(summarise(Array(50).fill(1)), { questions: 50, mean: 1, low: 1, high: 1 });
  assert.ok(Number.isNaN(summarise([]).mean));
});

test('GIVEN scored questions THEN the report splits them by category and half, and by any key', () => {
  const scored = [
    { question: question('country-topic-year', 'development', 'country-topic-year/1'), score: 1 },
    { question: question('country-topic-year', 'held-back', 'country-topic-year/2'), score: 0 },
    { question: question('country-topic-year', 'held-back', 'country-topic-year/2'), score: 1 },
    { question: question('topic-year', 'development'), score: 0.4 },
  ];
  const byCategory = reportByCategory(scored);
  const countryTopicYear = byCategory.find((row) => row.category === 'country-topic-year')!;
  assert.equal(countryTopicYear.target, 0.95);
  assert.equal(countryTopicYear.all.mean, 2 / 3);
  assert.equal(countryTopicYear.byHalf.development.mean, 1);
  assert.equal(countryTopicYear.byHalf['held-back'].mean, 0.5);
  assert.equal(byCategory.find((row) => row.category === 'country-topic-decade')!.target, undefined);
  assert.equal(byCategory.find((row) => row.category === 'adjective-topic-year')!.all.questions, 0);
  assert.deepEqual(
    reportBy(scored, (q) => q.template).map((row) => [row.key, row.summary.questions, row.summary.mean]),
    [['country-topic-year/1', 1, 1], ['country-topic-year/2', 2, 0.5], ['topic-year/1', 1, 0.4]],
  );
});
