/**
 * `npm run search … | head`: the reader closes the pipe after a few lines. A
 * closed standard output is not an error — the CLI stops quietly, with no
 * EPIPE stack trace.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { useSeedDatabaseFile, REPO_ROOT } from '../search/seed-db.js';

const database = useSeedDatabaseFile();

/** Enough queries that the output outlasts any pipe buffer (64 KB) many times over. */
const QUERIES = 'imperialist war\nTaliban women\nNATO troops\n'.repeat(400);

/** Runs the search CLI like `… | head -n 1`: reads until the first newline, then closes its end of the pipe. */
function searchIntoHead(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; firstLine: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/search.ts', ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let firstLine: string | undefined;
    let buffered = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (firstLine !== undefined) return;
      buffered += chunk;
      const end = buffered.indexOf('\n');
      if (end < 0) return;
      firstLine = buffered.slice(0, end);
      child.stdout.destroy(); // what head does after its lines
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, firstLine: firstLine ?? '', stderr }));
    child.stdin.end(QUERIES);
  });
}

test('GIVEN a batch search piped into a reader that stops after one line THEN the CLI exits 0 with nothing on stderr', async () => {
  const { code, signal, firstLine, stderr } = await searchIntoHead(['-', '--json', '--db', database.path]);
  assert.equal(JSON.parse(firstLine).query, 'imperialist war', 'the reader got its line');
  assert.equal(stderr, '', 'no EPIPE, no stack trace, no log line');
  assert.deepEqual({ code, signal }, { code: 0, signal: null });
});

test('GIVEN a search for people piped into a reader that stops after one line THEN the CLI exits 0 with nothing on stderr', async () => {
  const { code, firstLine, stderr } = await searchIntoHead(['-', '--limit', '50', '--db', database.path]);
  assert.match(firstLine, /^1\. /);
  assert.equal(stderr, '');
  assert.equal(code, 0);
});
