import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { contentHash } from '../../src/corpus/content-hash.js';
import { ingest } from '../../src/corpus/ingest.js';
import { jsonlLines, parseJsonlStatement } from '../../src/corpus/jsonl.js';
import { prepareStatement, prepareTask } from '../../src/corpus/statement-file.js';
import { Database } from '../../src/store/database.js';
import { migrate, openForWriting, readMigrations, schemaVersion } from '../../src/store/migrate.js';
import { saveStatement } from '../../src/store/statement-writes.js';
import type { StatementInput } from '../../src/store/records.js';
import { CORPUS_DIR, SEEDS } from './seeds.js';

const log = { debug: () => undefined, error: () => undefined } as never;
/** What ingest hashed as its split settings when none were given. */
const DEFAULT_SPLIT = { targetChars: undefined, maxChars: undefined };
let scratch: string;

before(async () => {
  scratch = await realpath(await mkdtemp(join(tmpdir(), 'migration-0006-')));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A statement as version 5 wrote it: signatories were not read then (migration 0008). */
function asVersion5({ signatories: _, ...statement }: StatementInput): StatementInput {
  return statement;
}

/** A database at schema version 5 holding `folder` as the version-5 ingest left it: sources relative to the folder. */
async function version5Database(path: string, folder: string): Promise<void> {
  const db = await Database.open(path);
  await migrate(db, readMigrations().filter((migration) => migration.version <= 5));
  for (const name of (await readdir(folder)).sort()) {
    const bytes = await readFile(join(folder, name));
    if (name.endsWith('.jsonl')) {
      for (const line of jsonlLines(bytes.toString('utf8'))) {
        await saveStatement(db, asVersion5(prepareStatement(parseJsonlStatement(name, line), contentHash(line.line, undefined, DEFAULT_SPLIT))));
      }
      continue;
    }
    const file = { path: join(folder, name), source: name, relative: name, format: 'markdown' as const };
    await saveStatement(db, asVersion5(prepareTask({ kind: 'file', file, bytes, given: undefined, hash: contentHash(bytes, undefined, DEFAULT_SPLIT), split: DEFAULT_SPLIT })));
  }
  // The run that wrote them was killed: version 5 left it unfinished for good.
  await db.run('INSERT INTO ingest_runs (started_at) VALUES (?)', ['2026-01-01T00:00:00.000Z']);
  await db.close();
}

test('GIVEN a version-5 database THEN 0006 keeps every statement, and re-ingesting its folder takes each over with its id', async () => {
  const folder = join(scratch, 'statements');
  await cp(fileURLToPath(CORPUS_DIR), folder, { recursive: true });
  await writeFile(join(folder, 'appeals.jsonl'), '{"id":"a1","title":"Appeal","organisation":"Iskra Group","text":"No to war! Peace to all peoples."}\n');
  const path = join(scratch, 'v5.sqlite');
  await version5Database(path, folder);

  const db = await openForWriting(path);
  assert.equal(await schemaVersion(db), readMigrations().at(-1)!.version);
  const before = await db.all<{ id: number; source: string; text: string }>('SELECT id, source, text FROM statements ORDER BY id');
  assert.equal(before.length, 6);
  assert.ok(before.every((row) => row.source.startsWith('unknown-root:')), 'the folder they came from is not known');

  const summary = await ingest(db, [folder], { log, prune: true });
  assert.deepEqual([summary.added, summary.updated, summary.unchanged, summary.removed, summary.failed], [0, 0, 6, 0, 0]);
  assert.deepEqual(summary.interruptedRuns, [{ id: 1, startedAt: '2026-01-01T00:00:00.000Z' }], 'the killed version-5 run is closed and reported');
  const after = await db.all<{ id: number; source: string; text: string }>('SELECT id, source, text FROM statements ORDER BY id');
  assert.deepEqual(after.map((row) => [row.id, row.text]), before.map((row) => [row.id, row.text]), 'same ids, same words');
  assert.deepEqual(after.map((row) => row.source).sort(), [...Object.values(SEEDS).map((name) => join(folder, name)), `${join(folder, 'appeals.jsonl')}#a1`].sort());
  await db.close();
});

test('GIVEN a version-5 database and another folder with a file of the same name but other words THEN that file is a new statement and the old one keeps its text', async () => {
  const folder = join(scratch, 'first');
  await mkdir(folder);
  await writeFile(join(folder, 'statement.md'), '---\norganisation: First Front\n---\nNo to war!');
  const path = join(scratch, 'v5-twins.sqlite');
  await version5Database(path, folder);

  const other = join(scratch, 'second');
  await mkdir(other);
  await writeFile(join(other, 'statement.md'), '---\norganisation: Second Front\n---\nPeace now!');
  const db = await openForWriting(path);
  const summary = await ingest(db, [other], { log });
  assert.deepEqual([summary.added, summary.updated], [1, 0]);
  const rows = await db.all<{ source: string; organisation: string }>('SELECT source, organisation FROM statements ORDER BY id');
  assert.deepEqual(rows, [
    { source: 'unknown-root:statement.md', organisation: 'First Front' },
    { source: join(other, 'statement.md'), organisation: 'Second Front' },
  ]);
  // Its own folder still takes it over later.
  assert.equal((await ingest(db, [folder], { log })).unchanged, 1);
  assert.equal((await db.get<{ source: string }>('SELECT source FROM statements WHERE id = 1'))?.source, join(folder, 'statement.md'));
  await db.close();
});
