import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserFacingError } from '../../src/errors.js';
import { organisationScope } from '../../src/search/filter-sql.js';
import { MAX_FILTER_ORGANISATIONS, validateFilters, type SearchFilters } from '../../src/search/filters.js';

const NORMALISED: [string, SearchFilters, SearchFilters][] = [
  ['no filters', {}, {}],
  ['blank values', { organisations: [' ', ''], organisationPrefix: '  ', from: '', to: ' ' }, {}],
  ['values with spaces around them', { organisationPrefix: ' icor ', from: ' 2021 ', to: '2021-06-30 ' }, { organisationPrefix: 'icor', from: '2021', to: '2021-06-30' }],
  ['one organisation named twice in different cases', { organisations: ['ICOR', ' icor', 'JAKNA'] }, { organisations: ['ICOR', 'JAKNA'] }],
  ['a window inside one year', { from: '2021-03', to: '2021' }, { from: '2021-03', to: '2021' }],
];

for (const [name, input, expected] of NORMALISED) {
  test(`GIVEN ${name} THEN the filters come back trimmed, without empty values`, () => {
    assert.deepEqual(validateFilters(input), expected);
    assert.deepEqual(validateFilters(validateFilters(input)), expected, 'validating twice changes nothing');
  });
}

const REFUSED: [string, SearchFilters, string, string][] = [
  ['a date that is not a date', { from: 'last year' }, 'bad_date', '"last year" is not a date for from: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-06-01).'],
  ['a month 13', { to: '2021-13-01' }, 'bad_date', '"2021-13-01" is not a date for to: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-06-01).'],
  ['from after to', { from: '2022-01-01', to: '2021-12-31' }, 'bad_date', 'The start date 2022-01-01 is after the end date 2021-12-31.'],
  ['an enormous typed organisation', { organisationPrefix: 'x'.repeat(201) }, 'organisation_too_long', 'That organisation name is too long (at most 200 characters); pick one from the suggestions.'],
  ['an enormous organisation name', { organisations: ['ICOR', 'x'.repeat(201)] }, 'organisation_too_long', 'That organisation name is too long (at most 200 characters); pick one from the suggestions.'],
  ['too many organisations', { organisations: Array.from({ length: MAX_FILTER_ORGANISATIONS + 1 }, (_, i) => `Organisation ${i}`) }, 'too_many_organisations', `That names ${MAX_FILTER_ORGANISATIONS + 1} organisations; a search can be limited to at most ${MAX_FILTER_ORGANISATIONS}.`],
];

for (const [name, input, code, message] of REFUSED) {
  test(`GIVEN ${name} THEN a UserFacingError says what to fix`, () => {
    assert.throws(() => validateFilters(input), (error: unknown) => error instanceof UserFacingError && error.code === code && error.message === message);
  });
}

const SCOPES: [string, SearchFilters, string | null][] = [
  ['a typed prefix', { organisationPrefix: 'United King' }, 'organisation : ^"united king"*'],
  ['one exact name', { organisations: ['ICOR'] }, 'organisation : ^"icor"'],
  ['an exact name ending in a short word', { organisations: ['Group A'] }, 'organisation : ^"group a"'],
  ['several exact names', { organisations: ['ICOR', 'JAKNA'] }, '(organisation : ^"icor" OR organisation : ^"jakna")'],
  ['exact names and a prefix', { organisations: ['United Front'], organisationPrefix: 'Unit' }, 'organisation : ^"united front" AND organisation : ^"unit"*'],
  ['a name with no word in it among others', { organisations: ['ICOR', '—'] }, null],
  ['no organisation', { from: '2021' }, null],
];

for (const [name, filters, expected] of SCOPES) {
  test(`GIVEN ${name} THEN the FTS5 narrowing is ${expected}`, () => {
    assert.equal(organisationScope(filters), expected);
  });
}
