import { LruMap } from '../../lru-map.js';
import type { Database } from '../../store/database.js';
import { corpusVersion } from '../../store/statement-writes.js';

/**
 * Concordances whose counts are kept, per database. Each holds a list of the
 * statements with occurrences (a few hundred KB for the commonest word on the
 * UN corpus), so the bound is small: enough for the phrases people are paging
 * through at once.
 */
export const CONCORDANCE_CACHE_ENTRIES = 16;

interface Cache {
  version: number;
  entries: LruMap<string, Promise<unknown>>;
}
const caches = new WeakMap<Database, Cache>();

/**
 * `compute()` once per key and corpus version: a page turn of the same phrase,
 * filters and order costs one read of the version, not a recount. Any write to
 * the corpus bumps its version (statement-writes.ts), which forgets everything
 * kept for the database. The version is part of the key too, so a count begun
 * before a write and finished after it is never served for the new version.
 * Concurrent calls share one computation; a failed one is not kept.
 */
export async function keptPerCorpusVersion<T>(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await corpusVersion(db);
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, entries: new LruMap(CONCORDANCE_CACHE_ENTRIES) };
    caches.set(db, cache);
  }
  const versionedKey = `${version}\u0000${key}`;
  const kept = cache.entries.get(versionedKey) as Promise<T> | undefined;
  if (kept) return kept;
  const computing = compute();
  cache.entries.set(versionedKey, computing);
  computing.catch(() => {
    if (cache.entries.get(versionedKey) === computing) cache.entries.delete(versionedKey);
  });
  return computing;
}

/** Forget every count kept for the database: for benchmarks that time a first page, never a kept one. */
export function forgetKeptCounts(db: Database): void {
  caches.delete(db);
}
