import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { Config } from '../config.js';
import { NO_MENTIONS } from './payload.js';

/**
 * The discord.js client the bot runs on.
 * Intents: Guilds (channels, threads, roles), GuildMessages + MessageContent
 * (read follow-ups in the bot's threads — a message that mentions the bot carries
 * its text even without MessageContent, a follow-up without a mention doesn't),
 * DirectMessages (questions in DMs). MessageContent is privileged: switch it on in
 * the Developer Portal (docs/discord-setup.md).
 * Partials.Channel: a DM channel isn't cached before its first message arrives.
 * `rest.api` points discord.js at DISCORD_API_BASE (a proxy, or the test double);
 * the gateway URL then comes from that API's /gateway/bot.
 */
export function createDiscordClient(config: Pick<Config, 'DISCORD_API_BASE'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    ...(config.DISCORD_API_BASE ? { rest: { api: config.DISCORD_API_BASE } } : {}),
  });
}
