import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemPrompt } from '../../src/answer/prompt.js';
import { PHISHING_URL, scriptedModeText, shortName } from '../doubles/openai-modes.js';
import { sourceNumber } from '../doubles/openai-server.js';
import { assertGrounded, startHarness, type Harness } from './harness.js';

/**
 * A model that misbehaves — echoes its instructions, puts one organisation's
 * words in another's mouth, changes a number, adds a link — through the real
 * `openai` client against the double: what it wrote never reaches the user,
 * streamed or final.
 */

let harness: Harness;
before(async () => {
  harness = await startHarness();
});
after(() => harness.close());

/** Everything the user could have seen: every streamed partial and the final text. */
function seen(partials: string[], text: string): string {
  return [...partials, text].join('\n');
}

describe('a model that misbehaves, as the user sees it', () => {
  test('GIVEN a model that echoes its instructions as a cited answer THEN none of them is shown and the answer falls back to verbatim quotes, saying why', async () => {
    harness.model.enqueue({ text: { mode: 'echo' } }, { text: { mode: 'echo' } });
    const { result, partials } = await harness.ask('What does ICOR say about the Taliban?');
    const echoed = scriptedModeText('echo', harness.model.requests.at(-1)!);
    assert.match(echoed, /Use only the sources, never outside knowledge \[\d\]\./, 'the double really echoed the rules, cited');
    assert.equal(result.mode, 'fallback');
    assert.equal(result.fallbackReason, 'no sentence supported by its sources');
    assert.deepEqual(partials, [], 'nothing of the echo was streamed');
    for (const rule of systemPrompt('en', false).split('\n').filter((line) => /^\d\./.test(line))) {
      const words = rule.replace(/^\d\.\s*/, '').split(' ').slice(0, 5).join(' ');
      assert.ok(!result.text.includes(words), `"${words}" is not shown`);
    }
    assert.match(result.text, /Taliban/, 'the fallback quotes what ICOR says about the Taliban');
    assertGrounded(result);
  });

  test('GIVEN a model that attributes ICOR words to CIPOML while citing ICOR THEN that sentence is never shown; the retry answers faithfully', async () => {
    let misattributed = '';
    harness.model.enqueue(
      {
        text: (request) => {
          misattributed = scriptedModeText('misattribute', request);
          return misattributed;
        },
      },
      { text: (request) => `ICOR calls for a fight against the rule of the fascist Taliban [${sourceNumber(request, 'ICOR')}].` },
    );
    const { result, partials } = await harness.ask('What do ICOR and CIPOML say about the Taliban?');
    assert.match(misattributed, /^(CIPOML|JAKNA|Comrades|ICOR) says that /, 'the double named another organisation');
    const [speaker] = misattributed.split(' says that ');
    assert.ok(!seen(partials, result.text).includes(`${speaker} says that`), 'the misattribution was never shown');
    assert.equal(result.mode, 'llm');
    assert.equal(result.text, 'ICOR calls for a fight against the rule of the fascist Taliban [1].');
    assert.deepEqual(result.sources.map((source) => source.organisation), ['ICOR']);
  });

  test('GIVEN a model that changes a number of its source THEN the changed number is never shown', async () => {
    let invented = '';
    harness.model.enqueue(
      {
        text: (request) => {
          invented = `${scriptedModeText('invent-number', request)} ICOR says the withdrawal manifests the disastrous defeat of NATO [${sourceNumber(request, 'ICOR')}].`;
          return invented;
        },
      },
    );
    const { result, partials } = await harness.ask('What does ICOR say about the withdrawal and the occupation of Afghanistan?');
    const changed = /According to [^,]+, (.*?) \[\d\]\./.exec(invented)![1]!;
    assert.ok(!seen(partials, result.text).includes(changed.slice(0, 40)), `"${changed}" was never shown`);
    assert.equal(result.mode, 'llm');
    assert.equal(result.text, 'ICOR says the withdrawal manifests the disastrous defeat of NATO [1].\n\n(1 sentence without a verifiable source was left out.)');
  });

  test('GIVEN a model that adds a phishing link to a cited answer THEN the link and its sentence are gone and the verified quote stays', async () => {
    harness.model.enqueue({ text: { mode: 'link' } });
    const { result, partials } = await harness.ask('What does ICOR say about the withdrawal of NATO?');
    assert.equal(result.mode, 'llm');
    const everything = seen(partials, result.text);
    assert.ok(!everything.includes('evil.example') && !everything.includes(PHISHING_URL), 'no phishing link, streamed or final');
    assert.ok(!everything.includes('official UN report'), 'nor the sentence that carried it');
    assert.match(result.text, new RegExp(`^${shortName(result.sources[0]!.organisation)} writes: “.+” \\[1\\]\\.\\n\\n\\(1 sentence without a verifiable source was left out\\.\\)$`));
    assertGrounded(result);
  });

  test('GIVEN a cited sentence whose only citation names no source THEN it is dropped, not shown uncited', async () => {
    harness.model.enqueue({ text: (request) => `ICOR demands that all imperialist troops get out of other countries [${sourceNumber(request, 'ICOR')}]. Further evidence is in source [7].` });
    const { result } = await harness.ask('What does ICOR demand about imperialist troops?');
    assert.equal(result.text, 'ICOR demands that all imperialist troops get out of other countries [1].\n\n(1 sentence without a verifiable source was left out.)');
  });
});
