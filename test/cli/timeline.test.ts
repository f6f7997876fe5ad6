import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { useSeedDatabaseFile } from '../search/seed-db.js';
import { runCli } from './run-cli.js';
import { runScript } from './start-helpers.js';

const SCRIPT = 'src/cli/timeline.ts';
const database = useSeedDatabaseFile();
const folder = mkdtempSync(join(tmpdir(), 'timeline-cli-'));
after(() => rmSync(folder, { recursive: true, force: true }));

test('GIVEN a topic over a short span THEN the series per month with bars, what is off the chart, and numbered quotes with their sources', async () => {
  const { code, stdout, stderr } = await runCli(SCRIPT, ['Taliban', '--db', database.path]);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /^4 statements mention “Taliban” \(of 3 statements in range dated to the month\), counted per month: each statement once, however often it says it\. 1 of them has no month and is not on the chart\.\n/);
  assert.match(stdout, /\n {2}2021-07: 1 of 1 statement \(100%\) +█{40}\n {2}2021-09: 1 of 1 statement \(100%\) +█{40}\n {2}2022-03/, 'months without statements are left out of the text');
  assert.match(stdout, /\[1\] 2021-07, first mention \(1 of 1 statement\)\n {4}“Taliban is now rapidly gaining control of Afghanistan\.”\n {4}— Anarchists of Afghanistan · 2021-07 · Help us in Our Struggle {2}\[help-us-in-our-struggle\]/);
});

test('GIVEN --org, --from, --to, --json and --png THEN one JSON object for that organisation and a PNG file', async () => {
  const png = join(folder, 'chart.png');
  const { code, stdout, stderr } = await runCli(SCRIPT, ['Taliban', '--org', 'jak', '--from', '2021', '--to', '2022', '--json', '--png', png, '--db', database.path]);
  assert.equal(code, 0, stderr);
  const result = JSON.parse(stdout);
  assert.equal(result.topic, 'Taliban');
  assert.equal(result.ftsQuery, 'text : "taliban"');
  assert.equal(result.granularity, 'month');
  assert.deepEqual(result.periods, [{ period: '2022-03', matching: 1, statements: 1 }]);
  assert.equal(result.quotes[0].statement.organisation, 'JAKNA');
  assert.match(result.quotes[0].sentence, /Taliban/);
  assert.equal(result.png, png);
  assert.equal(readFileSync(png).subarray(1, 4).toString(), 'PNG');
});

test('GIVEN a topic naming a period THEN the period is the range, and --json says what was understood', async () => {
  const { code, stdout, stderr } = await runCli(SCRIPT, ['Taliban since 2022', '--json', '--db', database.path]);
  assert.equal(code, 0, stderr);
  const result = JSON.parse(stdout);
  assert.equal(result.topic, 'Taliban');
  assert.deepEqual(result.understood, { speakers: [], period: { from: '2022', text: 'since 2022' }, use: 'filter' });
  assert.deepEqual(result.periods.map((period: { period: string }) => period.period), ['2022-03']);
});

test('GIVEN no topic, or a bad date THEN a usage message and exit code 2', async () => {
  const none = await runCli(SCRIPT, ['--db', database.path]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /Which topic\?/);
  const bad = await runCli(SCRIPT, ['NATO', '--from', '03/2022', '--db', database.path]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /"03\/2022" is not a date for from/);
});

test('GIVEN an organisation or dates no statement falls in THEN it says which is out of range, not only that nobody mentions the topic', async () => {
  const cases: [string[], string][] = [
    [['--org', 'Narnia'], 'No statement in the corpus is by an organisation starting with “Narnia”.\n'],
    [['--from', '2030'], 'No statement in the corpus is dated from 2030.\n'],
  ];
  for (const [filters, printed] of cases) {
    const run = await runCli(SCRIPT, ['Taliban', ...filters, '--db', database.path]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, printed, filters.join(' '));
  }
});

test('GIVEN a malformed date in the topic THEN it is no period: nothing is filtered, the text is counted as written, and the line above says the date is not one', async () => {
  const run = await runCli(SCRIPT, ['Taliban in 2021-13', '--db', database.path]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^“2021-13” is not a date: searched without a period\. Dates are YYYY, YYYY-MM or YYYY-MM-DD\.\nNo statement mentions “Taliban in 2021-13” \(of \d+ dated statements in range\)\.\n$/);
  const json = JSON.parse((await runCli(SCRIPT, ['Taliban in 2021-13', '--json', '--db', database.path])).stdout);
  assert.deepEqual(json.understood, { speakers: [], invalidDates: ['2021-13'], use: 'filter' });
});

test('GIVEN a topic of thousands of characters THEN it is refused with the limit, as in Discord, not echoed back whole', async () => {
  const huge = 'Taliban '.repeat(2_000);
  const run = await runCli(SCRIPT, [huge, '--db', database.path]);
  assert.equal(run.code, 1);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, 'Please keep a topic under 100 characters (this one has 15999).\n');
});

test('GIVEN /timeline in the terminal session (npm start, no token) THEN the series and quotes are printed', async () => {
  const run = runScript('src/cli/start.ts', { DATABASE_PATH: database.path, LOG_LEVEL: 'warn' });
  run.child.stdin.end(['/timeline Taliban org:JAKNA', '/timeline ?!', ''].join('\n'));
  assert.equal(await run.exited, 0, run.stderr());
  const out = run.stdout();
  assert.match(out, /> \/timeline Taliban org:JAKNA\n\n1 statement mentions “Taliban” \(of 1 statement in range dated to the month\)[^\n]*\n\n {2}2022-03: 1 of 1 statement \(100%\)/);
  assert.match(out, /\[1\] 2022-03, first mention[\s\S]*— JAKNA · 2022-03/);
  assert.match(out, /> \/timeline \?!\n\nThere is nothing to count in that topic/);
});
