import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Database } from '../../src/store/database.js';
import { openForWriting } from '../../src/store/migrate.js';

test('GIVEN the same query with new parameters THEN each call answers for its own parameters, also when run at once', async () => {
  const db = await Database.open(':memory:');
  try {
    await db.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)');
    const sql = 'SELECT n FROM t WHERE n >= ? ORDER BY n';
    assert.deepEqual(await db.all(sql, [2]), [{ n: 2 }, { n: 3 }]);
    assert.deepEqual(await db.all(sql, [3]), [{ n: 3 }]);
    const together = await Promise.all([1, 2, 3, 4].map((n) => db.all<{ n: number }>(sql, [n])));
    assert.deepEqual(together.map((rows) => rows.length), [3, 2, 1, 0]);
    assert.deepEqual(await db.get('SELECT n FROM t WHERE n = ?', [2]), { n: 2 });
    assert.equal(await db.get('SELECT n FROM t WHERE n = ?', [9]), undefined);
  } finally {
    await db.close();
  }
});

test('GIVEN a failing query THEN it rejects each time with its error, and other queries still work', async () => {
  const db = await Database.open(':memory:');
  try {
    await assert.rejects(db.all('SELECT * FROM missing'), /no such table: missing/);
    await assert.rejects(db.all('SELECT * FROM missing'), /no such table: missing/);
    await db.exec('CREATE TABLE missing (x)');
    assert.deepEqual(await db.all('SELECT * FROM missing'), [], 'the table now exists: the query is prepared again');
    await assert.rejects(db.get('SELECT json(?)', ['{not json']), /malformed JSON/);
    assert.deepEqual(await db.get('SELECT json(?) AS j', ['{"a":1}']), { j: '{"a":1}' });
  } finally {
    await db.close();
  }
});

test('GIVEN a cached query on a reader THEN it sees what a writer commits afterwards, and the schema change is picked up', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'database-test-'));
  const path = join(dir, 'db.sqlite');
  const writer = await openForWriting(path);
  const reader = await Database.open(path, { readonly: true });
  try {
    await writer.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2)');
    const first = 'SELECT n FROM t ORDER BY n';
    assert.deepEqual(await reader.get(first), { n: 1 }, 'get stops at the first of two rows');
    await writer.run('INSERT INTO t VALUES (0)');
    assert.deepEqual(await reader.get(first), { n: 0 }, 'no read snapshot was left open by the cached statement');
    await writer.exec('ALTER TABLE t ADD COLUMN label TEXT');
    assert.deepEqual(await reader.get('SELECT * FROM t ORDER BY n'), { n: 0, label: null });
    await writer.run('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    await reader.close();
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GIVEN more distinct queries than are cached THEN all answer and the connection closes cleanly', async () => {
  const db = await Database.open(':memory:');
  const results = await Promise.all(Array.from({ length: 200 }, (_, i) => db.get<{ v: number }>(`SELECT ${i} AS v`)));
  assert.deepEqual(results.map((row) => row?.v), Array.from({ length: 200 }, (_, i) => i));
  await db.close();
});
