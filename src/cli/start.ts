/**
 * `npm start` — make sure the database exists and holds the corpus (ingesting
 * the bundled corpus/ when it is empty), then:
 * - with DISCORD_TOKEN: run the bot (sharded when DISCORD_SHARDS is set) until
 *   SIGINT/SIGTERM (exit 0), or until Discord rejects its token (one fatal log
 *   line, exit 78, for a supervisor to restart it once DISCORD_TOKEN is fixed);
 * - without: open a terminal session that runs the same commands locally.
 */
import { fileURLToPath } from 'node:url';
import { loadConfig, loadDotEnv } from '../config.js';
import { createCorpusAdmin } from '../corpus/admin/create-corpus-admin.js';
import { ingest } from '../corpus/ingest.js';
import { backfillSignatories } from '../corpus/signatory-backfill.js';
import { requireDiscordCredentials } from '../discord/credentials.js';
import { runShards } from '../discord/sharding.js';
import { createLogger, type Logger } from '../log.js';
import { createCorpusRetriever } from '../search/corpus-retriever.js';
import type { Database } from '../store/database.js';
import { openForWriting } from '../store/migrate.js';
import { createWebFetcher } from '../web/fetcher.js';
import { webFetcherOptionsFromConfig } from '../web/options.js';
import { runBotUntilSignalled } from './bot-process.js';
import { resolveDatabasePath } from './args.js';
import { parseFlags, runCli, UsageError } from './cli-run.js';
import { runConsole } from './console.js';

const USAGE = 'Usage: npm start [-- --db PATH]   (configuration from .env / the environment; see .env.example)';
/** The statements that ship with the project. */
export const BUNDLED_CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));
/** What each shard process runs when DISCORD_SHARDS is set. */
const SHARD_ENTRY = fileURLToPath(new URL('./shard-entry.ts', import.meta.url));

await runCli(USAGE, async () => {
  const { values } = parseFlags({ db: { type: 'string' } });
  loadDotEnv();
  const loaded = loadConfig();
  // Shard processes read DATABASE_PATH from the environment, not this process's flags.
  if (values.db && loaded.DISCORD_SHARDS !== undefined) throw new UsageError('With DISCORD_SHARDS, set DATABASE_PATH instead of --db: each shard process opens the database itself.');
  const config = { ...loaded, DATABASE_PATH: resolveDatabasePath(values.db, loaded) };
  const log = createLogger(config.LOG_LEVEL);
  if (config.DISCORD_TOKEN) requireDiscordCredentials(config, 'Running the bot');

  const db = await openForWriting(config.DATABASE_PATH);
  await ensureCorpus(db, log);

  if (!config.DISCORD_TOKEN) {
    // The session runs one command at a time, so /corpus writes on its connection: no answer is being read meanwhile.
    const fetcher = createWebFetcher(webFetcherOptionsFromConfig(config));
    const corpusAdmin = createCorpusAdmin({ db, config, fetcher, log });
    await runConsole({ db, retriever: createCorpusRetriever(db), config, log, input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true && process.stdout.isTTY === true, corpusAdmin });
    await fetcher.close();
    await db.close();
    return 0;
  }
  if (config.DISCORD_SHARDS !== undefined) {
    await db.close(); // each shard process opens its own connection
    return runShards({ config, log, entry: SHARD_ENTRY });
  }
  return runBotUntilSignalled({ config, db, log });
});

/**
 * An empty database gets the bundled corpus (ingest is idempotent, so this is
 * cheap to get wrong); one made before signatories were read gets them (once).
 */
async function ensureCorpus(db: Database, log: Logger): Promise<void> {
  const row = await db.get<{ statements: number }>('SELECT count(*) AS statements FROM statements');
  if ((row?.statements ?? 0) > 0) {
    const backfilled = await backfillSignatories(db);
    if (backfilled) log.info(backfilled, 'signatories read from the statements already stored');
    return;
  }
  process.stderr.write(`The database at ${db.path} is empty: ingesting the bundled corpus (${BUNDLED_CORPUS_DIR})…\n`);
  const summary = await ingest(db, [BUNDLED_CORPUS_DIR], { log });
  log.info({ added: summary.added, failed: summary.failed, passages: summary.passages }, 'bundled corpus ingested');
  if (summary.failed > 0) process.stderr.write(`${summary.failed} bundled file(s) could not be read: ${summary.failures.map((f) => f.source).join(', ')}\n`);
}
