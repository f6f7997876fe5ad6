import type { Database } from '../store/database.js';
import { corpusVersion } from '../store/statement-writes.js';

/**
 * Each statement written is a transaction, and each transaction adds a segment
 * to the FTS5 indexes (SQLite merges some as it goes); every query looks a term
 * up in each segment, so after a bulk load they are merged into one, which is
 * what the search benchmark measures against. A merge rewrites the whole index
 * (about 5 s for the UN corpus), so only after this many changes.
 */
export const MERGE_AFTER_CHANGES = 1_000;

const MERGED_AT = 'index_merged_at_version';

/**
 * Merge the indexes when the corpus has changed enough since they were last
 * merged. Counted by corpus_version, which goes up once per statement written
 * or removed by any run — so a run that was killed before it could merge, and
 * the smaller run that completed its work, add up.
 */
export async function mergeIndexIfWorthIt(db: Database): Promise<boolean> {
  const version = await corpusVersion(db);
  const mergedAt = Number((await db.get<{ value: string }>('SELECT value FROM corpus_meta WHERE key = ?', [MERGED_AT]))?.value ?? 0);
  if (version - mergedAt < MERGE_AFTER_CHANGES) return false;
  for (const index of ['passage_fts', 'statement_fts']) await db.run(`INSERT INTO ${index} (${index}) VALUES ('optimize')`);
  await db.run('INSERT INTO corpus_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [MERGED_AT, String(version)]);
  return true;
}
