import type { Database } from '../../store/database.js';
import { findWebSource, followWebSource, unfollowWebSourcesExcept, type WebSourceKind } from '../../store/web-sources.js';
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
      await followWebSource(db, { url: source.url, kind: source.kind, origin: 'sources-file', defaults: source.given, intervalSeconds: source.intervalSeconds });
    }
    return unfollowWebSourcesExcept(db, 'sources-file', declared.map((source) => source.url));
  });
}

/** Follow a feed or sitemap named on the command line (`npm run ingest -- --feed URL`), refreshed daily unless the sources file says otherwise. */
export async function followFromCommandLine(db: Database, url: string, kind: WebSourceKind, given: { organisation?: string }): Promise<void> {
  // A source the sources file declares stays as the file says.
  if ((await findWebSource(db, url))?.origin === 'sources-file') return;
  await followWebSource(db, { url, kind, origin: 'cli', defaults: given, intervalSeconds: parseInterval(DEFAULT_INTERVAL)! });
}
