import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserFacingError } from '../../src/errors.js';
import { alignedLine } from '../../src/search/kwic/align.js';
import { countExactPhrase } from '../../src/search/kwic/exact-counts.js';
import { parseKwicQuery } from '../../src/search/kwic/kwic-query.js';
import { contextOf, locatePhrase } from '../../src/search/kwic/locate.js';

/** The matched text of every occurrence of `phrase` in `text`. */
function matches(phrase: string, text: string): string[] {
  const located = locatePhrase(text, parseKwicQuery(phrase));
  return located.spans.map((span) => contextOf(text, located, span, 0).match);
}

const CASES: { given: string; phrase: string; text: string; found: string[] }[] = [
  { given: 'a word, stemmed', phrase: 'refugee', text: 'The countries hosting Afghan refugees have deported 27 Afghan refugees; the refugee camps are full.', found: ['refugees', 'refugees', 'refugee'] },
  { given: 'a quoted word, exact', phrase: '"refugees"', text: 'The countries hosting Afghan refugees have deported 27 Afghan refugees; the refugee camps are full.', found: ['refugees', 'refugees'] },
  { given: 'a word in capitals and with an apostrophe', phrase: 'taliban', text: "TALIBAN rule: the Taliban's return.", found: ['TALIBAN', 'Taliban'] },
  { given: 'a phrase, stemmed, across punctuation', phrase: 'imperialist intervention', text: 'No to any imperialist or expansionist intervention! Imperialists, interventions and the imperialist — intervention.', found: ['Imperialists, interventions', 'imperialist — intervention'] },
  { given: 'an exact phrase', phrase: '"right of return"', text: 'The right of return, the rights of return and the Right Of Return.', found: ['right of return', 'Right Of Return'] },
  { given: 'a word with diacritics, exact', phrase: '"cote d\'ivoire"', text: "Côte d'Ivoire and Cote d’Ivoire and COTE D'IVOIRE.", found: ["Côte d'Ivoire", 'Cote d’Ivoire', "COTE D'IVOIRE"] },
  { given: 'a Cyrillic word (never stemmed)', phrase: 'война', text: 'Война — это война, а не войны.', found: ['Война', 'война'] },
  { given: 'overlapping occurrences (as FTS5 counts them)', phrase: 'very very', text: 'very very very good', found: ['very very', 'very very'] },
  { given: 'a word inside a longer word', phrase: 'war', text: 'Warsaw and the war-torn Middle East: war.', found: ['war', 'war'] },
];

for (const { given, phrase, text, found } of CASES) {
  test(`GIVEN ${given} THEN every occurrence is found, as written`, () => {
    assert.deepEqual(matches(phrase, text), found);
  });
}

test('GIVEN a window of 3 words THEN the context is 3 words either side, whitespace made single spaces', () => {
  const text = 'Iran alone has deported 27 Afghan\n\nrefugees on Wednesday, July 7th, back to Afghanistan.';
  const located = locatePhrase(text, parseKwicQuery('refugee'));
  const context = contextOf(text, located, located.spans[0]!, 3);
  assert.deepEqual({ left: context.left, match: context.match, right: context.right }, { left: 'deported 27 Afghan', match: 'refugees', right: 'on Wednesday, July' });
  assert.equal(text.slice(context.start, context.end), 'refugees');
});

test('GIVEN an occurrence at the start of a text THEN its left context is empty', () => {
  const text = 'Refugees are welcome.';
  const located = locatePhrase(text, parseKwicQuery('refugee'));
  assert.equal(contextOf(text, located, located.spans[0]!, 5).left, '');
});

test('GIVEN nothing but punctuation or too many words THEN the phrase is refused with a message', () => {
  assert.throws(() => parseKwicQuery(' "" … '), UserFacingError);
  assert.throws(() => parseKwicQuery('one two three four five six seven eight nine'), /at most 8 words/);
});

test('GIVEN lines with contexts of different lengths THEN the matches start in the same column', () => {
  const lines = [
    alignedLine({ left: 'hosting Afghan', match: 'refugees', right: 'have not' }, 20),
    alignedLine({ left: 'a very long left context that must be cut from its start', match: 'refugee', right: 'camps' }, 20),
    alignedLine({ left: '', match: 'Refugees', right: ', who' }, 20),
  ];
  assert.deepEqual(lines.map((line) => line.indexOf('[')), [21, 21, 21]);
  assert.equal(lines[1], '… cut from its start [refugee] camps');
  assert.match(lines[2]!, /\[Refugees\], who$/);
});

const EXACT_COUNT_CASES: [string, string][] = [
  ['"cote d\'ivoire"', "Côte d'Ivoire, Co\u0302te d\u2019Ivoire, COTE D'IVOIRE, côtes d'Ivoire and Côte-d'Ivoirean."],
  ['"refugees"', 'Refugees, refugees! REFUGEES; refugee refugeesx xrefugees réfugees.'],
  ['"peace and security"', 'peace and security; peace, and security; peace and securityx; peace and; peace and security'],
  ['"ſtate"', 'state State ſtate'],
  // Letters written in other ways, with no combining mark in the text and then with one.
  ['"kelvin"', 'Kelvin, \u212Aelvin, KELVIN and kélvin; KÉLVIN.'],
  ['"refugees"', 'RÉFUGEES, Re\u0301fugees, REFUGEE\u0301S and refugees.'],
  ['"война"', 'Война — это война, а не войны.'],
  ['"2021"', 'In 2021, 20210 and 2021-09.'],
];

for (const [phrase, text] of EXACT_COUNT_CASES) {
  test(`GIVEN the exact phrase ${phrase} THEN counting it by pattern finds what tokenizing the whole text finds`, () => {
    const query = parseKwicQuery(phrase);
    assert.equal(countExactPhrase(text, query), locatePhrase(text, query).spans.length);
    assert.ok(countExactPhrase(text, query) > 0);
  });
}
