/**
 * A bot whose token Discord rejects (401: reset in the Developer Portal, or
 * revoked after a leak) can do nothing useful: discord.js drops the token and
 * every later call fails. `npm start` must say so in one fatal log line —
 * without the token — and exit non-zero so a supervisor restarts it (with the
 * new token), never run on silently.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { failOnUnhandledRejections, startDiscordDouble, type DiscordDouble } from '../doubles/discord/index.js';
import { runScript, tempDatabase, type Started } from './start-helpers.js';

failOnUnhandledRejections();

/** Long enough for a loaded machine to start tsx and ingest the bundled corpus; the point is that it ends at all. */
const EXIT_WITHIN_MS = 30_000;

const doubles: DiscordDouble[] = [];
const runs: Started[] = [];
after(async () => {
  for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
  for (const double of doubles) await double.close();
});

async function exitCode(run: Started): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), EXIT_WITHIN_MS)));
  const code = await Promise.race([run.exited, timeout]);
  clearTimeout(timer);
  assert.notEqual(code, 'still running', `no exit within ${EXIT_WITHIN_MS} ms; stderr:\n${run.stderr().slice(-3000)}`);
  return code as number | null;
}

function assertOneFatalLine(run: Started, secret: string): void {
  const fatal = run.stderr().split('\n').filter((line) => line.includes('"level":60'));
  assert.equal(fatal.length, 1, `one fatal line; stderr:\n${run.stderr().slice(-3000)}`);
  assert.match(fatal[0]!, /"msg":"Discord rejected the bot token \(/);
  assert.match(fatal[0]!, /DISCORD_TOKEN/, 'says what to fix');
  assert.ok(!run.stderr().includes(secret), 'the token never reaches the log');
}

async function startedDouble(): Promise<DiscordDouble> {
  const double = await startDiscordDouble();
  doubles.push(double);
  return double;
}

function start(env: Record<string, string>): Started {
  const run = runScript('src/cli/start.ts', { ...env, DATABASE_PATH: tempDatabase() });
  runs.push(run);
  return run;
}

test('GIVEN a token Discord rejects from the start THEN npm start logs one fatal line and exits non-zero', async () => {
  const double = await startedDouble();
  const wrong = 'a-revoked-token.that-discord-rejects';
  const run = start({ ...double.env, DISCORD_TOKEN: wrong });
  assert.notEqual(await exitCode(run), 0);
  assertOneFatalLine(run, wrong);
});

test('GIVEN the token is revoked while the bot runs THEN its next call to Discord gets 401, and it logs one fatal line and exits non-zero', async () => {
  const double = await startedDouble();
  const run = start(double.env);
  await run.waitForLog(/"msg":"bot ready"/);
  const token = double.token;
  double.revokeToken();
  double.postUserMessage({ content: 'What does ICOR say about NATO?', mentionBot: true }); // the bot starts a thread: a call with the token
  assert.notEqual(await exitCode(run), 0);
  assertOneFatalLine(run, token);
});

test('GIVEN the token is revoked and Discord closes the gateway with 4004 THEN the bot logs one fatal line and exits non-zero', async () => {
  const double = await startedDouble();
  const run = start(double.env);
  await run.waitForLog(/"msg":"bot ready"/);
  const token = double.token;
  double.revokeToken({ closeGateway: true });
  assert.notEqual(await exitCode(run), 0);
  assertOneFatalLine(run, token);
});

test('GIVEN DISCORD_SHARDS=1 and a token Discord rejects THEN the shard manager exits non-zero instead of respawning the shard forever', async () => {
  const double = await startedDouble();
  const wrong = 'another-revoked-token.for-the-shards';
  const run = start({ ...double.env, DISCORD_TOKEN: wrong, DISCORD_SHARDS: '1' });
  assert.notEqual(await exitCode(run), 0);
  assert.match(run.stderr(), /"msg":"Discord rejected the bot token \(/);
  assert.ok(!run.stderr().includes(wrong), 'the token never reaches the log');
  const identifies = double.requests.filter((r) => r.path === '/gateway/bot').length;
  assert.ok(identifies <= 2, `${identifies} shard starts: not respawned in a loop`);
});
