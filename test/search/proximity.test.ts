import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proximityFeatures, proximityScore, textStems } from '../../src/search/eval/proximity.js';

const ln = Math.log1p;

const CASES: { name: string; query: string[]; passage: string; span?: number; weights?: number[]; ordered: number; unordered: number }[] = [
  { name: 'the two words side by side, in order', query: ['vitamin', 'd'], passage: 'Vitamin D levels', ordered: ln(1), unordered: ln(1) },
  { name: 'the two words reversed', query: ['vitamin', 'd'], passage: 'd vitamin', ordered: 0, unordered: ln(1) },
  { name: 'one word between (a dropped stop word) counts as ordered within span 2', query: ['effect', 'vitamin'], passage: 'the effect of vitamins', ordered: ln(1), unordered: ln(1) },
  { name: 'one word between is not a bigram at span 1', query: ['effect', 'vitamin'], passage: 'the effect of vitamins', span: 1, ordered: 0, unordered: ln(1) },
  { name: 'words 8 positions apart are outside the window', query: ['cancer', 'risk'], passage: 'cancer a b c d e f g risk', ordered: 0, unordered: 0 },
  { name: 'words 7 positions apart are inside it', query: ['cancer', 'risk'], passage: 'cancer a b c d e f risk', ordered: 0, unordered: ln(1) },
  { name: 'each co-occurrence counts, dampened', query: ['gene', 'express'], passage: 'gene expression and gene expression', ordered: ln(2), unordered: ln(4) },
  { name: 'a pair with a missing word is 0 and the mean is over both pairs', query: ['insulin', 'resist', 'mice'], passage: 'insulin resistance in rats', ordered: (ln(1) + 0) / 2, unordered: (ln(1) + 0) / 2 },
  { name: 'pair weights weight the mean', query: ['insulin', 'resist', 'mice'], passage: 'insulin resistance in rats', weights: [3, 1], ordered: (3 * ln(1)) / 4, unordered: (3 * ln(1)) / 4 },
  { name: 'a repeated stem is not a pair', query: ['cell', 'cell'], passage: 'cell cell', ordered: 0, unordered: 0 },
  { name: 'a one-word question has no pairs', query: ['cell'], passage: 'cell cell', ordered: 0, unordered: 0 },
];

for (const { name, query, passage, span, weights, ordered, unordered } of CASES) {
  test(`GIVEN ${name} THEN the proximity features are ordered ${ordered.toFixed(3)}, unordered ${unordered.toFixed(3)}`, () => {
    const features = proximityFeatures(query, textStems(passage), { orderedSpan: span, pairWeights: weights });
    assert.ok(Math.abs(features.ordered - ordered) < 1e-12, `ordered ${features.ordered}`);
    assert.ok(Math.abs(features.unordered - unordered) < 1e-12, `unordered ${features.unordered}`);
  });
}

test('GIVEN text with capitals, accents and inflections THEN it is stemmed as the index stems it', () => {
  assert.deepEqual(textStems('Résistance to Insulin, mice’s genes'), ['resist', 'to', 'insulin', 'mice', 's', 'gene']);
});

test('GIVEN a bm25 score and features THEN the score is the fraction of the best plus the weighted features', () => {
  assert.equal(proximityScore(5, 10, { ordered: 1, unordered: 2 }, { ordered: 0.1, unordered: 0.2 }), 0.5 + 0.1 + 0.4);
  assert.equal(proximityScore(5, 0, { ordered: 0, unordered: 0 }, { ordered: 0.1, unordered: 0.2 }), 0);
});
