import type { Database } from '../../store/database.js';
import type { KwicQuery } from './kwic-query.js';
import { locatePhrase } from './locate.js';

/** Statements read per query: bounded memory however many statements hold the stems. */
const STATEMENTS_PER_BATCH = 200;

/**
 * Occurrences of an exact phrase per statement, by reading the candidate
 * statements (those whose stems match, from the index) and locating it in each.
 * The cost grows with the candidates' text: on the whole UN corpus a common
 * word's exact form reads most of it (docs/benchmarks.md).
 */
export async function exactCounts(db: Database, ids: readonly number[], query: KwicQuery): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (let i = 0; i < ids.length; i += STATEMENTS_PER_BATCH) {
    const rows = await db.all<{ id: number; text: string }>('SELECT s.id, s.text FROM statements s WHERE s.id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids.slice(i, i + STATEMENTS_PER_BATCH))]);
    for (const row of rows) {
      const found = locatePhrase(row.text, query).spans.length;
      if (found > 0) counts.set(row.id, found);
    }
  }
  return counts;
}
