import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normaliseQuestion } from '../../src/answer/cache.js';
import { parseMarkerNumbers } from '../../src/answer/citations.js';
import { extractiveAnswer } from '../../src/answer/extractive.js';
import { needsContext, searchTextForTurn } from '../../src/answer/follow-up.js';
import { answerLanguage } from '../../src/answer/language.js';
import { withoutStopWords } from '../../src/answer/retrieval.js';
import { splitSentences } from '../../src/answer/sentences.js';
import { detectLanguage } from '../../src/language/detect.js';
import { seedSources } from './fixtures.js';

describe('sentences', () => {
  const cases: [string, string[], boolean?][] = [
    ['One. Two! Three?', ['One.', 'Two!', 'Three?']],
    ['The U.S. army left. Mr. Smith stayed.', ['The U.S. army left.', 'Mr. Smith stayed.']],
    ['It grew 3.5 percent, e.g. in cities. Next.', ['It grew 3.5 percent, e.g. in cities.', 'Next.']],
    ['Line one\nLine two', ['Line one', 'Line two']],
    ['1. First item\n2. Second item', ['1. First item', '2. Second item']],
    ['A claim. [1] Another [2].', ['A claim. [1]', 'Another [2].'], true],
    ['She said “We stop. We go.” [1] Then.', ['She said “We stop. We go.” [1]', 'Then.'], true],
    ['„Nieder mit den Taliban!“ [2] Weiter.', ['„Nieder mit den Taliban!“ [2]', 'Weiter.'], true],
  ];
  for (const [text, expected, answerText] of cases) {
    test(`GIVEN ${JSON.stringify(text)} THEN ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(splitSentences(text, { answerText }).map((s) => text.slice(s.start, s.end)), expected);
    });
  }
});

describe('citation markers', () => {
  const cases: [string, number[]][] = [
    ['[2]', [2]],
    ['[1, 3]', [1, 3]],
    ['[2–4]', [2, 3, 4]],
    ['[Source 2]', [2]],
    ['[1-100]', []],
  ];
  for (const [marker, numbers] of cases) test(`GIVEN ${marker} THEN ${JSON.stringify(numbers)}`, () => assert.deepEqual(parseMarkerNumbers(marker), numbers));
});

describe('the language of the answer', () => {
  const cases: [string, string | undefined, string][] = [
    ['What does ICOR say about the Taliban?', 'de', 'en'],
    ['Was sagt die ICOR über die Taliban?', 'en-US', 'de'],
    ['Que dit le CIPOML sur les talibans ?', undefined, 'fr'],
    ['¿Qué dicen las declaraciones sobre los refugiados?', undefined, 'es'],
    ['Что говорит ICOR о талибах?', undefined, 'ru'],
    ['Що каже ICOR про талібів?', 'ru', 'uk'],
    ['ایکور درباره طالبان چه می‌گوید؟', 'en-US', 'fa'],
    ['ایکور د طالبانو په اړه څه وايي؟', 'fa', 'ps'],
    ['ماذا تقول إيكور عن حركة طالبان؟', undefined, 'ar'],
    ['ICOR Taliban hakkında ne söylüyor?', 'en-GB', 'tr'],
    ['Taliban', 'pt-BR', 'pt'],
    ['Taliban?', 'uk', 'uk'],
    ['NATO?', undefined, 'en'],
  ];
  for (const [question, requested, expected] of cases) {
    test(`GIVEN ${JSON.stringify(question)} and locale ${requested} THEN ${expected}`, () => assert.equal(answerLanguage(question, requested), expected));
  }
  test('GIVEN only names THEN no language of its own', () => {
    assert.equal(detectLanguage('Taliban NATO'), undefined);
  });
  test('GIVEN a German question THEN its function words are not searched, its acronyms are', () => {
    assert.equal(withoutStopWords('Was sagt DIE LINKE über die Taliban?', 'de'), 'DIE LINKE Taliban?');
    assert.equal(withoutStopWords('Why did people die?', 'en'), 'Why did people die?');
  });

  test('GIVEN a quoted phrase in a French question THEN its function words stay, the rest go', () => {
    assert.equal(withoutStopWords('Que dit la France sur « la paix » et "le droit de retour" ?', 'fr'), 'France « la paix » "le droit de retour" ?');
  });
});

describe('follow-up questions', () => {
  const cases: [string, boolean][] = [
    ['And what about refugees?', true],
    ['What do they say about refugees?', true],
    ['Why?', true],
    ['What does ICOR say about the Taliban withdrawal?', false],
    ['Was sagen sie über Flüchtlinge?', true],
  ];
  for (const [question, expected] of cases) test(`GIVEN ${JSON.stringify(question)} THEN needs context: ${expected}`, () => assert.equal(needsContext(question), expected));

  test('GIVEN a follow-up THEN the search adds the previous question and the organisations the answer named', () => {
    const history = [
      { role: 'user' as const, content: 'What does JAKNA say about Ukraine?' },
      { role: 'assistant' as const, content: 'JAKNA condemns the invasion [1], as does ICOR [2]; JAKNA adds more [1].' },
    ];
    assert.equal(searchTextForTurn('And refugees?', history, ['ICOR', 'JAKNA', 'CIPOML']), 'And refugees? What does JAKNA say about Ukraine? JAKNA ICOR');
    assert.equal(searchTextForTurn('What does CIPOML say about women?', history, ['ICOR']), 'What does CIPOML say about women?');
  });
});

describe('the cache key question', () => {
  test('GIVEN case, spacing, quotes and end punctuation THEN one question', () => {
    assert.equal(normaliseQuestion('  What does “ICOR” say about the Taliban?? '), normaliseQuestion('what does icor say about  the taliban'));
  });
});

describe('the extractive answer', () => {
  test('GIVEN a German question THEN German framing, quotes verbatim from the passages', () => {
    const answer = extractiveAnswer('Was sagt JAKNA über die russische Invasion und die Ukraine?', seedSources(), 'de', 'no-model');
    assert.ok(answer);
    assert.match(answer.text, /^Es ist kein Sprachmodell eingerichtet/);
    for (const source of answer.sources) for (const passage of source.passages) for (const quote of passage.quotes) assert.ok(passage.text.includes(quote));
  });
  test('GIVEN a question no sentence answers THEN no extractive answer', () => {
    assert.equal(extractiveAnswer('climate change policy', seedSources(), 'en', 'no-model'), undefined);
  });
});
