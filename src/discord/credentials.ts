import type { Config } from '../config.js';
import { UserFacingError } from '../errors.js';

const WHERE = {
  DISCORD_TOKEN: 'the bot token (Developer Portal → your application → Bot → Reset Token)',
  DISCORD_CLIENT_ID: 'the application id (Developer Portal → your application → General Information)',
} as const;

/**
 * Running the bot or registering its commands needs both the token and the
 * application id; say exactly which is missing and where to find it. (loadConfig
 * has already checked the format of whatever is set.)
 */
export function requireDiscordCredentials(config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_CLIENT_ID'>, purpose: string): { token: string; clientId: string } {
  const missing = (['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'] as const).filter((name) => !config[name]);
  if (missing.length > 0) {
    const lines = missing.map((name) => `- ${name} is not set: ${WHERE[name]}`);
    throw new UserFacingError('missing_discord_config', `${purpose} needs ${missing.join(' and ')} (in .env or the environment; see docs/discord-setup.md):\n${lines.join('\n')}`);
  }
  return { token: config.DISCORD_TOKEN!, clientId: config.DISCORD_CLIENT_ID! };
}
