import { commands } from '../../commands/index.js';
import type { Config } from '../config.js';
import { startBot, type RunningBot } from '../discord/bot.js';
import { DiscordRejectedError, EXIT_DISCORD_REJECTED, type DiscordRejection } from '../discord/discord-rejection.js';
import type { Logger } from '../log.js';
import { createCorpusRetriever } from '../search/corpus-retriever.js';
import { startCorpusWriting } from './corpus-writing.js';
import type { Database } from '../store/database.js';

/**
 * Run the bot in this process until SIGINT or SIGTERM, then shut down cleanly:
 * answers in progress finish (briefly) or say the bot is restarting, the
 * gateway is closed, a background refresh in progress is stopped, the database closed. Resolves with the exit code once all
 * of that is done: 0, or EXIT_DISCORD_REJECTED when Discord rejected the bot
 * (token reset, unrecoverable gateway close) — logged as one fatal line,
 * since running on would only fail every call.
 */
export async function runBotUntilSignalled({ config, db, log }: { config: Config; db: Database; log: Logger }): Promise<number> {
  const corpus = await startCorpusWriting({ config, db, log });
  let bot: RunningBot;
  try {
    bot = await startBot({ config, db, retriever: createCorpusRetriever(db), log, commands, corpusAdmin: corpus.admin });
  } catch (error) {
    await corpus.close();
    if (!(error instanceof DiscordRejectedError)) throw error;
    logRejection(log, error.rejection);
    await db.close();
    return EXIT_DISCORD_REJECTED;
  }
  // With shards in several processes, the one holding shard 0 refreshes (once, not once per process).
  if (bot.client.shard?.ids.includes(0) ?? true) corpus.scheduleRefresh(bot.context.signal);
  const outcome = await Promise.race([signalled(), bot.rejected]);
  if (typeof outcome === 'string') log.info({ signal: outcome }, 'stopping');
  else logRejection(log, outcome);
  await bot.stop();
  await corpus.close();
  await db.close();
  return typeof outcome === 'string' ? 0 : EXIT_DISCORD_REJECTED;
}

function signalled(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

function logRejection(log: Logger, { message, ...detail }: DiscordRejection): void {
  log.fatal({ ...detail, exitCode: EXIT_DISCORD_REJECTED }, message);
}
