import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ingest, type IngestSummary } from '../../src/corpus/ingest.js';
import { describeUngdc, extractUngdc, readSpeakers, ungdcMetadata, UNGDC_SPEAKERS, UNGDC_TARBALL } from '../../src/corpus/ungdc.js';
import type { Database } from '../../src/store/database.js';
import { openForWriting } from '../../src/store/migrate.js';

// A few dozen real speeches from the UN General Debate Corpus, chosen for their
// trouble: byte-order marks, bare CRs, form feeds, PDF hard wraps, running
// heads, job numbers, OCR soft hyphens, interpreters' notes, renamed states.
const DATASET = resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/datasets/ungdc');
const available = existsSync(join(DATASET, UNGDC_TARBALL)) && existsSync(join(DATASET, UNGDC_SPEAKERS));
const skip = available ? false : `the UN General Debate Corpus is not in ${DATASET}`;

const CHOSEN = new Set([
  'Session 46 - 1991/FSM_46_1991.txt', // BOM, bare CR
  'Session 69 - 2014/USA_69_2014.txt', // form feeds
  'Session 50 - 1995/AFG_50_1995.txt', // hard wrap, page numbers
  'Session 37 - 1982/AUS_37_1982.txt', // OCR "¬", numbered paragraphs
  'Session 63 - 2008/HND_63_2008.txt', // job numbers mid-sentence
  'Session 48 - 1993/SDN_48_1993.txt', // running heads
  'Session 63 - 2008/CHL_63_2008.txt', // "(spoke in Spanish)"
  'Session 53 - 1998/JPN_53_1998.txt', // mojibake apostrophes
  'Session 40 - 1985/RUS_40_1985.txt', // the USSR, not the Russian Federation
  'Session 01 - 1946/BEL_01_1946.txt',
  'Session 24 - 1969/AUT_24_1969.txt',
  'Session 79 - 2024/AND_79_2024.txt',
]);
/** Plus every speech of two countries, across all sessions: ~150 files of every era. */
const COUNTRIES = /\/(ISL|NZL)_\d\d_\d{4}\.txt$/;

let scratch: string;
let db: Database;
let summary: IngestSummary;
let root: string;

before(async () => {
  if (!available) return;
  scratch = await mkdtemp(join(tmpdir(), 'ungdc-test-'));
  root = await extractUngdc(DATASET, scratch, (path) => path.endsWith('/') || CHOSEN.has(path.replace(/^TXT\//, '')) || COUNTRIES.test(path));
  const manifest = join(scratch, 'manifest.jsonl');
  await describeUngdc(root, await readFile(join(DATASET, UNGDC_SPEAKERS), 'utf8'), manifest);
  db = await openForWriting(':memory:');
  summary = await ingest(db, [root], { root, rootName: 'ungdc', manifest, log: { debug: () => undefined, error: () => undefined } as never });
});
after(async () => {
  if (!available) return;
  await db.close();
  await rm(scratch, { recursive: true, force: true });
});

test('GIVEN a sample of UN speeches of every era THEN all go in without failure', { skip }, () => {
  assert.deepEqual(summary.failures, []);
  assert.ok(summary.added > 150, `${summary.added} speeches`);
});

test('GIVEN UN speeches THEN no BOM, CR, form feed, control character, page number or job number survives cleaning', { skip }, async () => {
  const statements = await db.all<{ source: string; text: string }>('SELECT source, text FROM statements');
  for (const { source, text } of statements) {
    assert.doesNotMatch(text, /[\ufeff\r\f\u0000-\u0009\u000b-\u001f]/, source);
    assert.doesNotMatch(text, /^\d{1,4}$|^\d{2}-\d{5}/m, source);
    assert.doesNotMatch(text, /\n{3,}/, source);
  }
});

test('GIVEN hard-wrapped speeches THEN paragraphs are whole: almost none start in mid-sentence', { skip }, async () => {
  const statements = await db.all<{ text: string }>('SELECT text FROM statements');
  const paragraphs = statements.flatMap((statement) => statement.text.split('\n\n'));
  const broken = paragraphs.filter((paragraph) => /^\p{Ll}/u.test(paragraph));
  assert.ok(broken.length / paragraphs.length < 0.005, `${broken.length} of ${paragraphs.length} paragraphs start lower-case`);
  const lines = statements.flatMap((statement) => statement.text.split('\n')).filter((line) => line !== '');
  const short = lines.filter((line) => line.length < 40 && !/[.!?:;"”)]$/.test(line));
  assert.ok(short.length / lines.length < 0.02, `${short.length} of ${lines.length} lines look like unjoined wraps`);
});

const described: { source: string; title: string; organisation: string; date: string }[] = [
  { source: 'ungdc:Session 40 - 1985/RUS_40_1985.txt', title: 'Statement by Mr. Shevardnadze (Union of Soviet Socialist Republics), UN General Debate, 40th session (1985)', organisation: 'Union of Soviet Socialist Republics', date: '1985' },
  { source: 'ungdc:Session 69 - 2014/USA_69_2014.txt', title: 'Statement by Barack Obama, President, United States of America, UN General Debate, 69th session (2014)', organisation: 'United States of America', date: '2014' },
];
for (const expected of described) {
  test(`GIVEN ${expected.source} THEN it is described from speakers.csv`, { skip }, async () => {
    const row = await db.get<Record<string, string>>('SELECT source, title, organisation, date FROM statements WHERE source = ?', [expected.source]);
    assert.deepEqual(row, expected);
  });
}

test('GIVEN the FSM 1991 speech (BOM, bare CR) and the USA 2014 speech (form feeds) THEN their text reads cleanly', { skip }, async () => {
  const fsm = await db.get<{ text: string; language: string }>('SELECT text, language FROM statements WHERE source = ?', ['ungdc:Session 46 - 1991/FSM_46_1991.txt']);
  assert.ok(fsm?.text.startsWith('Mr. President, it is my high honour to address you today'));
  assert.equal(fsm?.language, 'en');
  const usa = await db.get<{ text: string }>('SELECT text FROM statements WHERE source = ?', ['ungdc:Session 69 - 2014/USA_69_2014.txt']);
  assert.ok(usa?.text.includes('we have failed to enforce international norms when it has been inconvenient to do so.'));
  const jpn = await db.get<{ text: string }>('SELECT text FROM statements WHERE source = ?', ['ungdc:Session 53 - 1998/JPN_53_1998.txt']);
  assert.ok(jpn?.text.includes('Japan\u2019s'), 'the lost apostrophe is back');
});

test('GIVEN speakers.csv THEN renamed states are named as they were that year, and unknown speakers are not invented', { skip }, async () => {
  const { speakers, usualNames } = readSpeakers(await readFile(join(DATASET, UNGDC_SPEAKERS), 'utf8'));
  assert.equal(ungdcMetadata('Session 20 - 1965/RUS_20_1965.txt', speakers, usualNames)?.organisation, 'Union of Soviet Socialist Republics');
  assert.equal(ungdcMetadata('Session 60 - 2005/RUS_60_2005.txt', speakers, usualNames)?.organisation, 'Russian Federation');
  assert.equal(ungdcMetadata('Session 30 - 1975/COD_30_1975.txt', speakers, usualNames)?.organisation, 'Zaire');
  // The European Union's speeches of 2011 have no row in speakers.csv.
  assert.deepEqual(ungdcMetadata('Session 66 - 2011/EU_66_2011.txt', speakers, usualNames), {
    title: 'Statement by the delegation of European Union, UN General Debate, 66th session (2011)',
    organisation: 'European Union',
    date: '2011',
    language: 'en',
    externalId: 'EU_66_2011',
  });
});
