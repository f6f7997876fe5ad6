/**
 * `npm run deploy-commands` — register the bot's commands with Discord: to
 * DISCORD_GUILD_ID when set (instant; for development), else globally. Run it
 * once after creating the application and whenever commands/ changes.
 */
import { commands } from '../../commands/index.js';
import { loadConfig, loadDotEnv } from '../config.js';
import { deployCommands } from '../discord/deploy.js';
import { createLogger } from '../log.js';
import { runCli } from './cli-run.js';

await runCli('Usage: npm run deploy-commands   (needs DISCORD_TOKEN and DISCORD_CLIENT_ID; DISCORD_GUILD_ID for one server)', async () => {
  loadDotEnv();
  const config = loadConfig();
  const result = await deployCommands({ config, commands, log: createLogger(config.LOG_LEVEL) });
  const where = result.scope === 'guild' ? `to the server ${result.guildId} (available at once)` : 'globally (may take up to an hour to show everywhere)';
  process.stdout.write(`Registered ${result.names.length} commands ${where}: ${result.names.join(', ')}\n`);
  return 0;
});
