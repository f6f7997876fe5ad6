import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, realpath, rm, writeFile, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/corpus/ingest.js';
import { WORKER_AFTER_TASKS } from '../../src/corpus/preparer.js';
import type { Database } from '../../src/store/database.js';
import { openForWriting } from '../../src/store/migrate.js';
import { corpusVersion } from '../../src/store/statement-writes.js';
import { CORPUS_DIR, SEEDS } from './seeds.js';

const log = { debug: () => undefined, error: () => undefined } as never;
let scratch: string;

before(async () => {
  scratch = await realpath(await mkdtemp(join(tmpdir(), 'signatories-ingest-')));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function namesBySource(db: Database): Promise<Map<string, string[]>> {
  const rows = await db.all<{ source: string; name: string }>('SELECT s.source, g.name FROM signatories g JOIN statements s ON s.id = g.statement_id ORDER BY s.source, g.ordinal');
  const bySource = new Map<string, string[]>();
  for (const row of rows) bySource.set(row.source, [...(bySource.get(row.source) ?? []), row.name]);
  return bySource;
}

const APPEAL = (signatories: string) => `---\ntitle: Stop the war\norganisation: Peace Committee\n---\nWe say no to the war, and we ask others to sign this appeal.\n\nSignatories:\n${signatories}\n`;

test('GIVEN the bundled corpus ingested THEN the two statements with lists have their rows and the three others none', async () => {
  const dir = join(scratch, 'bundled');
  await cp(fileURLToPath(CORPUS_DIR), dir, { recursive: true });
  const db = await openForWriting(':memory:');
  await ingest(db, [dir], { log, projectDir: scratch });
  const counts = [...(await namesBySource(db))].map(([source, names]) => [source, names.length]);
  assert.deepEqual(counts, [
    [`bundled/${SEEDS.comrades}`, 15],
    [`bundled/${SEEDS.icor}`, 36],
  ]);
  const broken = await db.all(
    `SELECT g.name FROM signatories g JOIN statements s ON s.id = g.statement_id
     WHERE instr(substr(s.text, g.start_offset + 1, g.end_offset - g.start_offset), g.name) = 0 AND g.kind = 'organisation' AND g.abbreviation IS NULL AND g.name NOT LIKE 'Laboratory%'`,
  );
  assert.deepEqual(broken, [], 'each entry holds its name at its offsets');
  await db.close();
});

test('GIVEN a statement re-ingested with a changed list THEN its rows are replaced; with no list, it has none; removed, its rows go with it', async () => {
  const dir = join(scratch, 'changing');
  const file = join(dir, 'appeal.md');
  await mkdir(dir, { recursive: true });
  const db = await openForWriting(':memory:');
  const source = 'changing/appeal.md';

  await writeFile(file, APPEAL('1. Workers Party of Ireland\n2. Jane Doe (Ireland)'));
  await ingest(db, [dir], { log, projectDir: scratch });
  assert.deepEqual((await namesBySource(db)).get(source), ['Workers Party of Ireland', 'Jane Doe']);

  await writeFile(file, APPEAL('1. Socialist League, Malta\n2. Workers Party of Ireland\n3. Red Youth Collective'));
  const second = await ingest(db, [dir], { log, projectDir: scratch });
  assert.equal(second.updated, 1);
  assert.deepEqual((await namesBySource(db)).get(source), ['Socialist League', 'Workers Party of Ireland', 'Red Youth Collective']);

  await writeFile(file, '---\ntitle: Stop the war\n---\nWe say no to the war. The Workers Party of Ireland agrees.\n');
  await ingest(db, [dir], { log, projectDir: scratch });
  assert.equal((await namesBySource(db)).get(source), undefined, 'the list is gone from the text: so are its rows');

  await writeFile(file, APPEAL('1. Workers Party of Ireland\n2. Red Youth Collective'));
  await ingest(db, [dir], { log, projectDir: scratch });
  await unlink(file);
  await writeFile(join(dir, 'other.md'), '---\ntitle: Other\n---\nSomething else entirely.\n');
  await ingest(db, [dir], { log, projectDir: scratch, prune: true });
  assert.deepEqual(await db.all('SELECT * FROM signatories'), [], 'a pruned statement takes its signatories with it');
  await db.close();
});

test('GIVEN a database whose statements were stored before signatories were read THEN the next ingest reads them, once', async () => {
  const dir = join(scratch, 'old');
  await cp(fileURLToPath(CORPUS_DIR), dir, { recursive: true });
  const db = await openForWriting(':memory:');
  await ingest(db, [dir], { log, projectDir: scratch });
  // As a database migrated from schema 7 is: statements there, no rows, rules never run.
  await db.run('DELETE FROM signatories');
  await db.run(`UPDATE corpus_meta SET value = '0' WHERE key = 'signatories_version'`);
  const before = await corpusVersion(db);

  const run = await ingest(db, [dir], { log, projectDir: scratch });
  assert.equal(run.unchanged, 5, 'the statements themselves are not redone');
  assert.deepEqual([...(await namesBySource(db)).values()].map((names) => names.length), [15, 36]);
  assert.ok((await corpusVersion(db)) > before, 'cached answers made without the rows are stale');

  const version = await corpusVersion(db);
  await ingest(db, [dir], { log, projectDir: scratch });
  assert.equal(await corpusVersion(db), version, 'read once: the next run has nothing to do');
  await db.close();
});

test('GIVEN more statements than are prepared in-process THEN those prepared on the worker thread keep their signatories too', async () => {
  const dir = join(scratch, 'many');
  await mkdir(dir, { recursive: true });
  const count = WORKER_AFTER_TASKS + 8;
  for (let i = 0; i < count; i++) await writeFile(join(dir, `appeal-${String(i).padStart(2, '0')}.md`), APPEAL(`1. Workers Party of Ireland\n2. Socialist League ${i}, Malta`));
  const db = await openForWriting(':memory:');
  await ingest(db, [dir], { log, projectDir: scratch });
  const lists = [...(await namesBySource(db)).values()];
  assert.equal(lists.length, count);
  assert.deepEqual(lists.at(-1), ['Workers Party of Ireland', `Socialist League ${count - 1}`]);
  await db.close();
});

test('GIVEN a database read with the first signatory rules THEN the next ingest reads its inline lists with the current ones', async () => {
  const dir = join(scratch, 'inline');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'appeal.md'), APPEAL('Workers Party of Ireland, Socialist League (Malta), John Smith, Professor, University of Leeds.'));
  const db = await openForWriting(':memory:');
  await ingest(db, [dir], { log, projectDir: scratch });
  // As the first rules left it: the paragraph read as no list at all.
  await db.run('DELETE FROM signatories');
  await db.run(`UPDATE corpus_meta SET value = '1' WHERE key = 'signatories_version'`);

  const run = await ingest(db, [dir], { log, projectDir: scratch });
  assert.equal(run.unchanged, 1);
  const rows = await db.all<{ name: string; kind: string; affiliation: string | null }>('SELECT name, kind, affiliation FROM signatories ORDER BY ordinal');
  assert.deepEqual(rows.map((row) => [row.name, row.kind, row.affiliation]), [
    ['Workers Party of Ireland', 'organisation', null],
    ['Socialist League', 'organisation', null],
    ['John Smith', 'person', 'Professor, University of Leeds'],
  ]);
  await db.close();
});
