import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitMessage } from '../../src/discord/split.js';
import { truncate } from '../../src/discord/limits.js';

const sentence = (n: number) => `The organisation rejects imperialist intervention in country number ${n} [${n}].`;

/** Every [n] marker of the original survives whole, in order, across the pieces. */
function markersOf(text: string): string[] {
  return [...text.matchAll(/\[\d+(?:\s*,\s*\d+)*\]/g)].map((m) => m[0]);
}

test('GIVEN text within the limit THEN it is one piece', () => {
  assert.deepEqual(splitMessage('Short answer [1].', 2000), ['Short answer [1].']);
  assert.deepEqual(splitMessage('', 2000), ['']);
});

const cases: { name: string; text: string; max: number; expectFirst?: string }[] = [
  { name: 'two paragraphs', text: `${'A'.repeat(60)} end [1].\n\n${'B'.repeat(60)} end [2].`, max: 100, expectFirst: `${'A'.repeat(60)} end [1].` },
  { name: 'sentences in one paragraph', text: Array.from({ length: 30 }, (_, i) => sentence(i + 1)).join(' '), max: 300 },
  { name: 'a marker after the full stop', text: `${'word '.repeat(15)}ends here. [12] ${'next '.repeat(20)}`, max: 100 },
  { name: 'grouped markers', text: `${'x'.repeat(85)} claim [1, 3] and more words after it that go on.`, max: 90 },
  { name: 'one enormous word', text: 'z'.repeat(250), max: 100 },
];

for (const { name, text, max, expectFirst } of cases) {
  test(`GIVEN ${name} over the limit THEN every piece fits, no marker is cut, and nothing is lost`, () => {
    const pieces = splitMessage(text, max);
    assert.ok(pieces.length > 1);
    for (const piece of pieces) assert.ok(piece.length <= max, `piece of ${piece.length} > ${max}`);
    assert.deepEqual(pieces.flatMap(markersOf), markersOf(text));
    assert.equal(pieces.join('').replace(/\s+/g, ''), text.replace(/\s+/g, ''));
    if (expectFirst) assert.equal(pieces[0], expectFirst);
  });
}

test('GIVEN a sentence ending with its citation THEN the citation stays with its sentence', () => {
  const text = `${'Imperialism is rejected by the party. '.repeat(2)}The party calls for solidarity. [4] ${'Then another sentence follows here. '.repeat(3)}`;
  for (const max of [110, 120]) {
    const pieces = splitMessage(text, max);
    assert.ok(pieces.some((p) => p.includes('solidarity. [4]')), JSON.stringify(pieces));
  }
});

test('GIVEN a cut that would split an emoji THEN the pair stays whole', () => {
  const pieces = splitMessage('😀'.repeat(40), 31);
  for (const piece of pieces) assert.doesNotMatch(piece, /^[\udc00-\udfff]|[\ud800-\udbff]$/);
  assert.equal(pieces.join(''), '😀'.repeat(40));
});

test('GIVEN text longer than the limit THEN truncate ends in an ellipsis within the limit', () => {
  assert.equal(truncate('abcdef', 10), 'abcdef');
  assert.equal(truncate('abcdefghijkl', 5), 'abcd…');
  assert.equal(truncate('ab😀cd', 4).length <= 4, true);
  assert.equal(truncate('ab😀cd', 4), 'ab…');
});
