import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSeedDatabaseFile } from '../search/seed-db.js';
import { runCli } from './run-cli.js';

const SCRIPT = 'src/cli/statement.ts';
const database = useSeedDatabaseFile();

test('GIVEN a slug THEN the metadata, then the first page of text and how to get the next', async () => {
  const { code, stdout } = await runCli(SCRIPT, ['help-us-in-our-struggle', '--page-chars', '1000', '--db', database.path]);
  assert.equal(code, 0);
  assert.match(stdout, /^Help us in Our Struggle\nAnarchists of Afghanistan, 2021-07 · en\nid \d+ · help-us-in-our-struggle · \d+ passages[^\n]*\n\nHelp us in Our Struggle\s+Taliban is now rapidly gaining control/);
  assert.match(stdout, /— page 1 of \d+ · next: npm run statement -- help-us-in-our-struggle --page 2/);
});

test('GIVEN an id, --page and --json THEN that page as JSON with the page count', async () => {
  const { code, stdout } = await runCli(SCRIPT, ['1', '--page', '2', '--page-chars', '1000', '--json', '--db', database.path]);
  assert.equal(code, 0);
  const page = JSON.parse(stdout);
  assert.equal(page.id, 1);
  assert.equal(page.organisation, 'JAKNA');
  assert.equal(page.page, 2);
  assert.ok(page.pageCount > 2);
  assert.ok(page.text.length > 0 && page.text.length <= 1000);
});

const ERRORS: [string, string[], number, RegExp][] = [
  ['no id', [], 2, /Which statement\?/],
  ['a page past the end', ['1', '--page', '999'], 2, /There is no page 999: ".+" has \d+ pages/],
  ['page zero', ['1', '--page', '0'], 2, /--page must be a whole number of at least 1/],
  ['an unknown slug close to a real one', ['help-us'], 1, /No statement with id or slug "help-us"\. Did you mean: help-us-in-our-struggle\?/],
  ['an unknown id', ['4242'], 1, /No statement with id or slug "4242"/],
];

for (const [name, args, exitCode, message] of ERRORS) {
  test(`GIVEN ${name} THEN one clear line and exit code ${exitCode}`, async () => {
    const { code, stderr } = await runCli(SCRIPT, [...args, '--db', database.path]);
    assert.equal(code, exitCode);
    assert.match(stderr, message);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });
}
