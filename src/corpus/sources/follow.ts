import type { Database } from '../../store/database.js';
import { adoptWebAddress } from '../../store/web-keys.js';
import { webUrlKey } from '../../web/web-url.js';
import { findWebSource, followWebSource, unfollowWebSource, unfollowWebSourcesExcept, type WebSourceKind } from '../../store/web-sources.js';
import type { RefreshReport } from './refresh.js';
import { DEFAULT_INTERVAL, parseInterval, type DeclaredSource } from './sources-file.js';

/**
 * Make the followed sources those the sources file declares (its own only:
 * feeds followed from the command line stay). A source taken out of the file
 * is no longer refreshed; the statements it brought stay in the corpus.
 * Returns the URLs no longer followed.
 */
export async function followSourcesFile(db: Database, declared: readonly DeclaredSource[]): Promise<string[]> {
  return db.transaction(async () => {
    for (const source of declared) {
      if (source.written !== undefined) await adoptWebAddress(db, source.written, source.url);
      await followWebSource(db, { url: source.url, kind: source.kind, origin: 'sources-file', defaults: source.given, intervalSeconds: source.intervalSeconds });
    }
    return unfollowWebSourcesExcept(db, 'sources-file', declared.map((source) => source.url));
  });
}

/**
 * Follow a feed or sitemap named on the command line (`npm run ingest -- --feed URL`), refreshed daily unless the
 * sources file says otherwise; it is followed under its key ({@link webUrlKey}). Returns whether it is newly followed (see {@link unfollowUnreadNewSources}).
 */
export async function followFromCommandLine(db: Database, address: string, kind: WebSourceKind, given: { organisation?: string }): Promise<boolean> {
  const url = webUrlKey(address);
  if (url !== address) await db.transaction(() => adoptWebAddress(db, address, url));
  const known = await findWebSource(db, url);
  // A source the sources file declares stays as the file says.
  if (known?.origin === 'sources-file') return false;
  await followWebSource(db, { url, kind, origin: 'cli', defaults: given, intervalSeconds: parseInterval(DEFAULT_INTERVAL)! });
  return known === undefined;
}

/**
 * Stop following the sources just followed whose list the first refresh couldn't read (a 404, an HTML page
 * given as a feed, a typo): a mistake isn't asked again daily. Returns their URLs. One that was read before
 * stays: a feed failing today may be back tomorrow.
 */
export async function unfollowUnreadNewSources(db: Database, report: Pick<RefreshReport, 'sources'>, newlyFollowed: readonly string[]): Promise<string[]> {
  const keys = newlyFollowed.map(webUrlKey);
  const unread = report.sources.filter((source) => source.list === 'failed' && keys.includes(source.url)).map((source) => source.url);
  for (const url of unread) await unfollowWebSource(db, url);
  return unread;
}
