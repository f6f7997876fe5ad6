import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paginate } from '../../src/search/pages.js';
import { seedInputs } from './seed-db.js';

function pageTexts(text: string, size: number): string[] {
  return paginate(text, size).map(({ start, end }) => text.slice(start, end));
}

test('GIVEN paragraphs THEN pages break between them', () => {
  const text = 'First paragraph, fairly long.\n\nSecond paragraph here.\n\nThird.';
  assert.deepEqual(pageTexts(text, 55), ['First paragraph, fairly long.\n\nSecond paragraph here.', 'Third.']);
});

test('GIVEN one long paragraph THEN pages break after a sentence', () => {
  const text = 'The Taliban took Kabul. Women fear for their rights. The airport is overflowing.';
  assert.deepEqual(pageTexts(text, 55), ['The Taliban took Kabul. Women fear for their rights.', 'The airport is overflowing.']);
});

test('GIVEN no sentence end THEN pages break at a space, and a 3,000-character word is cut', () => {
  assert.deepEqual(pageTexts('alpha beta gamma delta', 12), ['alpha beta', 'gamma delta']);
  assert.deepEqual(pageTexts('x'.repeat(25), 10), ['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
});

test('GIVEN emoji at a hard cut THEN no surrogate pair is split', () => {
  const pages = pageTexts('🙂'.repeat(10), 5);
  assert.ok(pages.every((page) => !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(page)));
  assert.equal(pages.join(''), '🙂'.repeat(10));
});

test('GIVEN the seed statements THEN pages cover every word in order and respect the size', () => {
  for (const { text } of seedInputs()) {
    for (const size of [200, 1000, 1900]) {
      const pages = pageTexts(text, size);
      assert.ok(pages.every((page) => page.length <= size && page.trim() === page && page.length > 0));
      assert.equal(pages.join(' ').split(/\s+/).join(' '), text.trim().split(/\s+/).join(' '));
    }
  }
});

test('GIVEN empty or blank text THEN there are no pages', () => {
  assert.deepEqual(paginate('', 100), []);
  assert.deepEqual(paginate(' \n\n ', 100), []);
});
