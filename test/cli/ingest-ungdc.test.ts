import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { c as createTar } from 'tar';
import { UNGDC_SPEAKERS, UNGDC_TARBALL } from '../../src/corpus/ungdc.js';
import { Database } from '../../src/store/database.js';
import { SEEDS, seedBody } from '../corpus/seeds.js';

// A UN-General-Debate-shaped dataset built here (tarball of TXT/Session NN - YYYY/ISO_NN_YYYY.txt
// and speakers.csv), so the scratch folder's life is tested without the 194 MB corpus.
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Speeches in the dataset a run is stopped in the middle of: far more than go in between two polls. */
const SPEECHES = 300;
/** Stop a run once this many statements are in: well inside the run. */
const STOP_AFTER_STATEMENTS = 10;
const POLL_MS = 20;
const SCRATCH_PREFIX = 'statement-corpus-bot-ungdc-';
/** A process id no system hands out (Linux's largest is 4,194,304): its run is surely gone. */
const GONE_PID = 99_999_999;
let scratch: string;
let small: string;
let large: string;

before(async () => {
  scratch = await realpath(await mkdtemp(join(tmpdir(), 'ingest-ungdc-')));
  small = await writeDataset(join(scratch, 'small'), 5);
  large = await writeDataset(join(scratch, 'large'), SPEECHES);
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** `count` speeches of session 50 (1995), ~25 KB each of the seeds' real text, with speakers.csv describing the first. */
async function writeDataset(dir: string, count: number): Promise<string> {
  const session = join(dir, 'build', 'TXT', 'Session 50 - 1995');
  await mkdir(session, { recursive: true });
  const bodies = Object.values(SEEDS).map((name) => seedBody(name));
  const codes = Array.from({ length: count }, (_, i) => `Q${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`);
  for (const [i, code] of codes.entries()) {
    await writeFile(join(session, `${code}_50_1995.txt`), `Mr. President,\n\nspeechmarker${i} opens speech ${i}.\n\n${[bodies[i % 5], bodies[(i + 1) % 5], bodies[(i + 2) % 5]].join('\n\n')}\n`);
  }
  await writeFile(join(dir, UNGDC_SPEAKERS), `Year,Session,ISO Code,Country,Name of Person Speaking,Post\n1995,50,${codes[0]},Republic of Testland,Mr. Jan NOWAK,Minister for Foreign Affairs\n`);
  await createTar({ gzip: true, file: join(dir, UNGDC_TARBALL), cwd: join(dir, 'build') }, ['TXT']);
  await rm(join(dir, 'build'), { recursive: true });
  return dir;
}

/** `npm run ingest:ungdc -- …` as a user runs it, with its own temp folder so its scratch folders can be watched. */
function spawnUngdc(args: string[], temp: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest-ungdc.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'silent', TMPDIR: temp } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

async function tempFolder(name: string): Promise<string> {
  const temp = join(scratch, name);
  await mkdir(temp);
  return temp;
}

/** What runs left in their temp folder, but tsx's cache. */
async function leftInTemp(temp: string): Promise<string[]> {
  return (await readdir(temp)).filter((entry) => !entry.startsWith('tsx-')).sort();
}

async function statements(path: string): Promise<{ source: string; title: string }[]> {
  try {
    const db = await Database.open(path, { readonly: true });
    try {
      return await db.all<{ source: string; title: string }>('SELECT source, title FROM statements ORDER BY source');
    } finally {
      await db.close();
    }
  } catch {
    return []; // not created or not migrated yet
  }
}

/** Start a run on the large dataset and wait, polling, until it is writing statements. */
async function runStoppedMidway(name: string) {
  const temp = await tempFolder(name);
  const db = join(scratch, `${name}.sqlite`);
  const run = spawnUngdc(['--db', db, '--dataset', large], temp);
  let seen = 0;
  while (seen < STOP_AFTER_STATEMENTS && run.child.exitCode === null) {
    await sleep(POLL_MS);
    seen = (await statements(db)).length;
  }
  assert.equal(run.child.exitCode, null, 'still running when stopped');
  assert.equal((await leftInTemp(temp)).length, 1, 'its scratch folder is there while it runs');
  return { temp, db, run };
}

test('GIVEN a UN-style dataset THEN ingest:ungdc ingests it under "ungdc:" sources, a re-run from a new scratch folder changes nothing, and no scratch folder stays', { timeout: 120_000 }, async () => {
  const temp = await tempFolder('normal');
  const db = join(scratch, 'normal.sqlite');
  const first = await spawnUngdc(['--db', db, '--dataset', small], temp).done;
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /added 5, updated 0, unchanged 0, removed 0, failed 0;/);
  const rows = await statements(db);
  assert.deepEqual(rows.map((row) => row.source), ['QAA', 'QAB', 'QAC', 'QAD', 'QAE'].map((code) => `ungdc:Session 50 - 1995/${code}_50_1995.txt`));
  assert.equal(rows[0]!.title, 'Statement by Mr. Jan Nowak, Minister for Foreign Affairs, Republic of Testland, UN General Debate, 50th session (1995)');
  assert.deepEqual(await leftInTemp(temp), []);

  const second = await spawnUngdc(['--db', db, '--dataset', small], temp).done;
  assert.match(second.stdout, /added 0, updated 0, unchanged 5, removed 0, failed 0;/);
  assert.deepEqual(await leftInTemp(temp), []);
});

test('GIVEN a tarball that can not be unpacked THEN one line, exit 1, and no scratch folder stays', { timeout: 60_000 }, async () => {
  const dataset = join(scratch, 'broken');
  await mkdir(dataset);
  await writeFile(join(dataset, UNGDC_SPEAKERS), 'Year,Session,ISO Code,Country,Name of Person Speaking,Post\n');
  await writeFile(join(dataset, UNGDC_TARBALL), 'not a tarball');
  const temp = await tempFolder('broken-temp');
  const result = await spawnUngdc(['--db', join(scratch, 'broken.sqlite'), '--dataset', dataset], temp).done;
  assert.equal(result.code, 1);
  assert.match(result.stderr, new RegExp(`^Can't unpack ${join(dataset, UNGDC_TARBALL).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(.+\\)\\.\\n$`));
  assert.deepEqual(await leftInTemp(temp), []);
});

const stopSignals: { signal: NodeJS.Signals; code: number }[] = [
  { signal: 'SIGINT', code: 130 },
  { signal: 'SIGTERM', code: 143 },
];
for (const { signal, code } of stopSignals) {
  test(`GIVEN ${signal} mid-run THEN the scratch folder is removed and the exit code is ${code}`, { timeout: 120_000 }, async () => {
    const { temp, run } = await runStoppedMidway(`stopped-${signal}`);
    run.child.kill(signal);
    const stopped = await run.done;
    assert.equal(stopped.code, code);
    assert.deepEqual(await leftInTemp(temp), []);
  });
}

test('GIVEN a run killed with SIGKILL THEN the next run removes its scratch folder (and only such leftovers), reports the killed run and completes the corpus', { timeout: 180_000 }, async () => {
  const { temp, db, run } = await runStoppedMidway('killed');
  run.child.kill('SIGKILL');
  assert.equal((await run.done).signal, 'SIGKILL');
  const [leftover] = await leftInTemp(temp);
  assert.ok(leftover?.startsWith(SCRATCH_PREFIX), 'SIGKILL leaves the folder behind');

  // Beside it: another killed run's folder, and things that are not ours to remove.
  const gone = `${SCRATCH_PREFIX}${GONE_PID}-AbC123`;
  const running = `${SCRATCH_PREFIX}${process.pid}-XyZ789`; // a live process: a run going on beside
  await mkdir(join(temp, gone));
  await mkdir(join(temp, running));
  await mkdir(join(temp, 'ungdc-Qw3rty')); // someone else's, or another tool's
  await writeFile(join(temp, `${SCRATCH_PREFIX}${GONE_PID}-F1le00`), 'a file, not a folder we made');
  await mkdir(join(temp, 'linked-target'));
  await symlink(join(temp, 'linked-target'), join(temp, `${SCRATCH_PREFIX}${GONE_PID}-L1nk00`));

  const rerun = await spawnUngdc(['--db', db, '--dataset', large], temp).done;
  assert.equal(rerun.code, 0, rerun.stderr);
  const removed = rerun.stderr.split('\n').filter((line) => line.startsWith('Removed '));
  assert.deepEqual(removed.sort(), [gone, leftover!].map((name) => `Removed ${join(temp, name)}, left by an earlier run that was killed.`).sort());
  assert.deepEqual(await leftInTemp(temp), [`${SCRATCH_PREFIX}${GONE_PID}-F1le00`, `${SCRATCH_PREFIX}${GONE_PID}-L1nk00`, running, 'linked-target', 'ungdc-Qw3rty'].sort());
  assert.match(rerun.stdout, /\nAn earlier ingest \(started [\dT:.Z-]+\) never finished: it was killed or interrupted\./);
  assert.match(rerun.stdout, new RegExp(`added \\d+, updated 0, unchanged \\d+, removed 0, failed 0;`));
  assert.equal((await statements(db)).length, SPEECHES);
});
