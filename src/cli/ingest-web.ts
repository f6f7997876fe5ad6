import { pageFailureReason } from '../corpus/intake/failures.js';
import { ingestUrl } from '../corpus/intake/url.js';
import { followFromCommandLine, unfollowUnreadNewSources } from '../corpus/sources/follow.js';
import { refreshSources, type RefreshReport } from '../corpus/sources/refresh.js';
import { isUserFacingError } from '../errors.js';
import type { Database } from '../store/database.js';
import type { WebFetcher } from '../web/fetcher.js';
import { printable } from './cli-run.js';
import type { Progress } from './progress.js';
import { formatIntakeResult, formatRefreshReport } from './refresh-summary.js';

/** What `npm run ingest` was given that lives on the web. */
export interface WebInputs {
  urls: string[];
  feeds: string[];
  sitemaps: string[];
  /** --org: given by whoever runs the command, so it wins over the pages'. */
  organisation?: string;
}

/**
 * An address among the ingest's arguments (everything else is a path): any
 * `scheme://`, so an ftp:// or file:// address is refused by the fetcher
 * saying only http and https are fetched, not reported as a missing file.
 */
export function isWebAddress(argument: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(argument);
}

/**
 * Ingest pages by URL, and follow and refresh feeds and sitemaps, printing a
 * line per page (and the refresh's summary) to `out`, a failure per line to
 * `err`. Returns how many failed. Feeds and sitemaps stay followed:
 * `npm run refresh` asks them again when due.
 */
export async function ingestWebInputs(db: Database, fetcher: Pick<WebFetcher, 'fetch'>, inputs: WebInputs, io: { out: (line: string) => void; err: (line: string) => void; progress?: Progress; now?: () => Date }): Promise<{ failed: number; report?: RefreshReport }> {
  const given = inputs.organisation ? { organisation: inputs.organisation } : undefined;
  let failed = 0;
  for (const url of inputs.urls) {
    try {
      io.out(formatIntakeResult(url, await ingestUrl(db, fetcher, url, { given, givenBy: 'admin', now: io.now })));
    } catch (error) {
      if (!isUserFacingError(error)) throw error;
      failed++;
      io.err(`failed: ${printable(url)}: ${printable(pageFailureReason(error))}`);
    }
  }
  const followed = [...inputs.feeds.map((url) => ({ url, kind: 'feed' as const })), ...inputs.sitemaps.map((url) => ({ url, kind: 'sitemap' as const }))];
  if (followed.length === 0) return { failed };
  const newlyFollowed: string[] = [];
  for (const source of followed) if (await followFromCommandLine(db, source.url, source.kind, given ?? {})) newlyFollowed.push(source.url);
  const started = performance.now();
  const report = await refreshSources(db, fetcher, { only: followed.map((source) => source.url), now: io.now, onProgress: (done, total, label) => io.progress?.update(done, total, label) });
  io.progress?.stop();
  io.out(formatRefreshReport(report, (performance.now() - started) / 1000));
  for (const url of await unfollowUnreadNewSources(db, report, newlyFollowed)) io.err(`not followed: ${printable(url)}: its list couldn't be read (above); check the address and ingest it again`);
  return { failed: failed + report.failed, report };
}
