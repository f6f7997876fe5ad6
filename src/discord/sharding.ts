/**
 * Sharding with discord.js's own ShardingManager: one process per shard, each
 * running the shard entry (src/cli/shard-entry.ts: the same bot), told its shard by the manager
 * (SHARDS / SHARD_COUNT in its environment, which discord.js's Client reads).
 *
 * The shard count comes from DISCORD_SHARDS. A number is used as it is — nothing
 * asks Discord, so tests can shard against the double. "auto" asks
 * `GET /gateway/bot` through DISCORD_API_BASE when set (discord.js's own "auto"
 * would always go to discord.com).
 *
 * Per-process state: the cooldown and the concurrency caps are per shard; the
 * daily budget, button state and feedback are in the shared SQLite database.
 */
import { once } from 'node:events';
import { DiscordAPIError, REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { requireDiscordCredentials } from './credentials.js';
import { EXIT_DISCORD_REJECTED, isRejectionNotice, tokenRejection } from './discord-rejection.js';

/** Discord allows one IDENTIFY per 5 s per rate-limit bucket; discord.js's default spacing. */
export const SHARD_SPAWN_DELAY_MS = 5_500;
/** How long one shard may take to become ready. */
const SHARD_READY_TIMEOUT_MS = 60_000;
const SHARD_EXIT_TIMEOUT_MS = 15_000;

export async function shardCount(config: Config): Promise<number> {
  if (typeof config.DISCORD_SHARDS === 'number') return config.DISCORD_SHARDS;
  const { token } = requireDiscordCredentials(config, 'Sharding');
  const rest = new REST(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}).setToken(token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return gateway.shards;
}

/**
 * Spawn every shard running `entry` (a TypeScript file run with tsx), then wait
 * for SIGINT/SIGTERM and stop them all cleanly. Resolves with the exit code: 0,
 * or EXIT_DISCORD_REJECTED when Discord rejected the token — a shard says so
 * (and exits with that code), and respawning it would only be rejected again,
 * so every shard stops and so does the manager.
 */
export async function runShards({ config, log, entry, spawnDelayMs = SHARD_SPAWN_DELAY_MS }: { config: Config; log: Logger; entry: string; spawnDelayMs?: number }): Promise<number> {
  const { token } = requireDiscordCredentials(config, 'Running the bot');
  let totalShards: number;
  try {
    totalShards = await shardCount(config);
  } catch (error) {
    if (!(error instanceof DiscordAPIError && error.status === 401)) throw error;
    const { message, ...detail } = tokenRejection('/gateway/bot');
    log.fatal({ ...detail, exitCode: EXIT_DISCORD_REJECTED }, message);
    return EXIT_DISCORD_REJECTED;
  }
  const manager = new ShardingManager(entry, {
    totalShards,
    token,
    // The entry is TypeScript: each shard process loads tsx, as `npm start` does.
    execArgv: ['--import', 'tsx'],
    respawn: true,
  });
  let rejected = false;
  let onRejected!: () => void;
  const rejection = new Promise<'rejected'>((resolve) => (onRejected = () => resolve('rejected')));
  // The shard has logged why; here respawning stops (before its process exits, when the notice comes first).
  const shardRejected = (shardId: number): void => {
    if (rejected) return;
    rejected = true;
    manager.respawn = false;
    log.error({ shardId, totalShards }, 'Discord rejected a shard; stopping every shard');
    onRejected();
  };
  manager.on('shardCreate', (shard) => {
    log.info({ shardId: shard.id, totalShards }, 'shard spawned');
    shard.on('message', (message: unknown) => {
      if (isRejectionNotice(message)) shardRejected(shard.id);
    });
    shard.on('death', (child) => {
      if ('exitCode' in child && child.exitCode === EXIT_DISCORD_REJECTED) shardRejected(shard.id);
      else log.warn({ shardId: shard.id }, 'shard process exited');
    });
    // A respawn that fails (or is cut short by stopping) is reported here; unheard, the event would crash the manager.
    shard.on('error', (err) => log.warn({ err, shardId: shard.id }, 'shard error'));
  });
  const stopping = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  try {
    await manager.spawn({ amount: totalShards, delay: spawnDelayMs, timeout: SHARD_READY_TIMEOUT_MS });
    log.info({ totalShards }, 'all shards ready');
  } catch (error) {
    if (!rejected) throw error; // a shard that died because Discord rejected it is reported below, not as a crash
  }

  const outcome = await Promise.race([stopping, rejection]);
  if (outcome !== 'rejected') log.info({ signal: outcome }, 'stopping shards');
  await Promise.all(
    [...manager.shards.values()].map(async (shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      shard.kill(); // SIGTERM: the shard shuts down cleanly itself; kill() also stops the respawn
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, SHARD_EXIT_TIMEOUT_MS).unref())]);
    }),
  );
  return outcome === 'rejected' ? EXIT_DISCORD_REJECTED : 0;
}
