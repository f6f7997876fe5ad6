import { commands } from '../../commands/index.js';
import type { Config } from '../config.js';
import { startBot } from '../discord/bot.js';
import type { Logger } from '../log.js';
import type { Database } from '../store/database.js';

/**
 * Run the bot in this process until SIGINT or SIGTERM, then shut down cleanly:
 * answers in progress finish (briefly) or say the bot is restarting, the
 * gateway is closed, the database closed. Resolves when all of that is done.
 */
export async function runBotUntilSignalled({ config, db, log }: { config: Config; db: Database; log: Logger }): Promise<void> {
  const bot = await startBot({ config, db, log, commands });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  log.info({ signal }, 'stopping');
  await bot.stop();
  await db.close();
}
