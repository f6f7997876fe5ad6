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
