import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSeedDatabaseFile } from '../search/seed-db.js';
import { runCli } from './run-cli.js';

const SCRIPT = 'src/cli/search.ts';
const database = useSeedDatabaseFile();

test('GIVEN a question THEN numbered statements with title — organisation, date and a marked snippet', async () => {
  const { code, stdout, stderr } = await runCli(SCRIPT, ['What did the Taliban do to women?', '--db', database.path, '--limit', '2']);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /^1\. .+ — .+, (\d{4}|undated)/m);
  assert.match(stdout, /^2\. /m);
  assert.doesNotMatch(stdout, /^3\. /m);
  assert.match(stdout, /«(Taliban|women)»/, 'matches marked with «…» when not a terminal');
  assert.doesNotMatch(stdout, /[\u0002\u0003\u001b]/);
});

test('GIVEN --org, --from and --json THEN one JSON line whose hits all match the filters', async () => {
  const { code, stdout } = await runCli(SCRIPT, ['Taliban', '--org', 'icor', '--from', '2021-09', '--json', '--db', database.path]);
  assert.equal(code, 0);
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const result = JSON.parse(lines[0]!);
  assert.equal(result.query, 'Taliban');
  assert.equal(result.ftsQuery, '"taliban"');
  assert.ok(result.hits.length > 0);
  for (const hit of result.hits) {
    assert.equal(hit.organisation, 'ICOR');
    assert.deepEqual(Object.keys(hit).sort(), ['date', 'externalId', 'organisation', 'passage', 'passageId', 'passageOrdinal', 'score', 'slug', 'snippet', 'statementId', 'title', 'url']);
    assert.equal(typeof hit.score, 'number');
    assert.match(hit.snippet, /«Taliban»/);
    assert.match(hit.passage, /Taliban/);
  }
});

test('GIVEN - and lines on standard input THEN one JSON line per query, in order, an error line for a bad one', async () => {
  const { code, stdout } = await runCli(SCRIPT, ['-', '--json', '--advanced', '--limit', '1', '--db', database.path], { stdin: 'Taliban\nNOT (\n\n"Russian imperialist army"\r\n' });
  assert.equal(code, 1, 'one query failed');
  const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(lines.map((line) => line.query), ['Taliban', 'NOT (', '"Russian imperialist army"']);
  assert.equal(lines[0].hits.length, 1);
  assert.equal(lines[1].error.code, 'fts_syntax');
  assert.equal(lines[2].hits[0].organisation, 'JAKNA');
});

/** The advanced queries that ended batch runs with a raw SQLITE_ERROR (issue 8), between good ones. */
const BATCH_WITH_BAD_QUERIES = ['Taliban', '"":war', '-\u3000🧨', '- \uFEFFईश्वर日本語', '"Russian imperialist army"'];

test('GIVEN --advanced --json on standard input with FTS5 errors in the middle THEN each bad query gets its error line and the later queries still find results', async () => {
  const { code, stdout, stderr } = await runCli(SCRIPT, ['-', '--json', '--advanced', '--limit', '1', '--db', database.path], { stdin: BATCH_WITH_BAD_QUERIES.join('\n') });
  assert.equal(code, 1, 'some queries failed');
  assert.doesNotMatch(stderr, /SQLITE_ERROR|\n\s+at /, 'no raw error, no stack');
  const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(lines.map((line) => line.query), BATCH_WITH_BAD_QUERIES);
  assert.deepEqual(lines.map((line) => line.error?.code ?? 'ok'), ['ok', 'fts_syntax', 'fts_syntax', 'fts_syntax', 'ok']);
  assert.match(lines[2].error.message, /^Unknown column "<U\+3000>🧨"/);
  assert.equal(lines[4].hits[0].organisation, 'JAKNA', 'the query after the bad ones still ran');
});

test('GIVEN --advanced on standard input with FTS5 errors in the middle THEN one stderr line per bad query and the later queries still print results', async () => {
  const { code, stdout, stderr } = await runCli(SCRIPT, ['-', '--advanced', '--limit', '1', '--db', database.path], { stdin: BATCH_WITH_BAD_QUERIES.join('\n') });
  assert.equal(code, 1);
  const errors = stderr.trim().split('\n');
  assert.equal(errors.length, 3, stderr);
  assert.match(errors[0]!, /^"":war: Unknown column ""/);
  assert.match(errors[2]!, /^- \uFEFFईश्वर日本語: Unknown column "<U\+FEFF>ईश्वर日本語"/, 'the query as typed, then what SQLite saw');
  assert.doesNotMatch(stderr, /SQLITE_ERROR|\n\s+at /);
  assert.equal((stdout.match(/^1\. /gm) ?? []).length, 2, 'the first and the last query printed a result');
  assert.match(stdout, /JAKNA/);
});

test('GIVEN hostile plain queries on standard input THEN every line is answered and the exit code is 0', async () => {
  const hostile = ['"', '(NEAR*', 'a:b -c ^d', '🙂', 'Україна', 'x'.repeat(5000)];
  const { code, stdout } = await runCli(SCRIPT, ['-', '--json', '--db', database.path], { stdin: hostile.join('\n') });
  assert.equal(code, 0);
  assert.equal(stdout.trim().split('\n').length, hostile.length);
});

const USAGE_ERRORS: [string, string[], RegExp][] = [
  ['no query', [], /What should I search for/],
  ['an unknown flag', ['war', '--colour'], /Unknown option '--colour'/],
  ['a bad limit', ['war', '--limit', 'ten'], /--limit must be a whole number/],
  ['a bad date', ['war', '--from', 'yesterday'], /not a date for from/],
  ['bad advanced syntax', ['war AND (', '--advanced'], /Search syntax error/],
];

for (const [name, args, message] of USAGE_ERRORS) {
  test(`GIVEN ${name} THEN one clear line on stderr, no stack trace, exit code 2`, async () => {
    const { code, stdout, stderr } = await runCli(SCRIPT, [...args, '--db', database.path]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, message);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  });
}

test('GIVEN a database that does not exist THEN a one-line failure and exit code 1', async () => {
  const { code, stderr } = await runCli(SCRIPT, ['war', '--db', '/nonexistent/corpus.sqlite']);
  assert.equal(code, 1);
  assert.match(stderr, /No database at \/nonexistent\/corpus.sqlite/);
  assert.doesNotMatch(stderr, /\n\s+at /);
});

test('GIVEN DATABASE_PATH and no --db THEN that database is searched', async () => {
  const { code, stdout } = await runCli(SCRIPT, ['Kabul airport', '--json'], { env: { DATABASE_PATH: database.path } });
  assert.equal(code, 0);
  assert.ok(JSON.parse(stdout).hits.length > 0);
});

test('GIVEN nothing matches THEN it says so and exits 0', async () => {
  const { code, stdout } = await runCli(SCRIPT, ['photosynthesis', '--db', database.path]);
  assert.equal(code, 0);
  assert.match(stdout, /No statements match "photosynthesis"/);
});


test('GIVEN a query naming a speaker THEN the search keeps to it, says so above the results, and --json carries what was understood', async () => {
  const people = await runCli(SCRIPT, ['What does ICOR say about the Taliban?', '--db', database.path]);
  assert.equal(people.code, 0, people.stderr);
  assert.match(people.stdout, /^By: ICOR — not what you meant\? Use the organisation\/from\/to options\.\n1\. .+ — ICOR, 2021-09-10/);
  const json = await runCli(SCRIPT, ['What does ICOR say about the Taliban?', '--json', '--db', database.path]);
  const result = JSON.parse(json.stdout);
  assert.deepEqual(result.understood, { speakers: [{ text: 'ICOR', organisations: ['ICOR'] }], use: 'filter' });
  assert.ok(result.hits.every((hit: { organisation: string }) => hit.organisation === 'ICOR'));
});

test('GIVEN a query with a malformed date THEN it is searched without a period, the line above says why, and --json carries the text', async () => {
  const run = await runCli(SCRIPT, ['What does ICOR say about the Taliban in 2021-13?', '--db', database.path]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^“2021-13” is not a date: searched without a period · By: ICOR — not what you meant\? Use the organisation\/from\/to options\.\n/);
  const json = JSON.parse((await runCli(SCRIPT, ['Taliban in 2021-13', '--json', '--db', database.path])).stdout);
  assert.deepEqual(json.understood, { speakers: [], invalidDates: ['2021-13'], use: 'filter' });
});
