import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, test } from 'node:test';
import { HOSTILE_LINK_SENTENCE, HOSTILE_MENTION_SENTENCE, HOSTILE_ORGANISATION, HOSTILE_QUESTION, HOSTILE_STATEMENT, HOSTILE_TEXT, HOSTILE_TITLE } from '../fixtures/hostile-statement.js';
import { seedDatabase } from '../search/seed-db.js';
import { runScript } from './start-helpers.js';

let databasePath = '';
after(() => databasePath && rmSync(dirname(databasePath), { recursive: true, force: true }));

test('GIVEN the hostile statement in the terminal session (npm start, no token, commands piped in) THEN it prints as written: no Markdown, no control characters, matches «marked»', async () => {
  const { db, path } = await seedDatabase([HOSTILE_STATEMENT], { onDisk: true });
  await db.close();
  databasePath = path;
  const run = runScript('src/cli/start.ts', { DATABASE_PATH: path, LOG_LEVEL: 'warn' });
  run.child.stdin.end([HOSTILE_QUESTION, '/search quokka sanctuary', '/statement Quokka', '/sources', ''].join('\n'));
  assert.equal(await run.exited, 0, run.stderr());
  const out = run.stdout();
  assert.doesNotMatch(out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, 'no control characters: no highlight markers, no escape sequences in a pipe');

  const answer = out.slice(out.indexOf(`> ${HOSTILE_QUESTION}`), out.indexOf('> /search'));
  assert.ok(answer.includes(`${HOSTILE_ORGANISATION}, 2024-02-02 [1]:\n> ${HOSTILE_LINK_SENTENCE}\n>\n> ${HOSTILE_MENTION_SENTENCE}`), answer);
  assert.ok(answer.includes(`[1] ${HOSTILE_TITLE} — ${HOSTILE_ORGANISATION}, 2024-02-02, https://evil.example/statement>x [click](https://phish.example/) y`), 'the source as stored: a terminal renders no links');

  const search = out.slice(out.indexOf('> /search'), out.indexOf('> /statement'));
  assert.ok(search.includes(`${HOSTILE_TITLE} — ${HOSTILE_ORGANISATION}, 2024-02-02`), search);
  assert.ok(search.includes('see [click «quokka»](https://evil.example/phish)'), search);

  const statement = out.slice(out.indexOf('> /statement'), out.indexOf('> /sources'));
  assert.ok(statement.includes(`${HOSTILE_TITLE}\n`) && statement.includes(HOSTILE_TEXT), statement);
  assert.ok(out.slice(out.indexOf('> /sources')).includes(`  ${HOSTILE_ORGANISATION} — 1`));
});
