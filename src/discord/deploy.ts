import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Command } from './command.js';
import { requireDiscordCredentials } from './credentials.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  guildId?: string;
  names: string[];
}

/**
 * Tell Discord about the commands (one bulk PUT, which also removes commands no
 * longer defined). With DISCORD_GUILD_ID, to that one server: instant, for
 * development. Without, globally: every server the bot is in. Run when
 * definitions change — never on each start (Discord rate-limits command updates).
 */
export async function deployCommands({ config, commands, log }: { config: Config; commands: readonly Command[]; log: Logger }): Promise<DeployResult> {
  const { token, clientId } = requireDiscordCredentials(config, 'Registering commands');
  const rest = new REST(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}).setToken(token);
  const guildId = config.DISCORD_GUILD_ID;
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, { body: commands.map((command) => command.data) })) as RESTPutAPIApplicationCommandsResult;
  const names = registered.map((command) => command.name);
  log.info({ scope: guildId ? 'guild' : 'global', guildId, names }, 'commands registered');
  return { scope: guildId ? 'guild' : 'global', ...(guildId ? { guildId } : {}), names };
}
