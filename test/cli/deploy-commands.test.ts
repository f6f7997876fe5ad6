import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { failOnUnhandledRejections, startDiscordDouble, type DiscordDouble } from '../doubles/discord/index.js';
import { commands } from '../../commands/index.js';
import { runScript } from './start-helpers.js';

failOnUnhandledRejections();

const doubles: DiscordDouble[] = [];
after(async () => {
  for (const double of doubles) await double.close();
});

const NAMES = ['Ask the corpus', 'ask', 'compare', 'corpus', 'help', 'kwic', 'search', 'signatories', 'signed', 'sources', 'statement', 'timeline'];

test('GIVEN DISCORD_GUILD_ID THEN deploy-commands registers every command to that server', async () => {
  const double = await startDiscordDouble();
  doubles.push(double);
  const run = runScript('src/cli/deploy-commands.ts', double.env);
  assert.equal(await run.exited, 0, run.stderr());
  assert.match(run.stdout(), /^Registered 12 commands to the server 1010000000000000100 \(available at once\): ask, search, statement, compare, kwic, timeline, signatories, signed, corpus, sources, help, Ask the corpus\n$/);
  assert.deepEqual(double.registeredCommands(double.ids.guild).map((c) => c.name).sort(), NAMES);
  assert.deepEqual(double.registeredCommands(), []);
  double.assertClean();
});

test('GIVEN no DISCORD_GUILD_ID THEN the commands are registered globally; running it again replaces, never duplicates', async () => {
  const double = await startDiscordDouble();
  doubles.push(double);
  const { DISCORD_GUILD_ID: _guild, ...env } = double.env;
  for (let i = 0; i < 2; i += 1) {
    const run = runScript('src/cli/deploy-commands.ts', env);
    assert.equal(await run.exited, 0, run.stderr());
    assert.match(run.stdout(), /globally/);
  }
  assert.deepEqual(double.registeredCommands().map((c) => c.name).sort(), NAMES);
  double.assertClean();
});

test('GIVEN neither token nor application id THEN it says exactly which are missing and where to find them', async () => {
  const run = runScript('src/cli/deploy-commands.ts', {});
  assert.equal(await run.exited, 1);
  assert.match(run.stderr(), /Registering commands needs DISCORD_TOKEN and DISCORD_CLIENT_ID/);
  assert.match(run.stderr(), /- DISCORD_TOKEN is not set: the bot token \(Developer Portal/);
  assert.match(run.stderr(), /- DISCORD_CLIENT_ID is not set: the application id/);
});

test('GIVEN a token Discord rejects THEN a one-line failure, not a stack trace, and no token in the output', async () => {
  const double = await startDiscordDouble();
  doubles.push(double);
  const run = runScript('src/cli/deploy-commands.ts', { ...double.env, DISCORD_TOKEN: 'wrong-token-abc' });
  assert.equal(await run.exited, 1);
  assert.match(run.stderr(), /Failed: .*401|Unauthorized/);
  assert.ok(!run.stderr().includes('wrong-token-abc'));
  double.assertClean({ allow: ['problems'] });
});

test('GIVEN docs/discord-setup.md THEN its "Register the commands" step names every slash command deploy-commands registers', () => {
  const step = readFileSync(new URL('../../docs/discord-setup.md', import.meta.url), 'utf8').split('## 4. Register the commands')[1]!.split('\n## ')[0]!;
  const slash = commands.map((command) => command.data.name).filter((name) => /^[a-z-]+$/.test(name));
  assert.deepEqual(slash.filter((name) => !step.includes(`\`/${name}\``)), []);
});
