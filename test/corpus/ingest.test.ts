import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, realpath, rename, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/corpus/ingest.js';
import { MAX_FILE_BYTES } from '../../src/corpus/decode.js';
import { UserFacingError } from '../../src/errors.js';
import type { Database } from '../../src/store/database.js';
import { openForWriting } from '../../src/store/migrate.js';
import { corpusVersion } from '../../src/store/statement-writes.js';
import { CORPUS_DIR, SEEDS } from './seeds.js';

const log = { debug: () => undefined, error: () => undefined } as never;
let scratch: string;
/** The scratch folder stands for the project folder: sources inside it are relative to it ("bundled/icor-….md"). */
let quiet: { log: never; projectDir: string };

before(async () => {
  scratch = await realpath(await mkdtemp(join(tmpdir(), 'ingest-test-')));
  quiet = { log, projectDir: scratch };
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A fresh copy of the bundled corpus and an empty in-memory database. */
async function setUp(name: string): Promise<{ dir: string; db: Database }> {
  const dir = join(scratch, name);
  await cp(fileURLToPath(CORPUS_DIR), dir, { recursive: true });
  return { dir, db: await openForWriting(':memory:') };
}

async function statementBySource(db: Database, source: string) {
  return db.get<{ id: number; title: string; organisation: string; date: string | null; language: string | null; text: string }>('SELECT id, title, organisation, date, language, text FROM statements WHERE source = ?', [source]);
}

async function assertConsistent(db: Database): Promise<void> {
  await db.run(`INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)`);
  const broken = await db.all('SELECT p.id FROM passages p JOIN statements s ON s.id = p.statement_id WHERE substr(s.text, p.start_offset + 1, p.end_offset - p.start_offset) <> p.text');
  assert.deepEqual(broken, [], 'every passage is its statement text at its offsets');
}

test('GIVEN the bundled corpus THEN five statements go in with their front matter, and a second run changes nothing', async () => {
  const { dir, db } = await setUp('bundled');
  const first = await ingest(db, [dir], quiet);
  assert.deepEqual([first.added, first.updated, first.unchanged, first.failed], [5, 0, 0, 0]);
  assert.ok(first.passages >= 25);
  const icor = await statementBySource(db, `bundled/${SEEDS.icor}`);
  assert.equal(icor?.organisation, 'ICOR (International Coordination of Revolutionary Parties and Organizations)');
  assert.equal(icor?.date, '2021-09-10');
  assert.ok(!icor?.text.includes('Skip to content'));
  const comrades = await statementBySource(db, `bundled/${SEEDS.comrades}`);
  assert.equal(comrades?.date, null, 'no date in the front matter or the text: none');
  await assertConsistent(db);

  const version = await corpusVersion(db);
  const second = await ingest(db, [dir], quiet);
  assert.deepEqual([second.added, second.updated, second.unchanged, second.passages], [0, 0, 5, 0]);
  assert.equal(await corpusVersion(db), version, 'nothing changed, so cached answers stay valid');
  const runs = await db.all<{ finished_at: string | null; added: number; unchanged: number }>('SELECT finished_at, added, unchanged FROM ingest_runs ORDER BY id');
  assert.deepEqual(runs.map((run) => [run.added, run.unchanged, run.finished_at !== null]), [[5, 0, true], [0, 5, true]]);
  await db.close();
});

test('GIVEN an edited file THEN its statement is replaced and keeps its id', async () => {
  const { dir, db } = await setUp('edited');
  await ingest(db, [dir], quiet);
  const before = await statementBySource(db, `edited/${SEEDS.anarchists}`);
  await writeFile(join(dir, SEEDS.anarchists), '---\ntitle: Help us in Our Struggle\n---\nWe need solidarity with the comrades of Kabul.\n');
  const summary = await ingest(db, [dir], quiet);
  assert.deepEqual([summary.updated, summary.unchanged], [1, 4]);
  const afterEdit = await statementBySource(db, `edited/${SEEDS.anarchists}`);
  assert.equal(afterEdit?.id, before?.id);
  assert.equal(afterEdit?.text, 'We need solidarity with the comrades of Kabul.');
  assert.equal(afterEdit?.organisation, '', 'the old organisation is not carried over');
  const hits = await db.all('SELECT rowid FROM passage_fts WHERE passage_fts MATCH ?', ['deportation']);
  assert.deepEqual(hits, [], 'the old text is no longer found');
  await assertConsistent(db);
  await db.close();
});

test('GIVEN a deleted file THEN --prune removes its statement, and a run without --prune keeps it', async () => {
  const { dir, db } = await setUp('pruned');
  await ingest(db, [dir], quiet);
  await unlink(join(dir, SEEDS.cipoml));
  const kept = await ingest(db, [dir], quiet);
  assert.equal(kept.removed, 0);
  assert.ok(await statementBySource(db, `pruned/${SEEDS.cipoml}`));
  const pruned = await ingest(db, [dir], { ...quiet, prune: true });
  assert.equal(pruned.removed, 1);
  assert.equal(await statementBySource(db, `pruned/${SEEDS.cipoml}`), undefined);
  assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM passages WHERE statement_id NOT IN (SELECT id FROM statements)'))?.n, 0);
  await assertConsistent(db);
  await db.close();
});

test('GIVEN --prune on a folder with no statement files THEN it reports it and prunes nothing, rather than empty what came from it', async () => {
  const { dir, db } = await setUp('emptied');
  await ingest(db, [dir], quiet);
  for (const name of Object.values(SEEDS)) await unlink(join(dir, name));
  await writeFile(join(dir, 'README.md'), 'Statements go here.');
  const summary = await ingest(db, [dir], { ...quiet, prune: true });
  assert.equal(summary.removed, 0);
  assert.deepEqual(summary.failures, [{ source: 'emptied', message: 'no statement files (.txt, .md, .html, .jsonl) in it; not pruning the statements ingested from it' }]);
  assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM statements'))?.n, 5);
  await db.close();
});

test('GIVEN bad files among good ones THEN each bad one is one clear failure and the rest go in', async () => {
  const { dir, db } = await setUp('bad-files');
  await writeFile(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
  await writeFile(join(dir, 'empty.md'), '');
  await writeFile(join(dir, 'latin1.txt'), Buffer.from('D\xe9claration de solidarit\xe9', 'latin1'));
  await writeFile(join(dir, 'huge.txt'), '');
  await truncate(join(dir, 'huge.txt'), MAX_FILE_BYTES + 1);
  await writeFile(join(dir, 'broken-front-matter.md'), '---\ntitle: [oops\n---\nText\n');
  await writeFile(join(dir, 'only-chrome.txt'), 'Skip to main content\n\nPersonal tools\n\nDocument Actions\n');
  await writeFile(join(dir, 'notes.pdf'), 'not ingested: unknown type inside a folder');
  await writeFile(join(dir, 'statements.jsonl'), ['{"id":"a","title":"Peace","text":"Peace to Ukraine, peace to all humankind!"}', '{"id":"b", "text": ', '{"id":"a","text":"again"}', '{"_id":"c","body":"No to war!","organisation":"Iskra Group","date":"2022-02"}'].join('\n'));
  const summary = await ingest(db, [dir], quiet);
  assert.equal(summary.added, 5 + 2);
  assert.equal(summary.failed, 8);
  const messages = Object.fromEntries(summary.failures.map((failure) => [failure.source.replace(/^bad-files\//, ''), failure.message]));
  assert.match(messages['binary.txt']!, /looks binary/);
  assert.match(messages['empty.md']!, /file is empty/);
  assert.match(messages['latin1.txt']!, /not valid UTF-8/);
  assert.match(messages['huge.txt']!, /too large/);
  assert.match(messages['broken-front-matter.md']!, /front matter is not valid YAML/);
  assert.match(messages['only-chrome.txt']!, /no statement text left/);
  assert.match(messages['statements.jsonl:2']!, /not valid JSON/);
  assert.match(messages['statements.jsonl:3']!, /duplicate id "a" \(first on line 1\)/);
  for (const message of Object.values(messages)) assert.ok(!message.includes('\n'), 'one line each');
  const c = await statementBySource(db, 'bad-files/statements.jsonl#c');
  assert.deepEqual([c?.organisation, c?.date, c?.text], ['Iskra Group', '2022-02', 'No to war!']);
  const run = await db.get<{ failed: number; added: number }>('SELECT failed, added FROM ingest_runs');
  assert.deepEqual(run, { failed: 8, added: 7 });
  await assertConsistent(db);

  // Fixing one JSONL line re-ingests that statement only; a still-broken line keeps the file's statements from pruning.
  await writeFile(join(dir, 'statements.jsonl'), ['{"id":"a","title":"Peace","text":"Peace to Ukraine, peace to all humankind!"}', '{"id":"b", "text": ', '{"_id":"c","body":"No to the imperialist war!"}'].join('\n'));
  const again = await ingest(db, [dir], { ...quiet, prune: true });
  assert.equal(again.updated, 1);
  assert.equal(again.removed, 0);
  assert.equal((await statementBySource(db, 'bad-files/statements.jsonl#c'))?.text, 'No to the imperialist war!');
  await db.close();
});

test('GIVEN a manifest for plain files THEN its metadata is used, front matter wins over it, and the text fills the gaps', async () => {
  const dir = join(scratch, 'manifest');
  await cp(fileURLToPath(new URL(SEEDS.jakna, CORPUS_DIR)), join(dir, 'jakna.md'));
  await writeFile(join(dir, 'speech.txt'), 'Mr. President,\n\nOn behalf of my Government I congratulate you on your election. The United Nations must be the centre of multilateral action for peace and for the development of all nations.\n');
  await writeFile(join(dir, 'page.html'), '<html><head><title>No to war | Site</title></head><body><nav>Home</nav><main><h1>No to war!</h1><p>Peace to Ukraine, Russia, peace to all humankind! We appeal to all the working people of the world.</p></main></body></html>');
  const manifest = join(scratch, 'manifest.csv');
  await writeFile(manifest, 'path,title,organisation,date,language,url,id\nspeech.txt,"Statement by Mr. X, UN General Debate, 50th session (1995)",Afghanistan,1995,en,https://example.org/afg,AFG_50_1995\njakna.md,Overridden title,Overridden organisation,,,,\n');
  const db = await openForWriting(':memory:');
  const summary = await ingest(db, [dir], { ...quiet, manifest });
  assert.equal(summary.added, 3);
  const speech = await db.get<Record<string, unknown>>('SELECT title, organisation, date, language, url, external_id FROM statements WHERE source = ?', ['manifest/speech.txt']);
  assert.deepEqual(speech, { title: 'Statement by Mr. X, UN General Debate, 50th session (1995)', organisation: 'Afghanistan', date: '1995', language: 'en', url: 'https://example.org/afg', external_id: 'AFG_50_1995' });
  const jakna = await statementBySource(db, 'manifest/jakna.md');
  assert.equal(jakna?.organisation, 'New Communism Movement of Afghanistan (JAKNA)', 'front matter wins');
  const page = await statementBySource(db, 'manifest/page.html');
  assert.deepEqual([page?.title, page?.language], ['No to war!', 'en']);
  assert.ok(!page?.text.includes('Home'));

  // Changing only the manifest entry updates the statement.
  await writeFile(manifest, 'path,title,organisation,date\nspeech.txt,"Statement by Mr. Y",Afghanistan,1995\n');
  const again = await ingest(db, [dir], { ...quiet, manifest });
  assert.deepEqual([again.updated, again.unchanged], [2, 1]);
  await db.close();
});

test('GIVEN two folders each holding statement.md, ingested in separate runs THEN each is its own statement, and the second run adds rather than overwrites', async () => {
  // Outside the project folder (the default one, this checkout): sources are absolute paths.
  const first = join(scratch, 'twins', 'first');
  const second = join(scratch, 'twins', 'second');
  await mkdir(first, { recursive: true });
  await mkdir(second, { recursive: true });
  await writeFile(join(first, 'statement.md'), '---\norganisation: First Front\n---\nNo to war!\n\nThe first statement.');
  await writeFile(join(second, 'statement.md'), '---\norganisation: Second Front\n---\nPeace now!\n\nThe second statement.');
  const db = await openForWriting(':memory:');
  assert.equal((await ingest(db, [first], { log })).added, 1);
  const again = await ingest(db, [second], { log });
  assert.deepEqual([again.added, again.updated, again.failed], [1, 0, 0]);
  const rows = await db.all<{ source: string; organisation: string; text: string }>('SELECT source, organisation, text FROM statements ORDER BY id');
  assert.deepEqual(rows, [
    { source: join(first, 'statement.md'), organisation: 'First Front', text: 'No to war!\n\nThe first statement.' },
    { source: join(second, 'statement.md'), organisation: 'Second Front', text: 'Peace now!\n\nThe second statement.' },
  ]);
  // Both in one run, too.
  const both = await ingest(db, [first, second], { log });
  assert.deepEqual([both.unchanged, both.failed], [2, 0]);

  // --prune on one folder never removes the other's statements.
  await unlink(join(first, 'statement.md'));
  await writeFile(join(first, 'other.md'), 'Another appeal.');
  const pruned = await ingest(db, [first], { log, prune: true });
  assert.deepEqual([pruned.added, pruned.removed], [1, 1]);
  assert.deepEqual((await db.all<{ source: string }>('SELECT source FROM statements ORDER BY id')).map((row) => row.source), [join(second, 'statement.md'), join(first, 'other.md')]);
  await db.close();
});

test('GIVEN the project folder moved (or copied with its database) THEN re-ingesting its corpus changes nothing and every statement keeps its id', async () => {
  const project = join(scratch, 'project-before');
  await mkdir(project);
  await cp(fileURLToPath(CORPUS_DIR), join(project, 'corpus'), { recursive: true });
  const db = await openForWriting(':memory:');
  await ingest(db, [join(project, 'corpus')], { log, projectDir: project });
  const before = await db.all<{ id: number; source: string }>('SELECT id, source FROM statements ORDER BY id');
  assert.deepEqual(before.map((row) => row.source).sort(), Object.values(SEEDS).map((name) => `corpus/${name}`).sort());

  const moved = join(scratch, 'project-after');
  await rename(project, moved);
  const again = await ingest(db, [join(moved, 'corpus')], { log, projectDir: moved, prune: true });
  assert.deepEqual([again.added, again.updated, again.unchanged, again.removed], [0, 0, 5, 0]);
  assert.deepEqual(await db.all('SELECT id, source FROM statements ORDER BY id'), before);
  await db.close();
});

test('GIVEN a bulk load of over a thousand statements THEN the index is merged into one segment and stays searchable', async () => {
  const dir = join(scratch, 'bulk');
  await mkdir(dir, { recursive: true });
  const lines = Array.from({ length: 1_200 }, (_, i) =>
    JSON.stringify({ id: `s${i}`, title: `Resolution ${i}`, organisation: 'ICOR', text: `Resolution number ${i} of the conference condemns the occupation of Afghanistan by imperialist troops.` }),
  );
  await writeFile(join(dir, 'bulk.jsonl'), `${lines.join('\n')}\n`);
  const db = await openForWriting(':memory:');
  const summary = await ingest(db, [dir], quiet);
  assert.equal(summary.added, 1_200);
  const segments = await db.get<{ n: number }>('SELECT count(DISTINCT segid) AS n FROM passage_fts_idx');
  assert.equal(segments?.n, 1);
  const hits = await db.all(`SELECT rowid FROM passage_fts WHERE passage_fts MATCH 'occupation AND afghanistan'`);
  assert.equal(hits.length, 1_200);
  await assertConsistent(db);
  await db.close();
});
