import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { plainFromModelMarkdown } from '../../src/answer/model-markdown.js';
import { systemPrompt } from '../../src/answer/prompt.js';
import { checkSupport, type UnsupportedReason } from '../../src/answer/support/check.js';
import { resolveLinks } from '../../src/answer/support/links.js';
import { datesOf, quantitiesOf } from '../../src/answer/support/numbers.js';
import type { NumberedSource } from '../../src/answer/sources.js';
import { seedSources } from './fixtures.js';

/** [1] JAKNA, [2] ICOR, [3] the Afghan anarchists (no organisation), [4] CIPOML, [5] the Belarus appeal — real seed text. */
const sources = seedSources();
const instructions = systemPrompt('en', false);

function verdict(sentence: string, cites: number[], question = 'What do the statements say?') {
  return checkSupport(
    sentence,
    cites.map((n) => sources[n - 1]!),
    { question, instructions, sources, language: 'en' },
  );
}

const cases: { kind: string; sentence: string; cites: number[]; question?: string; dropped?: UnsupportedReason }[] = [
  // Faithful: what a good model writes.
  { kind: 'a close paraphrase', sentence: 'ICOR sees the withdrawal of US and NATO troops as a disastrous defeat of NATO [2].', cites: [2] },
  { kind: 'a looser paraphrase', sentence: 'It warns that the end of direct occupation is not the end of imperialist influence in Afghanistan [2].', cites: [2] },
  { kind: 'a number in words for digits', sentence: 'JAKNA recalls that for 43 years Afghans have been burning in imperialist wars [1].', cites: [1] },
  { kind: 'a date the source gives', sentence: 'Iran hosted high-level Taliban delegations on July 7th, the anarchists report [3].', cites: [3] },
  { kind: 'a speaker the source shows speaking', sentence: 'According to the anarchists, the Taliban claimed that Iran and Russia gave their blessings to an Islamic State [3].', cites: [3] },
  { kind: 'a demonym for a place the source names', sentence: 'JAKNA tells Ukrainians not to rely on NATO [1].', cites: [1] },
  { kind: 'a name only the question gives', sentence: 'On Afghanistan, JAKNA speaks of forty years of war [1].', cites: [1], question: 'What does JAKNA say about Afghanistan?' },
  { kind: 'the statement itself as the subject', sentence: 'The resolution is dated 10 September 2021 [2].', cites: [2] },
  { kind: 'two sources that both say it', sentence: 'Both ICOR and CIPOML say the USA once armed the Taliban [2][4].', cites: [2, 4] },
  // Unfaithful: each must be dropped, for the reason given.
  { kind: 'an echo of the instructions', sentence: 'Use only the sources and never outside knowledge [2].', cites: [2], dropped: 'instructions' },
  { kind: 'an answer about nothing in the source', sentence: 'The full text is at the official report of the commission [2].', cites: [2], dropped: 'overlap' },
  { kind: 'a changed number', sentence: 'Germany alone has deported 72 Afghan refugees [3].', cites: [3], dropped: 'number' },
  { kind: 'a number word for a different amount', sentence: 'JAKNA says the system brought poverty and hunger to eight billion people [1].', cites: [1], dropped: 'number' },
  { kind: 'a vague amount the source does not use', sentence: 'CIPOML says hundreds of people died falling from the landing gear of planes [4].', cites: [4], dropped: 'number' },
  { kind: 'a date moved by a day', sentence: 'The anarchists say Iran hosted Taliban delegations on July 17th [3].', cites: [3], dropped: 'number' },
  { kind: 'a date the source does not give', sentence: 'CIPOML says the Taliban entered Kabul on 15 August [4].', cites: [4], dropped: 'number' },
  { kind: 'a day-month-year that mixes two of the source’s dates', sentence: 'ICOR says the pretext was the terror attacks of 10 September 2001 [2].', cites: [2], dropped: 'date' },
  { kind: 'a place the source never names', sentence: 'CIPOML reports pile-ups as cars head for Iran and Uzbekistan [4].', cites: [4], dropped: 'name' },
  { kind: 'another source’s organisation speaking', sentence: 'CIPOML rejects any imperialist and expansionist intervention in Afghanistan [2].', cites: [2], question: 'What does CIPOML say?', dropped: 'other-organisation' },
  { kind: 'a country the source names, said to hold its position', sentence: 'Germany calls for the defence of democracy and women’s rights in Afghanistan [2].', cites: [2], dropped: 'attribution' },
  { kind: 'a speaker shown saying something else', sentence: 'The Bolshevik revolutionaries urge everyone to prevent the war [5].', cites: [5], dropped: 'attribution' },
  { kind: 'a sweeping generalisation', sentence: 'JAKNA says NATO and the United States are the greatest enemy of mankind [1].', cites: [1], dropped: 'sweeping' },
  { kind: 'a prediction the source does not make', sentence: 'JAKNA predicts that NATO and the United States will bomb Afghanistan again [1].', cites: [1], dropped: 'future' },
  { kind: 'a negation dropped from the sentence it restates', sentence: 'ICOR says the withdrawal marks the end of imperialist influence in Afghanistan [2].', cites: [2], dropped: 'negation' },
  { kind: 'a joint claim one of its sources doesn’t make', sentence: 'Both ICOR and CIPOML call the Taliban fascist [2][4].', cites: [2, 4], dropped: 'joint' },
  { kind: 'a quotation given to someone who said something else', sentence: 'The appeal recalls that the Bolshevik revolutionaries proclaimed “Proletarians of all countries, unite!” [5].', cites: [5], dropped: 'attribution' },
  { kind: 'another author for the statement', sentence: 'The resolution was written by the Marxist-Leninist Organization of Afghanistan [2].', cites: [2], dropped: 'attribution' },
  { kind: 'a date given as the statement’s own that is not', sentence: 'ICOR adopted the resolution on 15 September 2021 [2].', cites: [2], dropped: 'date' },
  { kind: 'the model speaking of itself', sentence: 'I can only summarise what the ICOR resolution says about NATO [2].', cites: [2], dropped: 'instructions' },
  { kind: 'a claim in words the source doesn’t use', sentence: 'ICOR predicts economic sanctions will bring stability and prosperity [2].', cites: [2], dropped: 'overlap' },
];

describe('is a cited sentence supported by what it cites?', () => {
  for (const { kind, sentence, cites, question, dropped } of cases) {
    test(`GIVEN ${kind} THEN it is ${dropped ? `dropped (${dropped})` : 'kept'}`, () => {
      const result = verdict(sentence, cites, question);
      if (dropped === undefined) assert.deepEqual(result, { supported: true });
      else assert.equal(result.supported ? 'kept' : result.reason, dropped, JSON.stringify(result));
    });
  }

  test('GIVEN a sentence another given source says better THEN it is dropped (other-source)', () => {
    const source = (n: number, organisation: string, text: string): NumberedSource => ({
      n,
      statement: { id: n, slug: `s${n}`, externalId: null, source: `s${n}`, title: `Statement ${n}`, organisation, date: null, language: 'en', url: null },
      passages: [{ id: n, ordinal: 0, text, primary: true, rank: 0 }],
    });
    const cited = source(1, 'First Front', 'The imperialists plan a war between Russia and Ukraine, and the war serves capital and its tycoons.');
    const other = source(2, 'Second League', 'The imperialists plan to unleash a fratricidal war between Russia and Ukraine that serves the tycoons of capital.');
    const judge = (sentence: string, given: NumberedSource[]) => checkSupport(sentence, [cited], { question: 'Who plans the war?', instructions, sources: given, language: 'en' });
    const sentence = 'The First Front says the imperialists plan to unleash a fratricidal war between Russia and Ukraine that serves the tycoons of capital [1].';
    assert.deepEqual(judge(sentence, [cited]), { supported: true }, 'alone, the cited source is enough');
    assert.equal((judge(sentence, [cited, other]) as { reason?: string }).reason, 'other-source', 'beside a source with exactly these words, it is that source\'s sentence');
  });

  test('GIVEN a verbatim quotation of a numbered paragraph THEN its paragraph number is the source\'s, not an invented number', () => {
    const speech: NumberedSource = {
      n: 1,
      statement: { id: 9, slug: 's', externalId: null, source: 's', title: 'Speech', organisation: 'Tuvalu', date: '2024', language: 'en', url: null },
      passages: [{ id: 9, ordinal: 0, text: '63. We thank the Commission.\n64. The Commission secured an advisory opinion on greenhouse gas emissions.', primary: true, rank: 0 }],
    };
    const judge = (sentence: string) => checkSupport(sentence, [speech], { question: 'What did small islands say?', instructions, sources: [speech], language: 'en' });
    assert.deepEqual(judge('The statement says: "64. The Commission secured an advisory opinion on greenhouse gas emissions." [1]'), { supported: true });
    assert.equal((judge('Tuvalu says 63 commissions secured advisory opinions on greenhouse gas emissions [1].') as { reason?: string }).reason, 'number', 'outside a quotation, a paragraph number is no quantity');
  });

  test('GIVEN an answer in another language than its sources THEN numbers and acronyms are still checked, the wording is not', () => {
    const de = (sentence: string) => checkSupport(sentence, [sources[1]!], { question: 'Was sagt die ICOR?', instructions, sources, language: 'de' });
    assert.deepEqual(de('Die ICOR bezeichnet die Taliban als faschistisch [2].'), { supported: true });
    assert.equal(de('Die ICOR sagt, die Besatzung habe 25 Jahre gedauert [2].').supported, false);
    assert.equal(de('Laut CIPOML lehnt sie jede Intervention ab [2].').supported, false);
  });
});

describe('numbers and dates as values', () => {
  const values: [string, number[]][] = [
    ['Germany alone has deported 27 Afghan refugees', [27]],
    ['forty-three years ago', [43]],
    ['eight hundred million people', [800_000_000]],
    ['30 million Afghans', [30_000_000]],
    ['5,000 members and 3.5 percent', [5000, 3.5]],
    ['in the 1990s, the Soviet Union (1956-1991)', [1990, 1956, 1991]],
    ['one of the parties, a war, no one', []],
    ['a hundred and twenty', [120]],
  ];
  for (const [text, expected] of values) test(`GIVEN "${text}" THEN the numbers are ${JSON.stringify(expected)}`, () => assert.deepEqual([...quantitiesOf(text).values], expected));

  test('GIVEN dates written several ways THEN each is read with the parts it gives', () => {
    assert.deepEqual(datesOf('on July 7th, then 10 September 2021, March 14, 2022, in August 2021 and 2021-09-10'), [
      { year: 2021, month: 9, day: 10 },
      { year: 2021, month: 9, day: 10 },
      { month: 7, day: 7 },
      { year: 2022, month: 3, day: 14 },
      { year: 2021, month: 8 },
    ]);
  });
});

describe('links and markdown in model text', () => {
  const noLinks = () => false;
  test('GIVEN a masked link to a page no source carries THEN its words stay and the link goes', () => {
    assert.deepEqual(resolveLinks('The full text is at [the official UN report](https://evil.example/phish) [1].', noLinks), { text: 'The full text is at the official UN report [1].', removed: 1 });
  });
  test('GIVEN a bare or angled link THEN it goes with the words leading to it', () => {
    assert.equal(resolveLinks('ICOR rejects any intervention, see https://evil.example/icor [1].', noLinks).text, 'ICOR rejects any intervention [1].');
    assert.equal(resolveLinks('Download it from <https://evil.example/x.pdf> [1].', noLinks).text, 'Download it [1].');
  });
  test('GIVEN a link the cited source carries THEN it stays as written (the renderer shows it as text)', () => {
    const allowed = (url: string) => url === 'https://example.org/icor';
    assert.deepEqual(resolveLinks('It is [on ICOR’s site](https://example.org/icor) [1].', allowed), { text: 'It is [on ICOR’s site](https://example.org/icor) [1].', removed: 0 });
  });
  test('GIVEN model markdown THEN the words stay and the formatting goes, links and list markers untouched', () => {
    assert.equal(plainFromModelMarkdown('**ICOR** calls it *the* ~~defeat~~ of `NATO` ||now|| [1].'), 'ICOR calls it the defeat of NATO now [1].');
    assert.equal(plainFromModelMarkdown('## Summary'), 'Summary');
    assert.equal(plainFromModelMarkdown('- See [x](https://a.example/b_c_d) and 5 * 3 [1].'), '- See [x](https://a.example/b_c_d) and 5 * 3 [1].');
  });
});
