import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LruMap } from '../src/lru-map.js';

test('an LruMap keeps at most its capacity, forgetting the least recently used first', () => {
  const map = new LruMap<string, number>(2);
  map.set('a', 1);
  map.set('b', 2);
  map.set('c', 3);
  assert.equal(map.size, 2);
  assert.equal(map.get('a'), undefined);
  assert.equal(map.get('b'), 2);
  assert.equal(map.get('c'), 3);
});

test('reading or rewriting an entry makes it the most recent', () => {
  const map = new LruMap<string, number>(2);
  map.set('a', 1);
  map.set('b', 2);
  assert.equal(map.get('a'), 1); // now b is the oldest
  map.set('c', 3);
  assert.equal(map.get('b'), undefined);
  assert.equal(map.get('a'), 1);

  map.set('c', 30); // rewritten: a is the oldest now
  map.set('d', 4);
  assert.equal(map.get('a'), undefined);
  assert.deepEqual([map.get('c'), map.get('d')], [30, 4]);
});
