import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { splitIntoPassages } from '../../src/corpus/split.js';
import { Database } from '../../src/store/database.js';
import { openForWriting } from '../../src/store/migrate.js';
import { SEEDS, seedBody } from '../corpus/seeds.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILES = 300;
/** Kill once this many statements are in: well inside the run. */
const KILL_AFTER_STATEMENTS = 25;
const POLL_MS = 20;
let scratch: string;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ingest-kill-'));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A few hundred distinct statements made of the seeds' real text, ~25 KB each, each with its own marker word. */
async function writeCorpus(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const bodies = Object.values(SEEDS).map((name) => seedBody(name));
  for (let i = 0; i < FILES; i++) {
    const body = [bodies[i % 5], bodies[(i + 1) % 5], bodies[(i + 2) % 5]].join('\n\n');
    await writeFile(join(dir, `statement-${String(i).padStart(3, '0')}.md`), `---\ntitle: Statement ${i}\norganisation: Group ${i % 7}\n---\nkillmarker${i} opens statement ${i}.\n\n${body}\n`);
  }
}

function spawnIngest(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'silent' } });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout })));
  return { child, done };
}

async function countStatements(path: string): Promise<number> {
  try {
    const db = await Database.open(path, { readonly: true });
    try {
      return (await db.get<{ n: number }>('SELECT count(*) AS n FROM statements'))?.n ?? 0;
    } finally {
      await db.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

/** Every statement whole: its passages are exactly what splitting its text gives, and the index agrees. */
async function assertWholeStatements(path: string): Promise<number> {
  const db = await openForWriting(path);
  try {
    assert.equal((await db.get<{ integrity_check: string }>('PRAGMA integrity_check'))?.integrity_check, 'ok');
    await db.run(`INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)`);
    const statements = await db.all<{ id: number; text: string; passages: number }>('SELECT id, text, (SELECT count(*) FROM passages p WHERE p.statement_id = s.id) AS passages FROM statements s');
    for (const statement of statements) {
      assert.equal(statement.passages, splitIntoPassages(statement.text).length, `statement ${statement.id} has all its passages`);
    }
    const indexed = await db.get<{ n: number }>(`SELECT count(*) AS n FROM passage_fts WHERE passage_fts MATCH 'killmarker*'`);
    assert.equal(indexed?.n, statements.length, 'each statement\u2019s first passage is in the index');
    return statements.length;
  } finally {
    await db.close();
  }
}

test('GIVEN an ingest killed with SIGKILL mid-run THEN no statement is half-written and the next run completes the corpus', { timeout: 120_000 }, async () => {
  const corpus = join(scratch, 'corpus');
  const db = join(scratch, 'killed.sqlite');
  await writeCorpus(corpus);

  const run = spawnIngest(['--db', db, corpus]);
  let seen = 0;
  while (seen < KILL_AFTER_STATEMENTS && run.child.exitCode === null) {
    await sleep(POLL_MS);
    seen = await countStatements(db);
  }
  run.child.kill('SIGKILL');
  const killed = await run.done;
  assert.equal(killed.signal, 'SIGKILL', 'the run was killed, not finished');

  const survivors = await assertWholeStatements(db);
  assert.ok(survivors >= KILL_AFTER_STATEMENTS && survivors < FILES, `${survivors} statements survived the kill`);
  const check = await openForWriting(db);
  const runs = await check.all<{ finished_at: string | null }>('SELECT finished_at FROM ingest_runs');
  await check.close();
  assert.deepEqual(runs, [{ finished_at: null }], 'the killed run is recorded as unfinished');

  const rerun = spawnIngest(['--db', db, corpus]);
  const finished = await rerun.done;
  assert.equal(finished.code, 0);
  assert.match(finished.stdout, new RegExp(`added ${FILES - survivors}, updated 0, unchanged ${survivors}, removed 0, failed 0`));
  assert.match(finished.stdout, /\nAn earlier ingest \(started \d{4}-\d\d-\d\dT[\d:.]+Z\) never finished: it was killed or interrupted\. The statements it wrote are whole and kept; this run went on from them\.\n/);
  assert.equal(await assertWholeStatements(db), FILES);
  const closed = await openForWriting(db);
  const after = await closed.all<{ finished: number; interrupted: number }>('SELECT finished_at IS NOT NULL AS finished, interrupted_at IS NOT NULL AS interrupted FROM ingest_runs ORDER BY id');
  await closed.close();
  assert.deepEqual(after, [{ finished: 0, interrupted: 1 }, { finished: 1, interrupted: 0 }], 'the killed run is closed as interrupted');
});
