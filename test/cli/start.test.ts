import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { Database } from '../../src/store/database.js';
import { failOnUnhandledRejections, startDiscordDouble, type DiscordDouble } from '../doubles/discord/index.js';
import { runCli } from './run-cli.js';
import { runScript, tempDatabase } from './start-helpers.js';

failOnUnhandledRejections();

const doubles: DiscordDouble[] = [];
after(async () => {
  for (const double of doubles) await double.close();
});

test('GIVEN npm start -- --db PATH THEN the terminal session runs on that database, not the default one', async () => {
  const path = tempDatabase();
  const run = await runCli('src/cli/start.ts', ['--db', path], { stdin: '/sources\n' });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, new RegExp(`The database at ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is empty: ingesting the bundled corpus`));
  assert.match(run.stdout, /> \/sources\n\n5 statements/);
  const unknown = await runCli('src/cli/start.ts', ['--database', path]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown option '--database'[\s\S]*Usage: npm start \[-- --db PATH\]/);
});

test('GIVEN no DISCORD_TOKEN and commands on standard input THEN a terminal session: welcome, an example answer, each command, exit at end of input', async () => {
  const path = tempDatabase();
  const run = runScript('src/cli/start.ts', { DATABASE_PATH: path, LOG_LEVEL: 'warn' });
  run.child.stdin.end(['/search imperialist', '/sources', 'What does JAKNA say about NATO?', '/ask x from:yesterday', '/statement help us', ''].join('\n'));
  assert.equal(await run.exited, 0, run.stderr());
  const out = run.stdout();
  assert.match(run.stderr(), /is empty: ingesting the bundled corpus/);
  assert.match(out, /^Statement corpus bot — terminal session\. No DISCORD_TOKEN is set/);
  assert.match(out, /Example — \/ask What does ICOR say about the withdrawal of NATO troops from Afghanistan\?\n\n[\s\S]*\[1\][\s\S]*Sources:\n\[1\] No to any imperialist/);
  assert.match(out, /> \/search imperialist\n\n5 statements match\. Page 1 of 1/);
  assert.match(out, /> \/sources\n\n5 statements \(\d+ passages\)/);
  assert.match(out, /> What does JAKNA say about NATO\?\n\n[\s\S]*\[1\]/);
  assert.match(out, /"yesterday" is not a date for from/);
  assert.match(out, /> \/statement help us\n\nHelp us in Our Struggle/);

  const db = await Database.open(path, { readonly: true });
  assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM statements'))?.n, 5, 'the database was built from the bundled corpus');
  await db.close();
});

test('GIVEN DISCORD_TOKEN but no DISCORD_CLIENT_ID THEN start refuses, naming exactly what is missing', async () => {
  const run = runScript('src/cli/start.ts', { DATABASE_PATH: tempDatabase(), DISCORD_TOKEN: 'secret-token-value' });
  assert.equal(await run.exited, 1);
  assert.match(run.stderr(), /Running the bot needs DISCORD_CLIENT_ID \(in \.env or the environment; see docs\/discord-setup\.md\):\n- DISCORD_CLIENT_ID is not set: the application id/);
  assert.doesNotMatch(run.stderr(), /DISCORD_TOKEN is not set/);
  assert.doesNotMatch(run.stderr(), /secret-token-value/);
});

test('GIVEN a malformed DISCORD_CLIENT_ID THEN the configuration problem is reported, not a crash', async () => {
  const run = runScript('src/cli/start.ts', { DATABASE_PATH: tempDatabase(), DISCORD_TOKEN: 't', DISCORD_CLIENT_ID: 'my-bot', MODEL_QUEUE_LIMIT: 'lots' });
  assert.equal(await run.exited, 1);
  assert.match(run.stderr(), /- DISCORD_CLIENT_ID: must be the application id/);
  assert.match(run.stderr(), /- MODEL_QUEUE_LIMIT:/);
});

test('GIVEN DISCORD_TOKEN THEN npm start runs the bot: it answers, survives a gateway drop, and stops cleanly on SIGTERM', async () => {
  const double = await startDiscordDouble();
  doubles.push(double);
  const run = runScript('src/cli/start.ts', { ...double.env, DATABASE_PATH: tempDatabase() });
  await run.waitForLog(/"msg":"bot ready"/);

  const first = double.sendSlashCommand({ name: 'help' });
  assert.equal((await double.waitForInteractionResponse(first.id)).type, 4);
  await double.dropGateway({ reconnect: true });
  const second = double.sendSlashCommand({ name: 'sources' });
  await double.waitForInteractionResponse(second.id);
  assert.match(JSON.stringify(double.originalResponse(second.token)?.embeds), /5\*\* statements/);
  assert.equal(double.gateway.sessions.length, 1, 'one session, resumed rather than re-identified');
  assert.ok(double.gateway.sessions[0]!.resumes >= 1);

  run.child.kill('SIGTERM');
  assert.equal(await run.exited, 0, run.stderr());
  assert.match(run.stderr(), /"msg":"discord client closed"/);
  assert.ok(double.gateway.sessions[0]!.ended, 'the gateway session was closed by the client');
  assert.ok(!run.stderr().includes(double.token), 'the token never reaches the log');
  double.assertClean();
});
