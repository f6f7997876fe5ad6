import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isConnective } from '../../src/answer/connective.js';
import { AnswerGrounder } from '../../src/answer/grounder.js';
import { systemPrompt } from '../../src/answer/prompt.js';
import { findQuotations } from '../../src/answer/quotations.js';
import { seedSources } from './fixtures.js';

/** Sources [1] JAKNA, [2] ICOR, [3] (no organisation), [4] CIPOML, [5] Belarus appeal — real seed text. */
const sources = seedSources();

function ground(modelText: string, { chunk = 7, truncated = false, question = 'What do the statements say?' } = {}) {
  const grounder = new AnswerGrounder(sources, { language: 'en', question, instructions: systemPrompt('en', false) });
  const partials: string[] = [];
  for (let i = 0; i < modelText.length; i += chunk) {
    if (grounder.push(modelText.slice(i, i + chunk))) partials.push(grounder.verifiedText);
  }
  if (grounder.end(truncated)) partials.push(grounder.verifiedText);
  return { ...grounder.result(), partials };
}

describe('grounding the model text a user would see', () => {
  const cases: { name: string; model: string; shows: string; sources: string[] }[] = [
    {
      name: 'GIVEN a well-cited answer THEN it is shown with markers renumbered in citation order',
      model: 'ICOR calls the withdrawal a disastrous defeat of NATO [2]. JAKNA condemns the invasion of Ukraine [1].',
      shows: 'ICOR calls the withdrawal a disastrous defeat of NATO [1]. JAKNA condemns the invasion of Ukraine [2].',
      sources: ['ICOR', 'JAKNA'],
    },
    {
      name: 'GIVEN a citation of [9] of 5 sources THEN [9] is not shown and its sentence is left out',
      model: 'ICOR calls the withdrawal a disastrous defeat of NATO [2]. The Taliban were trained by Mars [9].',
      shows: 'ICOR calls the withdrawal a disastrous defeat of NATO [1].\n\n(1 sentence without a verifiable source was left out.)',
      sources: ['ICOR'],
    },
    {
      name: 'GIVEN a group citing a real and a missing source THEN only the real one is shown',
      model: 'ICOR calls the withdrawal a disastrous defeat of NATO [2, 9].',
      shows: 'ICOR calls the withdrawal a disastrous defeat of NATO [1].',
      sources: ['ICOR'],
    },
    {
      name: 'GIVEN a fabricated quotation THEN its sentence is never shown',
      model: 'JAKNA condemns the invasion [1]. JAKNA calls Russia “a glorious liberator of Ukraine” [1].',
      shows: 'JAKNA condemns the invasion [1].\n\n(1 sentence without a verifiable source was left out.)',
      sources: ['JAKNA'],
    },
    {
      name: 'GIVEN a correct quotation with other whitespace, straight quotes and case THEN it is shown',
      model: 'JAKNA writes: "we strongly condemn the Russian   imperialist army\'s invasion of your country" [1].',
      shows: 'JAKNA writes: "we strongly condemn the Russian   imperialist army\'s invasion of your country" [1].',
      sources: ['JAKNA'],
    },
    {
      name: 'GIVEN a true quotation attributed to the wrong organisation THEN it is not shown',
      model: 'ICOR wrote that it would “strongly condemn the Russian imperialist army’s invasion” [2].',
      shows: '',
      sources: [],
    },
    {
      name: 'GIVEN an elided quotation whose parts are in order THEN it is shown',
      model: 'JAKNA says the Soviet Union invaded “in the name of … “world revolution” in 1980” [1].',
      shows: 'JAKNA says the Soviet Union invaded “in the name of … “world revolution” in 1980” [1].',
      sources: ['JAKNA'],
    },
    {
      name: 'GIVEN markers after the full stop THEN they stay with their sentence',
      model: 'ICOR calls the withdrawal a disastrous defeat. [2] It supports the struggle of Afghan women. [2][2]',
      shows: 'ICOR calls the withdrawal a disastrous defeat. [1] It supports the struggle of Afghan women. [1]',
      sources: ['ICOR'],
    },
    {
      name: 'GIVEN connective text and an uncited claim THEN the connective text stays and the claim goes',
      model: 'Here is what the sources say:\n\n- ICOR demands the withdrawal of all imperialist troops [2].\n- The CIPOML supports the Taliban.',
      shows: 'Here is what the sources say:\n\n- ICOR demands the withdrawal of all imperialist troops [1].\n\n(1 sentence without a verifiable source was left out.)',
      sources: ['ICOR'],
    },
    {
      name: 'GIVEN a block quote introduced by a cited line THEN it is verified against that source',
      model: 'JAKNA [1]:\n> This tragedy and criminal act is neither to be forgiven nor forgotten.\n\nThat is its position.',
      shows: 'JAKNA [1]:\n> This tragedy and criminal act is neither to be forgiven nor forgotten.\n\nThat is its position.',
      sources: ['JAKNA'],
    },
    {
      name: 'GIVEN a block quote that is not in the source THEN it is left out',
      model: 'JAKNA [1]:\n> We welcome the liberation of Ukraine.\n\nICOR demands the withdrawal of all imperialist troops [2].',
      shows: 'JAKNA [1]:\n\nICOR demands the withdrawal of all imperialist troops [2].\n\n(1 sentence without a verifiable source was left out.)',
      sources: ['JAKNA', 'ICOR'],
    },
    {
      name: 'GIVEN the model says the sources do not answer THEN nothing is shown',
      model: 'NOT_IN_SOURCES',
      shows: '',
      sources: [],
    },
    {
      name: 'GIVEN the model lists its own sources at the end THEN the list is dropped',
      model: 'ICOR demands the withdrawal of all imperialist troops [2].\n\nSources:\n[2] ICOR resolution',
      shows: 'ICOR demands the withdrawal of all imperialist troops [1].',
      sources: ['ICOR'],
    },
    {
      name: 'GIVEN an abbreviation in a cited sentence THEN the sentence is not cut at it',
      model: 'ICOR says the U.S. imperialism suffered its biggest defeat since Vietnam [2].',
      shows: 'ICOR says the U.S. imperialism suffered its biggest defeat since Vietnam [1].',
      sources: ['ICOR'],
    },
  ];
  for (const { name, model, shows, sources: expected } of cases) {
    test(name, () => {
      for (const chunk of [1, 5, 1000]) {
        const result = ground(model, { chunk });
        assert.equal(result.text, shows, `chunk ${chunk}`);
        assert.deepEqual(result.sources.map((s) => s.organisation), expected, `chunk ${chunk}`);
        assert.deepEqual(result.sources.map((s) => s.n), expected.map((_, i) => i + 1));
      }
    });
  }

  test('GIVEN any stream THEN every partial is verified text and a prefix of the final text', () => {
    const model = 'Intro text here:\n\nJAKNA condemns the invasion [1]. ICOR calls it “a glorious victory” [2]. The Taliban are “fascist” [2].\n> Invented block\n\nDone.';
    const result = ground(model, { chunk: 3 });
    assert.ok(result.partials.length >= 2);
    for (const partial of result.partials) {
      assert.ok(result.text.startsWith(partial), `partial ${JSON.stringify(partial)} is a prefix of the final text`);
      assert.doesNotMatch(partial, /glorious|Invented/);
    }
    assert.match(result.text, /“fascist” \[2\]/);
  });

  test('GIVEN a truncated stream THEN the half sentence at the end is not shown', () => {
    const result = ground('ICOR demands the withdrawal of all imperialist troops [2]. It also demands', { truncated: true });
    assert.equal(result.text, 'ICOR demands the withdrawal of all imperialist troops [1].');
  });

  test('GIVEN a verified quotation THEN the source lists the passage and the quote as the passage writes it', () => {
    const result = ground('JAKNA writes that it will "strongly condemn the Russian imperialist army\'s invasion" [1].');
    const [jakna] = result.sources;
    assert.equal(jakna?.passages.length, 1);
    assert.deepEqual(jakna?.passages[0]?.quotes, ['strongly condemn the Russian imperialist army’s invasion']);
    assert.ok(jakna?.passages[0]?.text.includes('strongly condemn the Russian imperialist army’s invasion'));
  });
});

describe('what counts as a quotation', () => {
  const cases: [string, string[]][] = [
    ['He said “we condemn” and «nous refusons» and „wir lehnen ab“.', ['we condemn', 'nous refusons', 'wir lehnen ab']],
    ['The workers\' party and the army’s role are no quotes.', []],
    ["They called it 'a war of aggression against the people' [1].", ['a war of aggression against the people']],
    ["A 'short' scare quote is not checked.", []],
    ['An opening mark “never closed goes to the end', ['never closed goes to the end']],
    ['Straight "quoted words" count.', ['quoted words']],
  ];
  for (const [text, quotes] of cases) {
    test(`GIVEN ${JSON.stringify(text)} THEN the quotations are ${JSON.stringify(quotes)}`, () => {
      assert.deepEqual(findQuotations(text).map((q) => q.text), quotes);
    });
  }
});

describe('connective text', () => {
  const cases: [string, boolean][] = [
    ['Here is what the sources say:', true],
    ['In short, both statements agree.', true],
    ['ICOR supports the Taliban.', false],
    ['The Taliban took 34 provinces.', false],
    ['This is a long sentence that goes on and on with many words that surely make a claim of some kind.', false],
  ];
  for (const [text, expected] of cases) {
    test(`GIVEN ${JSON.stringify(text)} THEN connective is ${expected}`, () => assert.equal(isConnective(text), expected));
  }
});
