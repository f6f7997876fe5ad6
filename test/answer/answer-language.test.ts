import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sourceNumber } from '../doubles/openai-server.js';
import { NON_LATIN_STATEMENTS } from '../language/statements.js';
import { statementInput } from './fixtures.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
before(async () => {
  harness = await startHarness({
    extra: [
      statementInput({ source: 'fa.txt', title: 'بیانیه درباره جنگ و پناهجویان', organisation: 'Persian Left', date: '2022-03', url: null, text: NON_LATIN_STATEMENTS.fa, language: 'fa' }),
      statementInput({ source: 'ru.txt', title: 'Нет войне против народа Украины', organisation: 'Russian Left', date: '2022-03', url: null, text: NON_LATIN_STATEMENTS.ru, language: 'ru' }),
    ],
  });
});
after(() => harness.close());

/** The language the model was last told to answer in. */
function promptLanguage(): string | undefined {
  return /Write the answer in ([^.]+)\./.exec(harness.model.requests.at(-1)!.messages[0]!.content)?.[1];
}

test('GIVEN a Persian question from a client set to en-US THEN the model is asked to answer in Persian', async () => {
  harness.model.enqueue({ text: (request) => `پناهجویان افغانستانی در ایران با تبعیض و اخراج روبرو هستند [${sourceNumber(request, 'Persian Left')}].` });
  const { result } = await harness.ask('پناهجویان افغانستانی در ایران با چه روبرو هستند؟', { language: 'en-US' });
  assert.equal(promptLanguage(), 'Persian');
  assert.equal(result.mode, 'llm');
});

test('GIVEN a Russian question from a client set to de THEN the model is asked to answer in Russian', async () => {
  harness.model.enqueue({ text: (request) => `Они требуют немедленного прекращения огня [${sourceNumber(request, 'Russian Left')}].` });
  await harness.ask('Что говорится о войне против народа Украины?', { language: 'de' });
  assert.equal(promptLanguage(), 'Russian');
});

test('GIVEN a one-word question from a client set to uk THEN the locale decides: Ukrainian', async () => {
  harness.model.enqueue({ text: (request) => `ICOR засуджує талібів [${sourceNumber(request, 'ICOR')}].` });
  await harness.ask('Taliban?', { language: 'uk' });
  assert.equal(promptLanguage(), 'Ukrainian');
});
