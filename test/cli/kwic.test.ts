import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, before, test } from 'node:test';
import { parseConsoleLine } from '../../src/cli/console-commands.js';
import { seedDatabase, statementFrom } from '../search/seed-db.js';
import { runCli } from './run-cli.js';
import { runScript } from './start-helpers.js';

const SCRIPT = 'src/cli/kwic.ts';
const EXTRA = [
  statementFrom('un-1985-iran.txt', 'Millions of refugees have come to our country. The refugees from Afghanistan need food and shelter.', { organisation: 'Iran', date: '1985' }),
  statementFrom('un-1990-france.txt', 'The refugee camps of Indochina.', { organisation: 'France', date: '1990' }),
];
let databasePath = '';
before(async () => {
  const { db, path } = await seedDatabase(EXTRA, { onDisk: true });
  await db.close();
  databasePath = path;
});
after(() => rmSync(dirname(databasePath), { recursive: true, force: true }));

test('GIVEN a word and --json THEN one JSON object: counts per organisation and lines with left, match, right and the statement', async () => {
  const { code, stdout, stderr } = await runCli(SCRIPT, ['refugee', '--from', '1980', '--to', '1999', '--json', '--db', databasePath]);
  assert.equal(code, 0, stderr);
  const result = JSON.parse(stdout);
  assert.equal(result.mode, 'stemmed');
  assert.deepEqual(result.organisations, [
    { organisation: 'Iran', occurrences: 2, statements: 1 },
    { organisation: 'France', occurrences: 1, statements: 1 },
  ]);
  assert.deepEqual(result.lines.map((line: { left: string; match: string; right: string; statement: { organisation: string } }) => [line.statement.organisation, line.left, line.match, line.right]), [
    ['Iran', 'Millions of', 'refugees', 'have come to our country'],
    ['Iran', 'come to our country. The', 'refugees', 'from Afghanistan need food and'],
    ['France', 'The', 'refugee', 'camps of Indochina.'],
  ]);
});

test('GIVEN a quoted word, a window, a page and a sort THEN aligned lines with their statements, for people', async () => {
  const { code, stdout, stderr } = await runCli(SCRIPT, ['"refugees"', '--window', '2', '--page-size', '1', '--page', '2', '--sort', 'organisation', '--db', databasePath]);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /^"refugees" \(exact\): \d+ occurrences in \d+ statements\.\nBy organisation \(occurrences\): /);
  assert.match(stdout, /^ {4}2 {4,}\S+ \S+ \[refugees\]/m, 'the match in [brackets] in a pipe, the left context right-aligned');
  assert.match(stdout, /Page 2 of \d+, sorted by organisation; next: npm run kwic -- … --page 3\./);
  assert.doesNotMatch(stdout, /refugee\]/);
});

test('GIVEN an organisation or dates no statement falls in THEN it says so, not only that there are no occurrences', async () => {
  const cases: [string[], string][] = [
    [['--org', 'Narnia'], 'No statement in the corpus is by an organisation starting with “Narnia”.\n'],
    [['--from', '2030'], 'No statement in the corpus is dated from 2030.\n'],
    [[], 'No occurrences of zeppelin.\n'],
  ];
  for (const [filters, printed] of cases) {
    const run = await runCli(SCRIPT, [filters.length > 0 ? 'peace' : 'zeppelin', ...filters, '--db', databasePath]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, printed, filters.join(' '));
  }
});

test('GIVEN a bad sort or no phrase THEN a usage error', async () => {
  assert.equal((await runCli(SCRIPT, ['refugee', '--sort', 'size', '--db', databasePath])).code, 2);
  assert.equal((await runCli(SCRIPT, ['--db', databasePath])).code, 2);
});

test('GIVEN /kwic lines in the terminal session THEN aligned lines, paged and sorted as asked, and errors as lines', async () => {
  assert.deepEqual(parseConsoleLine('/kwic "right of return" org:"Iran" sort:organisation page:2'), { name: 'kwic', phrase: '"right of return"', organisation: 'Iran', sort: 'organisation', page: 2 });
  const run = runScript('src/cli/start.ts', { DATABASE_PATH: databasePath, LOG_LEVEL: 'warn' });
  run.child.stdin.end(['/kwic refugee org:Iran', '/kwic Taliban sort:organisation page:2', '/kwic', '/kwic war sort:size', ''].join('\n'));
  assert.equal(await run.exited, 0, run.stderr());
  const out = run.stdout();
  assert.match(out, /> \/kwic refugee org:Iran\n\nrefugee \(stemmed\): 2 occurrences in 1 statement\.\nBy organisation \(occurrences\): Iran 2 \(1 statement\)\n\n {4}1 +Millions of \[refugees\] have come to our country\n {6}— Iran, 1985 \[/);
  assert.match(out, /> \/kwic Taliban sort:organisation page:2\n\nTaliban \(stemmed\): [\s\S]*\n {3}11 [\s\S]*Page 2 of \d+, sorted by organisation; next: \/kwic Taliban sort:organisation page:3\./);
  assert.match(out, /> \/kwic\n\nWhich word or phrase\?/);
  assert.match(out, /sort: is date or organisation, not "size"\./);
});
