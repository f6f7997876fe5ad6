import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ingest } from '../../src/corpus/ingest.js';
import { readSpeakers, ungdcMetadata } from '../../src/corpus/ungdc.js';
import { createLogger } from '../../src/log.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import { createFtsRetriever } from '../../src/search/fts-retriever.js';
import { Database } from '../../src/store/database.js';
import { migrate, openForWriting, readMigrations, schemaVersion } from '../../src/store/migrate.js';

const log = createLogger('silent');
let folder: string;
let db: Database;

const quokkas = (aliases: string) => `---
title: "On quokka sanctuaries"
organisation: "Quokka Liberation Front"
${aliases}
date: 2024-02-02
---
The Quokka Liberation Front demands a sanctuary for every quokka on Rottnest Island.
`;

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'aliases-'));
  db = await openForWriting(':memory:');
});
after(async () => {
  await db.close();
  await rm(folder, { recursive: true, force: true });
});

test('GIVEN front matter declaring aliases THEN a question naming the organisation by one of them is read as asking it', async () => {
  await writeFile(join(folder, 'quokkas.md'), quokkas('aliases: ["QLF", "the Quokka Front"]'));
  await ingest(db, [folder], { log });
  const retriever = createCorpusRetriever(db);
  assert.deepEqual((await retriever.organisations()).find((o) => o.organisation === 'Quokka Liberation Front')?.aliases?.sort(), ['QLF', 'the Quokka Front']);
  const result = await retriever.search('What does the QLF say about sanctuaries?', { understand: true });
  assert.deepEqual(result.understood?.speakers.map((speaker) => speaker.organisations), [['Quokka Liberation Front']]);
  assert.equal(result.understood?.use, 'filter');
  assert.equal(result.hits[0]?.statement.organisation, 'Quokka Liberation Front');
});

test('GIVEN the statement re-ingested with other aliases THEN the old ones are gone; removed, so are they', async () => {
  await writeFile(join(folder, 'quokkas.md'), quokkas('aliases: "Quokka Front; QF"'));
  await ingest(db, [folder], { log });
  const retriever = createCorpusRetriever(db);
  assert.deepEqual((await retriever.organisations()).find((o) => o.organisation === 'Quokka Liberation Front')?.aliases?.sort(), ['QF', 'Quokka Front']);
  // Pruning needs the folder to hold statements still (an emptied folder prunes nothing: see ingest.ts).
  await writeFile(join(folder, 'other.md'), '---\ntitle: "Other"\norganisation: "Other Front"\n---\nAnother statement about something else entirely.\n');
  await rm(join(folder, 'quokkas.md'));
  await ingest(db, [folder], { log, prune: true });
  assert.equal((await db.get<{ n: number }>("SELECT count(*) AS n FROM statements WHERE organisation = 'Quokka Liberation Front'"))!.n, 0);
  assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM statement_aliases'))!.n, 0);
});

test('GIVEN aliases that are not a list of names THEN the file gets a one-line error', async () => {
  await writeFile(join(folder, 'bad.md'), quokkas('aliases: { name: "QLF" }'));
  const summary = await ingest(db, [folder], { log });
  assert.equal(summary.failed, 1);
  assert.match(summary.failures[0]!.message, /aliases must be text/);
  await rm(join(folder, 'bad.md'));
});

test('GIVEN a UN speech speakers.csv files under another name used often THEN that name is an alias; a one-off misspelling is not', () => {
  const csv = [
    'Year,Session,ISO Code,Country,Name of Person Speaking,Post',
    ...[2001, 2002, 2003].map((year) => `${year},${year - 1945},VEN,"Venezuela, Bolivarian Republic of",Speaker ${year},Minister`),
    '2004,59,VEN,Venezuela,Speaker,Minister',
    '2005,60,VEN,Venezuela,Speaker,Minister',
    '2006,61,VEN,Venezuela,Speaker,Minister',
    '2007,62,VEN,Venezuela,Speaker,Minister',
    '2008,63,CHE,Swistzerland,Speaker,Minister',
    ...[2009, 2010, 2011].map((year) => `${year},${year - 1945},CHE,Switzerland,Speaker,Minister`),
  ].join('\n');
  const { speakers, usualNames, knownNames } = readSpeakers(csv);
  assert.deepEqual(ungdcMetadata('Session 56 - 2001/VEN_56_2001.txt', speakers, usualNames, knownNames)?.aliases, ['Venezuela, Bolivarian Republic of']);
  assert.equal(ungdcMetadata('Session 59 - 2004/VEN_59_2004.txt', speakers, usualNames, knownNames)?.aliases, undefined);
  assert.equal(ungdcMetadata('Session 63 - 2008/CHE_63_2008.txt', speakers, usualNames, knownNames)?.aliases, undefined);
});

test('GIVEN a database of schema version 6 with statements THEN migration 7 adds the aliases table and keeps every statement', async () => {
  const old = await Database.open(':memory:');
  try {
    await migrate(old, readMigrations().filter((migration) => migration.version <= 6));
    assert.equal(await schemaVersion(old), 6);
    await old.run("INSERT INTO statements (source, slug, title, organisation, text, content_hash, ingested_at) VALUES ('a.md', 'a', 'A', 'Quokka Liberation Front', 'Text.', 'h', '2024-01-01')");
    await migrate(old, readMigrations().filter((migration) => migration.version <= 7));
    assert.equal(await schemaVersion(old), 7);
    assert.deepEqual(await createFtsRetriever(old).organisations(), [{ organisation: 'Quokka Liberation Front', statements: 1 }]);
  } finally {
    await old.close();
  }
});
