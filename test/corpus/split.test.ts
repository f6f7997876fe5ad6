import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanText } from '../../src/corpus/clean.js';
import { sentenceEnds } from '../../src/corpus/sentences.js';
import { DEFAULT_MAX_CHARS, splitIntoPassages } from '../../src/corpus/split.js';
import type { PassageSpan } from '../../src/store/records.js';
import { SEEDS, seedBody } from './seeds.js';

/** Every property a passage list must have, whatever the text. */
function assertWellFormed(text: string, passages: PassageSpan[], maxChars = DEFAULT_MAX_CHARS): void {
  let previousEnd = 0;
  passages.forEach((passage, index) => {
    assert.equal(passage.ordinal, index, 'ordinals are 0-based and consecutive');
    assert.equal(text.slice(passage.start, passage.end), passage.text, `offsets of passage ${index} are exact`);
    assert.ok(passage.start >= previousEnd, 'passages are in order and do not overlap');
    assert.equal(passage.text, passage.text.trim(), 'no surrounding whitespace');
    assert.ok(passage.text.length > 0 && passage.text.length <= maxChars, `passage ${index} is ${passage.text.length} characters`);
    assert.equal(text.slice(previousEnd, passage.start).trim(), '', 'nothing but whitespace between passages');
    previousEnd = passage.end;
  });
  assert.equal(text.slice(previousEnd).trim(), '', 'nothing left after the last passage');
}

for (const [name, file] of Object.entries(SEEDS)) {
  test(`GIVEN the ${name} seed THEN passages cover it exactly, on sentence boundaries`, () => {
    const text = cleanText(seedBody(file));
    const passages = splitIntoPassages(text);
    assertWellFormed(text, passages);
    for (const passage of passages.slice(0, -1)) assert.match(passage.text, /[.!?:)”"\w]$/u, 'ends at a sentence, line or list entry');
  });
}

test('GIVEN random texts and sizes (property) THEN offsets are exact and every character is covered', () => {
  const words = ['the', 'U.S.', 'Mr.', 'No. 5', '1.7', 'million', 'Afghanistan', 'war!', 'peace?', 'imperialism.', '“Quoted.”', 'e.g.', 'Ukraine', '—', 'Côte', 'd’Ivoire', '🙂', 'intervention;', 'a', 'of'];
  let seed = 42;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let round = 0; round < 200; round++) {
    const parts: string[] = [];
    const count = random(400);
    for (let i = 0; i < count; i++) parts.push(words[random(words.length)]!, [' ', ' ', ' ', '\n', '\n\n', '  '][random(6)]!);
    const text = parts.join('');
    const target = 50 + random(900);
    const max = target + random(600);
    assertWellFormed(text, splitIntoPassages(text, { targetChars: target, maxChars: max }), max);
  }
});

test('GIVEN abbreviations, initials and decimals THEN no sentence ends inside them', () => {
  const text = 'Mr. President, the U.S. and the U.N. agreed on resolution No. 5 and Art. 2 at a cost of 1.7 million. H.E. Mr. J. Smith spoke. No. It is so.';
  const ends = sentenceEnds(text).map((end) => text.slice(0, end).split(/\s/).at(-1));
  assert.deepEqual(ends, ['million.', 'spoke.', 'No.']);
});

test('GIVEN one sentence longer than the maximum THEN it is cut at clause boundaries, not mid-word', () => {
  const clause = 'the right of peoples to self-determination, to development and to peace, ';
  const text = `We affirm ${clause.repeat(40)}and to justice.`;
  const passages = splitIntoPassages(text);
  assertWellFormed(text, passages);
  assert.ok(passages.length >= 3);
  for (const passage of passages.slice(0, -1)) assert.match(passage.text, /[,;:]$/, 'cut after a clause');
});

test('GIVEN a text with no spaces at all THEN it is still cut within the maximum', () => {
  const text = 'x'.repeat(5_000);
  const passages = splitIntoPassages(text);
  assertWellFormed(text, passages);
  assert.equal(passages.length, Math.ceil(5_000 / DEFAULT_MAX_CHARS));
});

test('GIVEN paragraphs THEN a passage prefers to end where a paragraph ends', () => {
  const paragraph = (n: number) => `Paragraph ${n} says one thing about the war. It says it again with other words. And it ends here.`;
  const text = Array.from({ length: 12 }, (_, n) => paragraph(n)).join('\n\n');
  const passages = splitIntoPassages(text, { targetChars: 350 });
  assertWellFormed(text, passages);
  for (const passage of passages) assert.match(passage.text, /^Paragraph \d+ .*And it ends here\.$/s);
});

test('GIVEN an empty or blank text THEN no passages', () => {
  assert.deepEqual(splitIntoPassages(''), []);
  assert.deepEqual(splitIntoPassages(' \n\n '), []);
});

test('GIVEN a UN paragraph number before a very long sentence THEN the number stays with its sentence', () => {
  const text = `137. In these circumstances the Soviet Union continues its fight.\n138. In order to strengthen peace and security among nations ${'and to avert the threat of war, '.repeat(40)}the Government makes these proposals.`;
  const passages = splitIntoPassages(text);
  assertWellFormed(text, passages);
  assert.ok(passages.every((passage) => !/^\d+\.$/.test(passage.text)), 'no passage is a bare number');
  assert.ok(passages.some((passage) => passage.text.includes('138. In order to strengthen peace')));
});
