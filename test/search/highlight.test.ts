import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HIGHLIGHT_CLOSE as C, HIGHLIGHT_OPEN as O, renderHighlights, stripHighlights } from '../../src/search/highlight.js';

const CASES: [string, string, string][] = [
  ['two matches', `the ${O}Taliban${C} took ${O}Kabul${C}`, 'the **Taliban** took **Kabul**'],
  ['no match', 'plain text', 'plain text'],
  ['a stray close marker', `cut ${C}here`, 'cut here'],
  ['an open marker never closed', `end ${O}Kab`, 'end **Kab**'],
  ['empty highlight', `a ${O}${C}b`, 'a b'],
  ['doubled open', `${O}${O}war${C}`, '**war**'],
];

for (const [name, snippet, expected] of CASES) {
  test(`GIVEN ${name} THEN it renders as ${JSON.stringify(expected)}`, () => {
    assert.equal(renderHighlights(snippet, '**', '**'), expected);
  });
}

test('GIVEN an escape function THEN text is escaped and the markup is not', () => {
  const escapeMarkdown = (text: string): string => text.replace(/[*_~`|\\]/g, '\\$&');
  assert.equal(renderHighlights(`5*3 ${O}war_crimes${C}`, '**', '**', escapeMarkdown), '5\\*3 **war\\_crimes**');
});

test('GIVEN a snippet THEN stripping leaves the words a reader sees', () => {
  assert.equal(stripHighlights(`the ${O}Taliban${C} took ${O}Kabul${C}`), 'the Taliban took Kabul');
});
