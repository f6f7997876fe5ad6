import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Database } from '../../src/store/database.js';
import { SEEDS } from '../corpus/seeds.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The conventional uid and gid of the unprivileged user "nobody". */
const NOBODY = 65534;
let scratch: string;

before(async () => {
  scratch = await realpath(await mkdtemp(join(tmpdir(), 'ingest-cli-')));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** The statements in a database file, by source. */
async function statementTexts(path: string): Promise<{ source: string; text: string }[]> {
  const db = await Database.open(path, { readonly: true });
  try {
    return await db.all<{ source: string; text: string }>('SELECT source, text FROM statements ORDER BY source');
  } finally {
    await db.close();
  }
}

/** Run `npm run ingest -- …` as a user would (the same entry point, without npm's banner). */
function runIngest(args: string[], { logLevel = 'silent', unprivileged = false }: { logLevel?: string; unprivileged?: boolean } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: logLevel },
      // "nobody": file permissions apply to it, as they do to anyone but root.
      ...(unprivileged && process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('GIVEN a copy of the bundled corpus THEN the CLI ingests it, says what it did, and a re-run is a no-op', async () => {
  const corpus = join(scratch, 'corpus');
  await cp(join(REPO_ROOT, 'corpus'), corpus, { recursive: true });
  const db = join(scratch, 'cli.sqlite');
  const first = await runIngest(['--db', db, corpus]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^Ingest finished in \d+\.\d s \([\d.]+ MB\/s\): added 5, updated 0, unchanged 0, removed 0, failed 0; \d+ passages written\.\n/);
  assert.match(first.stdout, new RegExp(`${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} now holds 5 statements in \\d+ passages\\.`));
  assert.equal(first.stderr, '', 'no progress bar or log noise when not on a terminal');

  const second = await runIngest(['--db', db, corpus]);
  assert.equal(second.code, 0);
  assert.match(second.stdout, /added 0, updated 0, unchanged 5, removed 0, failed 0; 0 passages written/);
});

test('GIVEN the bundled corpus, by default and by its absolute path (as npm start names it) THEN one set of statements named from the project folder', async () => {
  const db = join(scratch, 'default.sqlite');
  const first = await runIngest(['--db', db]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /added 5, updated 0, unchanged 0, removed 0, failed 0;/);
  const sources = (await statementTexts(db)).map((row) => row.source);
  assert.deepEqual(sources, Object.values(SEEDS).map((name) => `corpus/${name}`).sort());
  const again = await runIngest(['--db', db, join(REPO_ROOT, 'corpus')]);
  assert.match(again.stdout, /added 0, updated 0, unchanged 5, removed 0, failed 0;/);
});

test('GIVEN a bad file THEN the CLI prints one error line for it, ingests the rest and exits 1', async () => {
  const corpus = join(scratch, 'with-bad-file');
  await cp(join(REPO_ROOT, 'corpus'), corpus, { recursive: true });
  await writeFile(join(corpus, 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]));
  const result = await runIngest(['--db', join(scratch, 'bad.sqlite'), corpus]);
  assert.equal(result.code, 1);
  assert.equal(result.stderr, `error: ${join(corpus, 'scan.txt')}: file looks binary (it contains NUL bytes); expected UTF-8 text\n`);
  assert.match(result.stdout, /added 5, updated 0, unchanged 0, removed 0, failed 1;/);
});

test('GIVEN UTF-16 files THEN those with a byte-order mark go in as text, and one without gets one error line', async () => {
  const corpus = join(scratch, 'utf16');
  await mkdir(corpus);
  const appeal = 'No to war!\n\nPeace to Ukraine, peace to Russia, peace to all humankind — Мир народам!';
  await writeFile(join(corpus, 'little-endian.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(appeal, 'utf16le')]));
  await writeFile(join(corpus, 'big-endian.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(appeal, 'utf16le').swap16()]));
  await writeFile(join(corpus, 'no-bom.txt'), Buffer.from(appeal, 'utf16le'));
  const db = join(scratch, 'utf16.sqlite');
  const result = await runIngest(['--db', db, corpus]);
  assert.equal(result.code, 1);
  assert.equal(result.stderr, `error: ${join(corpus, 'no-bom.txt')}: file looks like UTF-16 without a byte-order mark; re-save it as UTF-8 (or UTF-16 with a byte-order mark)\n`);
  assert.match(result.stdout, /added 2, updated 0, unchanged 0, removed 0, failed 1;/);
  assert.deepEqual(await statementTexts(db), [
    { source: join(corpus, 'big-endian.txt'), text: appeal },
    { source: join(corpus, 'little-endian.txt'), text: appeal },
  ]);
});

test('GIVEN a vanished file, a pipe, an unreadable file and an unreadable folder THEN one error line each, no stack trace, and the rest go in', { timeout: 60_000 }, async () => {
  const corpus = join(scratch, 'unreadable');
  await cp(join(REPO_ROOT, 'corpus'), corpus, { recursive: true });
  await symlink(join(corpus, 'deleted-meanwhile.md'), join(corpus, 'vanished.md'));
  execFileSync('mkfifo', [join(corpus, 'pipe.txt')]);
  await writeFile(join(corpus, 'locked.txt'), 'No to war!');
  await chmod(join(corpus, 'locked.txt'), 0o000);
  await mkdir(join(corpus, 'locked-folder'));
  await writeFile(join(corpus, 'locked-folder', 'appeal.txt'), 'Peace now!');
  await chmod(join(corpus, 'locked-folder'), 0o000);
  // Root reads anything: run as an ordinary user then, with a database folder that user may write.
  const database = join(scratch, 'unreadable-db', 'corpus.sqlite');
  await mkdir(join(scratch, 'unreadable-db'), { mode: 0o777 });
  await chmod(join(scratch, 'unreadable-db'), 0o777);
  await chmod(scratch, 0o755);
  // At the default log level, as a user runs it: the log would show a stack trace here.
  const result = await runIngest(['--db', database, corpus], { logLevel: 'info', unprivileged: true });
  assert.equal(result.code, 1, result.stderr);
  assert.deepEqual(result.stderr.trimEnd().split('\n'), [
    `error: ${corpus}/locked-folder: can't read the folder: permission denied`,
    `error: ${corpus}/locked.txt: can't read the file: permission denied`,
    `error: ${corpus}/pipe.txt: not a regular file (a pipe, socket or device); not read`,
    `error: ${corpus}/vanished.md: the file is gone (deleted or moved while the ingest ran, or a broken link)`,
  ]);
  assert.match(result.stdout, /added 5, updated 0, unchanged 0, removed 0, failed 4;/);
});

test('GIVEN --prune and a folder that can no longer be read THEN its statements are kept, not pruned', { timeout: 60_000 }, async () => {
  const corpus = join(scratch, 'prune-unreadable');
  await mkdir(join(corpus, 'ukraine'), { recursive: true });
  await cp(join(REPO_ROOT, 'corpus', SEEDS.jakna), join(corpus, 'ukraine', SEEDS.jakna));
  await cp(join(REPO_ROOT, 'corpus', SEEDS.icor), join(corpus, SEEDS.icor));
  await mkdir(join(scratch, 'prune-unreadable-db'), { mode: 0o777 });
  await chmod(join(scratch, 'prune-unreadable-db'), 0o777);
  await chmod(scratch, 0o755);
  const database = join(scratch, 'prune-unreadable-db', 'corpus.sqlite');
  const first = await runIngest(['--db', database, corpus], { unprivileged: true });
  assert.equal(first.code, 0, first.stderr);
  await chmod(join(corpus, 'ukraine'), 0o000);
  const pruned = await runIngest(['--db', database, '--prune', corpus], { unprivileged: true });
  await chmod(join(corpus, 'ukraine'), 0o755);
  assert.equal(pruned.code, 1);
  assert.equal(pruned.stderr, `error: ${corpus}/ukraine: can't read the folder: permission denied\n`);
  assert.match(pruned.stdout, /added 0, updated 0, unchanged 1, removed 0, failed 1;/);
  assert.equal((await statementTexts(database)).length, 2);
});

test('GIVEN a path that does not exist among good ones THEN one error line for it, the rest go in, and --prune keeps what came from it', async () => {
  const ukraine = join(scratch, 'missing', 'ukraine');
  const afghanistan = join(scratch, 'missing', 'afghanistan');
  await mkdir(ukraine, { recursive: true });
  await mkdir(afghanistan, { recursive: true });
  await cp(join(REPO_ROOT, 'corpus', SEEDS.jakna), join(ukraine, SEEDS.jakna));
  await cp(join(REPO_ROOT, 'corpus', SEEDS.icor), join(afghanistan, SEEDS.icor));
  const db = join(scratch, 'missing.sqlite');
  assert.equal((await runIngest(['--db', db, afghanistan])).code, 0);

  const typo = join(scratch, 'missing', 'afghanistna');
  const result = await runIngest(['--db', db, '--prune', ukraine, typo, 'no-such-file.md']);
  assert.equal(result.code, 1);
  assert.equal(result.stderr, `error: ${typo}: no such file or folder\nerror: no-such-file.md: no such file or folder\n`);
  assert.match(result.stdout, /added 1, updated 0, unchanged 0, removed 0, failed 2;/);
  assert.deepEqual((await statementTexts(db)).map((row) => row.source), [join(afghanistan, SEEDS.icor), join(ukraine, SEEDS.jakna)]);
});

const usage: { name: string; args: string[]; code: number; stdout?: RegExp; stderr?: RegExp }[] = [
  { name: '--help', args: ['--help'], code: 0, stdout: /^Usage: npm run ingest -- \[--db path\] \[--prune\] \[--manifest file\] \[paths…\]/ },
  { name: 'an unknown flag', args: ['--frobnicate'], code: 2, stderr: /Unknown option '--frobnicate'[\s\S]*Usage: npm run ingest/ },
  { name: 'a missing path', args: ['--db', ':memory:', 'no/such/folder'], code: 1, stderr: /^error: no\/such\/folder: no such file or folder\n$/, stdout: /added 0, updated 0, unchanged 0, removed 0, failed 1;/ },
  { name: 'a file of an unknown type', args: ['--db', ':memory:', 'package.json'], code: 1, stderr: /^error: package\.json: not a statement file; use \.txt, \.md, \.html or \.jsonl\n$/ },
];
for (const { name, args, code, stdout, stderr } of usage) {
  test(`GIVEN ${name} THEN exit code ${code} and a readable message`, async () => {
    const result = await runIngest(args);
    assert.equal(result.code, code, result.stderr);
    if (stdout) assert.match(result.stdout, stdout);
    if (stderr) assert.match(result.stderr, stderr);
  });
}

test('GIVEN an ftp:// address to ingest THEN the CLI says only http and https are fetched (not "no such file"), exits 1 and writes no statement', async () => {
  const db = join(scratch, 'ftp.sqlite');
  const run = await runIngest(['--db', db, 'ftp://127.0.0.1/statement.txt']);
  assert.equal(run.code, 1);
  assert.equal(run.stderr, 'failed: ftp://127.0.0.1/statement.txt: Only http and https addresses are fetched, not ftp: ftp://127.0.0.1/statement.txt\n');
  assert.deepEqual(await statementTexts(db), []);
});
