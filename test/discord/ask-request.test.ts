import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateAskInput } from '../../src/discord/ask-request.js';
import { UserFacingError } from '../../src/errors.js';

const refused: { name: string; input: Parameters<typeof validateAskInput>[0]; message: RegExp }[] = [
  { name: 'an empty question', input: { question: '   ' }, message: /^Please type a question/ },
  { name: 'a 6,000-character question', input: { question: 'why '.repeat(1500) }, message: /is 5,999 characters long; please keep it under 1,000/ },
  { name: 'a date that is not a date', input: { question: 'q', from: 'last year' }, message: /"last year" is not a date for from: use YYYY, YYYY-MM or YYYY-MM-DD/ },
  { name: 'a month 13', input: { question: 'q', to: '2021-13-01' }, message: /not a date for to/ },
  { name: 'from after to', input: { question: 'q', from: '2022-01-01', to: '2021-12-31' }, message: /start date 2022-01-01 is after the end date 2021-12-31/ },
  { name: 'an enormous organisation', input: { question: 'q', organisation: 'x'.repeat(201) }, message: /organisation name is too long/ },
];

for (const { name, input, message } of refused) {
  test(`GIVEN ${name} THEN it is refused with a message that says what to fix`, () => {
    assert.throws(() => validateAskInput(input), (error: unknown) => error instanceof UserFacingError && message.test(error.message));
  });
}

test('GIVEN a question with blank options THEN only the question remains, trimmed', () => {
  assert.deepEqual(validateAskInput({ question: '  What about NATO? ', organisation: ' ', from: '', to: null }), { question: 'What about NATO?' });
  assert.deepEqual(validateAskInput({ question: 'q', organisation: 'ICOR', from: '2021', to: '2021-06-30' }), { question: 'q', organisation: 'ICOR', from: '2021', to: '2021-06-30' });
});

test('GIVEN a question that is only FTS syntax THEN it is accepted here (the answerer says nothing is searchable)', () => {
  assert.deepEqual(validateAskInput({ question: '" * NEAR( :' }), { question: '" * NEAR( :' });
});
