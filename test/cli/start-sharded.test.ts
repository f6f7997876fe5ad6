import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failOnUnhandledRejections, startDiscordDouble } from '../doubles/discord/index.js';
import { runScript, tempDatabase } from './start-helpers.js';

failOnUnhandledRejections();

test('GIVEN DISCORD_SHARDS=2 THEN the ShardingManager runs two shard processes, each serving its guild, and all stop on SIGTERM', async () => {
  const double = await startDiscordDouble({ secondGuild: true, recommendedShards: 7 });
  let run: ReturnType<typeof runScript> | undefined;
  try {
    run = runScript('src/cli/start.ts', { ...double.env, DISCORD_SHARDS: '2', DATABASE_PATH: tempDatabase() });
    await run.waitForLog(/"msg":"all shards ready"/, 40_000);
    const shards = double.gateway.sessions.map((session) => session.shard).sort();
    assert.deepEqual(shards, [[0, 2], [1, 2]], 'the explicit count is used, not the 7 /gateway/bot recommends');

    const inSecondGuild = double.sendSlashCommand({ name: 'help', channelId: double.ids.secondGeneral, user: 'bob' });
    assert.equal((await double.waitForInteractionResponse(inSecondGuild.id)).type, 4);
    const inFirstGuild = double.sendSlashCommand({ name: 'sources' });
    assert.equal((await double.waitForInteractionResponse(inFirstGuild.id)).type, 4);

    run.child.kill('SIGTERM');
    assert.equal(await run.exited, 0, run.stderr());
    assert.equal((run.stderr().match(/"msg":"discord client closed"/g) ?? []).length, 2, 'each shard shut down cleanly');
    assert.ok(double.gateway.sessions.every((session) => session.ended));
    double.assertClean();
  } finally {
    if (run && run.child.exitCode === null) {
      run.child.kill('SIGKILL');
      await run.exited;
    }
    await double.close();
  }
});
