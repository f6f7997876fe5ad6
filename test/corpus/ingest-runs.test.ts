import assert from 'node:assert/strict';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ingest } from '../../src/corpus/ingest.js';
import type { Database } from '../../src/store/database.js';
import { openForWriting } from '../../src/store/migrate.js';

const log = { debug: () => undefined, error: () => undefined } as never;
/** A process id no system hands out (Linux's largest is 4,194,304): the run's process is surely gone. */
const GONE_PID = 99_999_999;
let scratch: string;

before(async () => {
  scratch = await realpath(await mkdtemp(join(tmpdir(), 'ingest-runs-')));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** `count` resolutions, as one JSONL file; each its own statement. */
async function writeResolutions(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ id: `r${i}`, title: `Resolution ${i}`, organisation: 'ICOR', text: `Resolution number ${i} of the conference condemns the occupation of Afghanistan by imperialist troops.` }));
  await writeFile(join(dir, 'resolutions.jsonl'), `${lines.join('\n')}\n`);
}

async function segments(db: Database): Promise<number[]> {
  const counts = await Promise.all(['passage_fts_idx', 'statement_fts_idx'].map((table) => db.get<{ n: number }>(`SELECT count(DISTINCT segid) AS n FROM ${table}`)));
  return counts.map((row) => row?.n ?? 0);
}

/** What a run killed mid-way leaves behind: its row never finished, its process gone. */
async function markKilled(db: Database, runId: number): Promise<void> {
  await db.run('UPDATE ingest_runs SET finished_at = NULL, runner = ? WHERE id = ?', [`${GONE_PID}:1`, runId]);
}

test('GIVEN a run killed after 900 statements THEN the next run closes it as interrupted, reports it, and merges the index after adding the last 300', { timeout: 120_000 }, async () => {
  const dir = join(scratch, 'resumed');
  const db = await openForWriting(':memory:');
  await writeResolutions(dir, 900);
  const killed = await ingest(db, [dir], { log });
  assert.equal(killed.added, 900);
  await markKilled(db, 1);
  const [unmerged] = await segments(db);
  assert.ok(unmerged! > 1, `${unmerged} segments before the resumed run`);

  await writeResolutions(dir, 1_200);
  const resumed = await ingest(db, [dir], { log });
  assert.deepEqual([resumed.added, resumed.unchanged], [300, 900]);
  assert.deepEqual(await segments(db), [1, 1], 'both indexes merged: 1,200 statements went in since the last merge');
  assert.deepEqual(resumed.interruptedRuns.map((run) => run.id), [1]);
  const runs = await db.all<{ id: number; finished: number; interrupted: number }>('SELECT id, finished_at IS NOT NULL AS finished, interrupted_at IS NOT NULL AS interrupted FROM ingest_runs ORDER BY id');
  assert.deepEqual(runs, [{ id: 1, finished: 0, interrupted: 1 }, { id: 2, finished: 1, interrupted: 0 }]);

  const hits = await db.all(`SELECT rowid FROM passage_fts WHERE passage_fts MATCH 'occupation AND afghanistan'`);
  assert.equal(hits.length, 1_200);
  const again = await ingest(db, [dir], { log });
  assert.deepEqual(again.interruptedRuns, [], 'closed once, reported once');
  await db.close();
});

test('GIVEN an unfinished run whose process is still running THEN it is left open (it may be an ingest going on beside this one)', async () => {
  const dir = join(scratch, 'beside');
  const db = await openForWriting(':memory:');
  await writeResolutions(dir, 3);
  await ingest(db, [dir], { log });
  // The parent of this test process is alive: as if another ingest were running there.
  await db.run('UPDATE ingest_runs SET finished_at = NULL, runner = ? WHERE id = 1', [`${process.ppid}:1`]);
  const summary = await ingest(db, [dir], { log });
  assert.deepEqual(summary.interruptedRuns, []);
  assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM ingest_runs WHERE finished_at IS NULL AND interrupted_at IS NULL'))?.n, 1);
  await db.close();
});
