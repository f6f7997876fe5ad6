import type { Config } from '../config.js';
import { refreshFollowedSources } from '../corpus/admin/background-refresh.js';
import type { CorpusAdmin } from '../corpus/admin/corpus-admin.js';
import { createCorpusAdmin } from '../corpus/admin/create-corpus-admin.js';
import { startRefreshSchedule, type RefreshSchedule } from '../corpus/admin/refresh-schedule.js';
import type { Logger } from '../log.js';
import type { Database } from '../store/database.js';
import { openForWriting } from '../store/migrate.js';
import { createWebFetcher } from '../web/fetcher.js';
import { webFetcherOptionsFromConfig } from '../web/options.js';

const MS_PER_MINUTE = 60_000;

/** What the running bot changes its corpus with, and how it is stopped. */
export interface CorpusWriting {
  admin: CorpusAdmin;
  /** Start the background refresh (when CORPUS_REFRESH_MINUTES > 0); it stops when `signal` aborts. */
  scheduleRefresh(signal: AbortSignal): RefreshSchedule | undefined;
  /** After the bot has stopped: wait for a refresh in progress, close the fetcher and the connection. */
  close(): Promise<void>;
}

/**
 * /corpus and the background refresh write on a connection of their own: in
 * WAL mode the bot's reading connection then sees each statement as it was
 * before a write's transaction or after it, never in between (a connection
 * sees its own uncommitted writes, so writing on the reading one would show
 * answers a statement whose passages are half replaced). One fetcher serves
 * both, so its per-host pacing holds across them.
 */
export async function startCorpusWriting({ config, db, log }: { config: Config; db: Database; log: Logger }): Promise<CorpusWriting> {
  // An in-memory database can't be opened twice; there is no concurrent reader to protect from then.
  const writer = db.path === ':memory:' ? db : await openForWriting(db.path);
  const fetcher = createWebFetcher(webFetcherOptionsFromConfig(config));
  const refreshLog = log.child({ task: 'background refresh' });
  let schedule: RefreshSchedule | undefined;
  return {
    admin: createCorpusAdmin({ db: writer, config, fetcher, log }),
    scheduleRefresh(signal) {
      if (config.CORPUS_REFRESH_MINUTES === 0) return undefined;
      schedule = startRefreshSchedule({ refresh: (abort) => refreshFollowedSources(writer, fetcher, { signal: abort, log: refreshLog }), intervalMs: config.CORPUS_REFRESH_MINUTES * MS_PER_MINUTE, log: refreshLog, signal });
      return schedule;
    },
    async close() {
      await schedule?.stopped;
      await fetcher.close();
      if (writer !== db) await writer.close();
    },
  };
}
