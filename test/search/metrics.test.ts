import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mean, ndcgAtK, recallAtK, pairedDifference } from '../../src/search/eval/metrics.js';
import { queryHalf } from '../../src/search/eval/evaluate.js';

const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

// Hand-computed: relevant d1 (grade 2) and d3 (grade 1); ranking d3, d2, d1.
// DCG@10 = 1/log2(2) + 0 + 2/log2(4) = 1 + 0 + 1 = 2; IDCG = 2/log2(2) + 1/log2(3) = 2 + 0.6309297536 = 2.6309297536.
const judgements = new Map([['d1', 2], ['d3', 1], ['d9', 0]]);

test('GIVEN a hand-computed graded case THEN nDCG@10 is DCG over ideal DCG', () => {
  close(ndcgAtK(['d3', 'd2', 'd1'], judgements, 10), 2 / (2 + 1 / Math.log2(3)));
});

test('GIVEN the ideal ranking THEN nDCG is 1, and a ranking with no relevant document scores 0', () => {
  close(ndcgAtK(['d1', 'd3'], judgements, 10), 1);
  close(ndcgAtK(['d2', 'd9'], judgements, 10), 0);
});

test('GIVEN relevant documents past the cut THEN they do not count', () => {
  close(ndcgAtK(['d2', 'd1'], judgements, 1), 0);
  close(recallAtK(['d1', 'd2', 'd3'], judgements, 2), 0.5);
  close(recallAtK(['d1', 'd2', 'd3'], judgements, 100), 1);
});

test('GIVEN a document judged 0 THEN it is not relevant for recall', () => {
  close(recallAtK(['d9'], judgements, 100), 0);
});

test('GIVEN no relevant judgements THEN both metrics are 0, and the mean of nothing is NaN', () => {
  close(ndcgAtK(['a'], new Map(), 10), 0);
  close(recallAtK(['a'], new Map([['a', 0]]), 10), 0);
  assert.ok(Number.isNaN(mean([])));
});

test('GIVEN query ids THEN the halves are fixed and both used', () => {
  const halves = Array.from({ length: 100 }, (_, i) => queryHalf(String(i)));
  assert.deepEqual(halves, Array.from({ length: 100 }, (_, i) => queryHalf(String(i))));
  assert.ok(halves.includes('A') && halves.includes('B'));
});

test('GIVEN one method better on every query THEN the paired difference and its whole interval are above 0', () => {
  const a = [0.2, 0.5, 0.1, 0.9, 0.4, 0.3];
  const d = pairedDifference(a, a.map((value) => value + 0.1));
  assert.ok(Math.abs(d.mean - 0.1) < 1e-12);
  assert.ok(Math.abs(d.low - 0.1) < 1e-12 && Math.abs(d.high - 0.1) < 1e-12);
  assert.deepEqual([d.better, d.worse], [6, 0]);
});

test('GIVEN gains and losses that cancel THEN the interval spans 0, and the same scores give the same interval', () => {
  const a = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
  const b = [0.9, 0.1, 0.8, 0.2, 0.7, 0.3, 0.5, 0.5];
  const d = pairedDifference(a, b);
  assert.ok(Math.abs(d.mean) < 1e-12);
  assert.ok(d.low < 0 && d.high > 0, `${d.low} … ${d.high}`);
  assert.deepEqual([d.better, d.worse], [3, 3]);
  assert.deepEqual(pairedDifference(a, b), d);
});

test('GIVEN scores of different lengths THEN pairing them is refused', () => {
  assert.throws(() => pairedDifference([1, 2], [1]), /differ in length/);
});
