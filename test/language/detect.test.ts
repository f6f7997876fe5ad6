import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { baseLanguage, detectLanguage } from '../../src/language/detect.js';
import { LANGUAGE_SAMPLES } from './samples.js';

describe('the language of hand-written questions and paragraphs', () => {
  for (const sample of LANGUAGE_SAMPLES) {
    const name = `${sample.variety ?? sample.language} ${sample.kind}`;
    if (sample.variety === 'Kurmanji') {
      // ELD has no Kurmanji model: it is unsure rather than wrong, so the hint decides.
      test(`GIVEN a ${name} ${JSON.stringify(sample.text.slice(0, 40))} THEN unsure, and the hint decides`, () => {
        assert.equal(detectLanguage(sample.text), undefined);
        assert.equal(detectLanguage(sample.text, { hint: 'ku' }), 'ku');
      });
      continue;
    }
    test(`GIVEN a ${name} ${JSON.stringify(sample.text.slice(0, 40))} THEN ${sample.language}, whatever the hint`, () => {
      assert.equal(detectLanguage(sample.text), sample.language);
      assert.equal(detectLanguage(sample.text, { hint: sample.language === 'en' ? 'de' : 'en-US' }), sample.language);
    });
  }
});

describe('short, shouted and mixed text', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['What does ICOR say?', 'de', 'en'],
    ['WHAT DOES ICOR SAY ABOUT THE TALIBAN?', 'de', 'en'],
    ['Und was sagt die NATO?', 'en-US', 'de'],
    ['Что с беженцами?', 'en-US', 'ru'],
    ['پناهجویان چه می‌شوند؟', 'en-US', 'fa'],
    // One word, or names and acronyms only: the hint, else unsure.
    ['Taliban', 'pt-BR', 'pt'],
    ['Taliban', undefined, undefined],
    ['NATO?', undefined, undefined],
    ['Taliban NATO', undefined, undefined],
    ['Kabul 2021', 'fr', 'fr'],
    ['Und die NATO?', 'de', 'de'],
    ['Why?', 'fr', 'fr'],
    ['А НАТО?', 'uk', 'uk'],
    ['طالبان', 'fa', 'fa'],
    ['', 'es-419', 'es'],
    ['🙂 ✊ 2022', undefined, undefined],
    // A word of another language inside a question doesn't make it that language.
    ['What do the statements mean by «спецоперация»?', 'ru', 'en'],
    ['Was bedeutet „Intifada“ in der Erklärung der KKE?', 'en', 'de'],
    // A name spelled the Pashto way in a Persian question stays Persian.
    ['درباره مردم پښتونخوا چه گفته شده است؟', undefined, 'fa'],
  ];
  for (const [text, hint, expected] of cases) {
    test(`GIVEN ${JSON.stringify(text)} and hint ${hint} THEN ${expected ?? 'unsure'}`, () => assert.equal(detectLanguage(text, { hint }), expected));
  }

  test('GIVEN a Persian paragraph naming Pashto places the Pashto way THEN Persian', () => {
    const text = 'سیلاب‌های اخیر در ولایت‌های ننګرهار و کونړ صدها خانواده را بی‌خانمان کرده است. ما از همه سازمان‌های مترقی می‌خواهیم که به کمک مردم آسیب‌دیده بشتابند و دولت را برای بی‌توجهی به این فاجعه پاسخگو کنند.';
    assert.equal(detectLanguage(text), 'fa');
  });

  test('GIVEN an English statement that quotes a Russian paragraph later on THEN English, the language it opens in', () => {
    const english = 'The ICOR supports the revolutionary and democratic parties and organizations in Afghanistan, which now conduct the struggle for liberation under most difficult conditions. ';
    const russian = 'Мы, группа товарищей из Беларуси, Казахстана, Украины и России, обращаемся к вам: мы должны не допустить войну! ';
    assert.equal(detectLanguage(english.repeat(6) + russian.repeat(20)), 'en');
  });
});

describe('language tags', () => {
  test('GIVEN a tag THEN its base language', () => {
    assert.deepEqual(['pt-BR', 'EN_us', 'zh-Hant-TW', 'uk', 'not a tag', '', undefined].map(baseLanguage), ['pt', 'en', 'zh', 'uk', undefined, undefined, undefined]);
  });
});
