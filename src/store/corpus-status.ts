/**
 * What /corpus status shows, read in one place: the corpus's size and last
 * ingest, the web sources' last refresh (0009's web_sources), what is failing
 * (sources, and pages of a followed source or of a statement, whose last check
 * failed), and the latest recorded changes.
 */
import { recentCorpusChanges, type CorpusChange } from './corpus-changes.js';
import type { Database } from './database.js';
import { corpusVersion } from './statement-writes.js';

export interface RefreshSummary {
  /** When the most recently refreshed source was refreshed. */
  finishedAt: string;
  /** Sources followed, and the sum of their last refreshes' counts. */
  sources: number;
  added: number;
  changed: number;
  unchanged: number;
  failed: number;
}

/** A source or page whose last check failed. */
export interface FailingSource {
  url: string;
  reason: string;
  lastCheckedAt: string | null;
  /** Failures in a row (pages count them; a source's is 1). */
  failures: number;
}

export interface CorpusStatus {
  statements: number;
  passages: number;
  corpusVersion: number;
  lastIngestAt: string | null;
  /** Undefined when no web source has been refreshed yet. */
  lastRefresh?: RefreshSummary;
  /** Most failures in a row first. */
  failing: FailingSource[];
  /** Newest first. */
  changes: CorpusChange[];
}

/** Failing sources and pages listed at most. */
const MAX_FAILING = 50;

export async function corpusStatus(db: Database, changes: number): Promise<CorpusStatus> {
  const [size, lastRun, refresh, failing, version, recent] = await Promise.all([
    db.get<{ statements: number; passages: number; ingested: string | null }>('SELECT count(*) AS statements, (SELECT count(*) FROM passages) AS passages, max(ingested_at) AS ingested FROM statements'),
    db.get<{ finished: string | null }>('SELECT max(finished_at) AS finished FROM ingest_runs'),
    db.get<Omit<RefreshSummary, 'finishedAt'> & { finishedAt: string | null }>(
      `SELECT max(last_refreshed_at) AS finishedAt, count(*) AS sources, coalesce(sum(added), 0) AS added, coalesce(sum(changed), 0) AS changed,
              coalesce(sum(unchanged), 0) AS unchanged, coalesce(sum(failed), 0) AS failed
       FROM web_sources WHERE last_refreshed_at IS NOT NULL`,
    ),
    db.all<FailingSource>(
      `SELECT url, coalesce(last_error, 'failed') AS reason, last_refreshed_at AS lastCheckedAt, 1 AS failures FROM web_sources WHERE last_status = 'failed'
       UNION ALL
       SELECT url, coalesce(last_error, 'failed'), last_checked_at, consecutive_failures FROM web_pages
       WHERE last_status = 'failed'
         -- What a refresh will ask again, or a statement's own page; not an address someone tried once and was
         -- told why it failed (a typo would stay "failing" for good, with nothing to clear it).
         AND (statement_id IS NOT NULL OR url IN (SELECT url FROM web_sources) OR url IN (SELECT url FROM web_source_entries))
       ORDER BY failures DESC, lastCheckedAt DESC LIMIT ?`,
      [MAX_FAILING],
    ),
    corpusVersion(db),
    recentCorpusChanges(db, changes),
  ]);
  const lastIngestAt = [lastRun?.finished, size?.ingested].filter((at): at is string => Boolean(at)).sort().at(-1) ?? null;
  return {
    statements: size?.statements ?? 0,
    passages: size?.passages ?? 0,
    corpusVersion: version,
    lastIngestAt,
    ...(refresh?.finishedAt ? { lastRefresh: { ...refresh, finishedAt: refresh.finishedAt } } : {}),
    failing,
    changes: recent,
  };
}
