/**
 * What each shard process runs (spawned by src/discord/sharding.ts): the bot, on the
 * shard(s) the ShardingManager gave it through the environment.
 */
import { loadConfig } from '../config.js';
import { EXIT_DISCORD_REJECTED, rejectionNotice } from '../discord/discord-rejection.js';
import { createLogger } from '../log.js';
import { openForWriting } from '../store/migrate.js';
import { runBotUntilSignalled } from './bot-process.js';
import { runCli } from './cli-run.js';

// The manager is gone (killed, crashed): stop cleanly rather than live on as an orphan.
process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));

await runCli('(started by the ShardingManager; run npm start)', async () => {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL).child({ shards: process.env.SHARDS });
  const db = await openForWriting(config.DATABASE_PATH);
  const code = await runBotUntilSignalled({ config, db, log });
  // Rejected by Discord: tell the manager first, so it stops rather than respawning this shard into the same 401.
  if (code === EXIT_DISCORD_REJECTED && process.send) await new Promise<void>((resolve) => process.send!(rejectionNotice(), () => resolve()));
  return code;
});
