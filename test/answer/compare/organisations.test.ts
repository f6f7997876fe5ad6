/** Who a comparison is between: organisations as typed in options, or as the topic names them, resolved to the corpus's names. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planComparison, resolveOrganisation } from '../../../src/answer/compare/organisations.js';
import { OrganisationDirectory } from '../../../src/search/understand/organisations.js';

/** Names as the UN General Debate corpus files them. */
const UN_NAMES = ['Iran', 'Iraq', 'Burma', 'Myanmar', 'Union of Soviet Socialist Republics', 'Russian Federation', 'United States of America', 'United Kingdom', 'Democratic Republic of the Congo', 'Congo'];
const directory = OrganisationDirectory.ofCorpus(UN_NAMES.map((organisation) => ({ organisation, statements: 40 })));
const NOW = new Date('2026-01-01T00:00:00Z');

for (const [typed, expected] of [
  ['Iran', ['Iran']],
  ['iran', ['Iran']],
  ['Iranian', ['Iran']],
  ['USA', ['United States of America']],
  ['United States', ['United States of America']],
  ['soviet union', ['Union of Soviet Socialist Republics']],
  ['UK', ['United Kingdom']],
  ['Myanmar', ['Myanmar']],
  ['United States of Am', ['United States of America']],
  ['Atlantis', undefined],
] as const) {
  test(`GIVEN the option "${typed}" on the UN corpus THEN it is ${expected ? expected.join(' / ') : 'unknown'}`, () => {
    assert.deepEqual(resolveOrganisation(typed, directory, UN_NAMES, false), expected);
  });
}

test('GIVEN a period WHEN Myanmar is compared THEN its statements as Burma are searched too', () => {
  assert.deepEqual(resolveOrganisation('Myanmar', directory, UN_NAMES, true), ['Myanmar', 'Burma']);
});

test('GIVEN the topic "Iran and Iraq on the war in the 1980s" and no options THEN both are compared in that decade on the war', () => {
  const plan = planComparison('Iran and Iraq on the war in the 1980s', [], {}, directory, UN_NAMES, NOW);
  assert.deepEqual(plan.voices.map((voice) => voice.name), ['Iran', 'Iraq']);
  assert.equal(plan.words, 'the war');
  assert.deepEqual([plan.from, plan.to], ['1980', '1989']);
});

test('GIVEN the topic "Iran and the Soviet Union on disarmament" THEN both are compared on disarmament, with no "the" left in the topic', () => {
  for (const topic of ['Iran and the Soviet Union on disarmament', 'the Soviet Union and Iran on disarmament']) {
    const plan = planComparison(topic, [], {}, directory, UN_NAMES, NOW);
    assert.deepEqual(plan.voices.map((voice) => voice.name).sort(), ['Iran', 'Union of Soviet Socialist Republics'], topic);
    assert.equal(plan.words, 'disarmament', topic);
  }
});

test('GIVEN options and a topic naming others THEN the options win and the topic keeps its words', () => {
  const plan = planComparison('sanctions on Iraq', ['USA', 'UK'], {}, directory, UN_NAMES, NOW);
  assert.deepEqual(plan.voices.map((voice) => voice.name), ['United States of America', 'United Kingdom']);
  assert.equal(plan.words, 'sanctions on Iraq');
});

test('GIVEN options and a topic naming a period THEN the period filters and is said to have been read', () => {
  const plan = planComparison('nuclear disarmament in the 1980s', ['USA', 'USSR'], {}, directory, UN_NAMES, NOW);
  assert.equal(plan.words, 'nuclear disarmament');
  assert.deepEqual([plan.from, plan.to], ['1980', '1989']);
  assert.deepEqual(plan.understood, { speakers: [], period: { from: '1980', to: '1989', text: 'in the 1980s' }, use: 'filter' });
});
