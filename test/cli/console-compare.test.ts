import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScript, tempDatabase } from './start-helpers.js';

test('GIVEN the terminal session WHEN /compare names two organisations THEN a section each, then the sources; too few is a message, not the end', async () => {
  const run = runScript('src/cli/start.ts', { DATABASE_PATH: tempDatabase(), LOG_LEVEL: 'warn' });
  run.child.stdin.end(['/compare the Taliban org:ICOR org:CIPOML', '/compare the Taliban org:ICOR', '/compare JAKNA and ICOR on NATO', ''].join('\n'));
  assert.equal(await run.exited, 0, run.stderr());
  const out = run.stdout();
  assert.match(out, /> \/compare the Taliban org:ICOR org:CIPOML\n\nCompared on: the Taliban\n\n== ICOR \(International Coordination of Revolutionary Parties and Organizations\) ==\n.*\[1\]:\n> .*Taliban[\s\S]*\n== International Conference of Marxist-Leninist Parties and Organizations \(CIPOML\), Coordination Committee ==\n.*\[2\]:\n> .*Taliban/);
  assert.match(out, /\(No model is configured: these are verbatim sentences from each organisation’s statements\.\)\n\nSources:\n\[1\] No to any imperialist/);
  assert.match(out, /> \/compare the Taliban org:ICOR\n\nName 2 to 5 organisations to compare/);
  assert.match(out, /> \/compare JAKNA and ICOR on NATO\n\nBy: JAKNA \/ ICOR — [^\n]*\n\nCompared on: JAKNA and ICOR on NATO\n\n== New Communism Movement of Afghanistan \(JAKNA\) ==/);
});
