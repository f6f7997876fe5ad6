import type { Database } from '../../store/database.js';
import { adoptWebAddress } from '../../store/web-keys.js';
import { findWebSource, followWebSource, listWebSources, unfollowWebSource, unfollowWebSourcesExcept, type WebSourceKind } from '../../store/web-sources.js';
import { webUrlKey } from '../../web/web-url.js';
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
    await keyFollowedSources(db);
    for (const source of declared) {
      await followWebSource(db, { url: source.url, kind: source.kind, origin: 'sources-file', defaults: source.given, intervalSeconds: source.intervalSeconds });
    }
    return unfollowWebSourcesExcept(db, 'sources-file', declared.map((source) => source.url));
  });
}

/**
 * Move every followed source stored under an address as once written (before
 * addresses were keyed: "HTTP://Example.ORG/feed", a "#fragment") to its key,
 * with what its refreshes found, and a page source's page state with it (a
 * removed statement's mark included): however the file or command line spells
 * it now, it is the same source. A handful of rows; call it inside a transaction.
 */
async function keyFollowedSources(db: Database): Promise<void> {
  for (const { url } of await listWebSources(db)) await adoptWebAddress(db, url, webUrlKey(url));
}

/**
 * Follow a feed or sitemap named on the command line (`npm run ingest -- --feed URL`), refreshed daily unless the
 * sources file says otherwise; it is followed under its key ({@link webUrlKey}). Returns whether it is newly followed (see {@link unfollowUnreadNewSources}).
 */
export async function followFromCommandLine(db: Database, address: string, kind: WebSourceKind, given: { organisation?: string }): Promise<boolean> {
  const url = webUrlKey(address);
  await db.transaction(() => keyFollowedSources(db));
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
