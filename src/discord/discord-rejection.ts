import { Events, GatewayCloseCodes, RESTEvents, type Client } from 'discord.js';

/**
 * The exit code when Discord won't have the bot: EX_CONFIG (sysexits.h). A
 * supervisor restarting the process helps only once the configuration is
 * fixed; the shard manager never respawns a shard that exits with it.
 */
export const EXIT_DISCORD_REJECTED = 78;

/** Discord refused the bot for good: nothing works until the configuration changes. */
export interface DiscordRejection {
  /** One line for the log: what happened and what to fix. Never the token. */
  message: string;
  /** REST: the status (401) and the route's path. */
  status?: number;
  path?: string;
  /** Gateway: the close code. */
  closeCode?: number;
}

/** Thrown by startBot when Discord rejects the bot before it is ready. */
export class DiscordRejectedError extends Error {
  constructor(readonly rejection: DiscordRejection) {
    super(rejection.message);
    this.name = 'DiscordRejectedError';
  }
}

/** What a shard process sends its manager before exiting rejected, so the manager doesn't respawn it. */
const REJECTION_NOTICE = 'discord-rejected';

export function rejectionNotice(): { notice: typeof REJECTION_NOTICE } {
  return { notice: REJECTION_NOTICE };
}

export function isRejectionNotice(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { notice?: unknown }).notice === REJECTION_NOTICE;
}

const FIX_TOKEN = 'Set DISCORD_TOKEN to the current token (Developer Portal → your application → Bot → Reset Token) and restart.';

/** The gateway close codes discord.js never reconnects after (its UNRECOVERABLE_CLOSE_CODES), each with what to fix. */
const FATAL_CLOSE_CODES: ReadonlyMap<number, string> = new Map([
  [GatewayCloseCodes.AuthenticationFailed, `Discord rejected the bot token (gateway closed with 4004, authentication failed): it was reset or revoked. ${FIX_TOKEN}`],
  [GatewayCloseCodes.InvalidShard, 'Discord refused the shard (gateway closed with 4010, invalid shard): check DISCORD_SHARDS and restart.'],
  [GatewayCloseCodes.ShardingRequired, 'Discord requires sharding for this many servers (gateway closed with 4011): set DISCORD_SHARDS=auto and restart.'],
  [GatewayCloseCodes.InvalidAPIVersion, 'Discord refused the gateway API version (gateway closed with 4012): update discord.js.'],
  [GatewayCloseCodes.InvalidIntents, "Discord refused the bot's intents (gateway closed with 4013, invalid intents)."],
  [GatewayCloseCodes.DisallowedIntents, 'Discord refused the Message Content intent (gateway closed with 4014, disallowed intents): switch it on (Developer Portal → Bot → Privileged Gateway Intents; docs/discord-setup.md) and restart.'],
]);

/** A 401 on a call made with the bot token. */
export function tokenRejection(path: string): DiscordRejection {
  return { message: `Discord rejected the bot token (401 Unauthorized on ${path}): it was reset or revoked. ${FIX_TOKEN}`, status: 401, path };
}

/**
 * Watch a client for Discord refusing it for good. discord.js handles each
 * case on its own terms — after a 401 it forgets the token and every later
 * call fails; after these close codes the gateway stops reconnecting — and
 * the process would run on, answering nothing. `rejected` resolves at the
 * first; `latest()` tells synchronously whether it has happened.
 * Interaction webhooks don't send the bot token (`auth: false`): their 401 is
 * an expired interaction, handled per answer, and not a rejection.
 */
export function watchForRejection(client: Client): { rejected: Promise<DiscordRejection>; latest(): DiscordRejection | undefined } {
  let latest: DiscordRejection | undefined;
  let resolve!: (rejection: DiscordRejection) => void;
  const rejected = new Promise<DiscordRejection>((done) => (resolve = done));
  const reject = (rejection: DiscordRejection): void => {
    if (latest) return;
    latest = rejection;
    resolve(rejection);
  };
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 401 && request.data.auth !== false) reject(tokenRejection(request.path));
  });
  client.on(Events.ShardDisconnect, (event) => {
    const message = FATAL_CLOSE_CODES.get(event.code);
    if (message) reject({ message, closeCode: event.code });
  });
  return { rejected, latest: () => latest };
}
