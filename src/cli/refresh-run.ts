import { followSourcesFile } from '../corpus/sources/follow.js';
import { refreshSources } from '../corpus/sources/refresh.js';
import { readSourcesFile } from '../corpus/sources/sources-file.js';
import { UserFacingError } from '../errors.js';
import type { Database } from '../store/database.js';
import { listWebSources } from '../store/web-sources.js';
import type { WebFetcher } from '../web/fetcher.js';
import { printable } from './cli-run.js';
import type { Progress } from './progress.js';
import { formatRefreshReport } from './refresh-summary.js';

export interface RefreshRun {
  /** The sources file to follow (its sources replace those it declared before); none: the sources already followed. */
  sourcesPath?: string;
  force?: boolean;
  json?: boolean;
}

/**
 * `npm run refresh`: follow what the sources file declares, refresh what is
 * due, print the summary (or the report as JSON). Exit code 1 when any page
 * or list failed, else 0.
 */
export async function runRefresh(db: Database, fetcher: Pick<WebFetcher, 'fetch'>, run: RefreshRun, io: { out: (text: string) => void; progress?: Progress; now?: () => Date }): Promise<number> {
  if (run.sourcesPath) {
    const declared = await readSourcesFile(run.sourcesPath);
    const unfollowed = await followSourcesFile(db, declared);
    if (!run.json) for (const url of unfollowed) io.out(`No longer following ${printable(url)} (gone from ${run.sourcesPath}); its statements stay.`);
  }
  if ((await listWebSources(db)).length === 0) {
    throw new UserFacingError('nothing_to_refresh', 'Nothing to refresh: no sources file and no feed or sitemap followed. Copy sources.example.yaml to sources.yaml, or follow one with npm run ingest -- --feed <url>.');
  }
  const started = performance.now();
  const report = await refreshSources(db, fetcher, { force: run.force, now: io.now, onProgress: (done, total, label) => io.progress?.update(done, total, label) });
  io.progress?.stop();
  const seconds = (performance.now() - started) / 1000;
  io.out(run.json ? JSON.stringify({ ...report, seconds }) : formatRefreshReport(report, seconds));
  return report.failed > 0 ? 1 : 0;
}
