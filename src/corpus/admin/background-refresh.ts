import { existsSync } from 'node:fs';
import type { Logger } from '../../log.js';
import type { Database } from '../../store/database.js';
import { listWebSources } from '../../store/web-sources.js';
import type { WebFetcher } from '../../web/fetcher.js';
import { followSourcesFile } from '../sources/follow.js';
import { refreshSources } from '../sources/refresh.js';
import { readSourcesFile } from '../sources/sources-file.js';

/** The sources file the running bot follows: the one `npm run refresh` reads by default, in the folder it runs from. */
export const BOT_SOURCES_FILE = 'sources.yaml';

/** What one background refresh did, for the log. */
export interface BackgroundRefreshSummary {
  sources: number;
  added: number;
  changed: number;
  unchanged: number;
  failed: number;
  notDue: number;
}

/**
 * One background refresh: the sources file read afresh (edits to it count
 * from the next run; a source taken out of it is no longer followed), then
 * what is due refreshed as `npm run refresh` does it. No file and nothing
 * followed is not an error: there is nothing to do.
 */
export async function refreshFollowedSources(db: Database, fetcher: Pick<WebFetcher, 'fetch'>, options: { sourcesPath?: string; signal?: AbortSignal; log?: Logger } = {}): Promise<BackgroundRefreshSummary> {
  const sourcesPath = options.sourcesPath ?? BOT_SOURCES_FILE;
  if (existsSync(sourcesPath)) await followSourcesFile(db, await readSourcesFile(sourcesPath));
  const sources = (await listWebSources(db)).length;
  if (sources === 0) return { sources, added: 0, changed: 0, unchanged: 0, failed: 0, notDue: 0 };
  const report = await refreshSources(db, fetcher, { ...(options.signal ? { signal: options.signal } : {}), ...(options.log ? { log: options.log } : {}) });
  return { sources, added: report.added, changed: report.changed, unchanged: report.unchanged, failed: report.failed, notDue: report.notDue };
}
