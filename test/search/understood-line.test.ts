import assert from 'node:assert/strict';
import { test } from 'node:test';
import { understoodLine } from '../../src/search/understood-line.js';

const ICOR = 'ICOR (International Coordination of Revolutionary Parties and Organizations)';

test('GIVEN a long organisation name asked for by its acronym THEN the line names it as the name writes the acronym', () => {
  assert.equal(understoodLine({ speakers: [{ text: 'icor', organisations: [ICOR] }], use: 'filter' }), 'By: ICOR — not what you meant? Use the organisation/from/to options.');
});

test('GIVEN a demonym and a period THEN the countries and the absolute period', () => {
  assert.equal(understoodLine({ speakers: [{ text: 'Congolese', organisations: ['Congo', 'Democratic Republic of the Congo'] }], period: { from: '1990', to: '1999', text: 'in the 1990s' }, use: 'filter' }), 'By: Congo / Democratic Republic of the Congo · 1990–1999 — not what you meant? Use the organisation/from/to options.');
  assert.equal(understoodLine({ speakers: [], period: { from: '2022', text: 'since 2022' }, use: 'fallback' }), 'Nothing since 2022 matched, so every statement was searched.');
});

test('GIVEN a long name the question did not spell out THEN it is cut, never the line', () => {
  const line = understoodLine({ speakers: [{ text: 'French', organisations: ['Société Nationale des Organisations Françaises de la Grande Tradition'] }], use: 'filter' })!;
  assert.equal(line, 'By: Société Nationale des Organisations… — not what you meant? Use the organisation/from/to options.');
});

test('GIVEN nothing understood THEN no line', () => assert.equal(understoodLine(undefined), undefined));

test('GIVEN a speaker with nothing on the question THEN the line names it as the question did', () => {
  assert.equal(
    understoodLine({ speakers: [{ text: 'icor', organisations: [ICOR] }, { text: 'JAKNA', organisations: ['JAKNA'] }], use: 'filter', silent: [ICOR] }),
    'By: ICOR / JAKNA · nothing by ICOR on this — not what you meant? Use the organisation/from/to options.',
  );
});

test('GIVEN only a malformed date THEN the line says it is not a date, that no period was used, and how dates are written', () => {
  assert.equal(understoodLine({ speakers: [], invalidDates: ['2021-13'], use: 'filter' }), '“2021-13” is not a date: searched without a period. Dates are YYYY, YYYY-MM or YYYY-MM-DD.');
});

test('GIVEN a speaker and a malformed date THEN the clause comes first, where a length limit cannot cut it, however long the names', () => {
  assert.equal(
    understoodLine({ speakers: [{ text: 'Iran', organisations: ['Iran'] }], invalidDates: ['2021-13', '2021-02-30'], use: 'filter' }),
    '“2021-13” and “2021-02-30” are not dates: searched without a period · By: Iran — not what you meant? Use the organisation/from/to options.',
  );
  const long = (n: number) => `Organisation ${n} of the Société Nationale des Organisations Françaises`;
  const speakers = [1, 2, 3, 4, 5].map((n) => ({ text: `S${n}`, organisations: [long(n)] }));
  const line = understoodLine({ speakers, period: { from: '1990-01-01', to: '1999-12-31', text: 'x' }, invalidDates: ['2021-13'], silent: [long(1), long(2)], use: 'filter' })!;
  assert.ok(line.length > 256, 'longer than an embed author line');
  assert.ok(line.slice(0, 256).startsWith('“2021-13” is not a date · By: '), line);
});

test('GIVEN a real period beside a malformed date THEN the line does not say it searched without a period', () => {
  assert.equal(
    understoodLine({ speakers: [], period: { from: '1990', text: 'since 1990' }, invalidDates: ['2021-13'], use: 'filter' }),
    '“2021-13” is not a date · since 1990 — not what you meant? Use the organisation/from/to options.',
  );
  assert.equal(understoodLine({ speakers: [], period: { from: '1990', text: 'since 1990' }, invalidDates: ['2021-13'], use: 'fallback' }), 'Nothing since 1990 matched, so every statement was searched. “2021-13” is not a date.');
});

test('GIVEN explicit options over a speaker and a malformed date THEN both are said', () => {
  assert.equal(
    understoodLine({ speakers: [{ text: 'Iran', organisations: ['Iran'] }], invalidDates: ['2021-13'], use: 'overridden' }),
    'Read as By: Iran; the options you gave were used instead. “2021-13” is not a date: searched without a period.',
  );
});

test('GIVEN many or long malformed dates THEN two are quoted, each cut, and the rest counted: the line stays short', () => {
  const long = `2021-${'1'.repeat(40)}`;
  const line = understoodLine({ speakers: [], invalidDates: [long, '2021-13', '2021-14', '2021-15'], use: 'filter' })!;
  assert.equal(line, '“2021-11111111111111…”, “2021-13” and 2 more are not dates: searched without a period. Dates are YYYY, YYYY-MM or YYYY-MM-DD.');
  assert.ok(line.length < 256);
});
