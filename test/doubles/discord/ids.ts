import { randomBytes } from 'node:crypto';

/** Discord's epoch (2015-01-01T00:00:00Z), the zero of every snowflake's timestamp. */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/**
 * Makes snowflakes the way Discord does — milliseconds since its epoch shifted
 * left 22 bits, plus a counter — so discord.js's `createdTimestamp` is right and
 * ids sort by creation, which the channel history relies on.
 */
export class SnowflakeSource {
  #last = 0n;

  next(now: number = Date.now()): string {
    const candidate = (BigInt(now) - DISCORD_EPOCH_MS) << 22n;
    // Strictly increasing even within one millisecond or if the clock steps back.
    this.#last = candidate > this.#last ? candidate : this.#last + 1n;
    return this.#last.toString();
  }
}

/** A fresh interaction token: opaque, URL-safe and long like Discord's. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb24.${randomBytes(48).toString('base64url')}`;
}

/** A gateway session id: 32 hex characters, as Discord sends. */
export function sessionId(): string {
  return randomBytes(16).toString('hex');
}

/** The shard a guild belongs to, by Discord's formula `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
