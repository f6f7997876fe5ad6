import type { Database } from '../../store/database.js';

/**
 * An fts5vocab "instance" table over statement_fts: one row per indexed token
 * (term, doc, col, offset), read straight from the index, so counting a stem's
 * occurrences never reads statement text. It lives in the connection's temp
 * schema (created on first use; works on read-only connections too) because it
 * stores nothing: no migration needed.
 */
const INSTANCES = 'temp.statement_fts_instances';
const prepared = new WeakSet<Database>();

async function ensureInstanceTable(db: Database): Promise<void> {
  if (prepared.has(db)) return;
  await db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${INSTANCES} USING fts5vocab(main, statement_fts, instance)`);
  prepared.add(db);
}

/**
 * How many times the phrase of these stems occurs in each statement's text,
 * by statement id: a statement without it is absent. One stem is a GROUP BY
 * over its instances; several are joined on consecutive token offsets in SQL
 * (each stem's instances materialised once, so the join is indexed, not a scan
 * per row). This is exactly what FTS5 counts as a phrase match.
 */
export async function phraseCountsInIndex(db: Database, stems: readonly string[]): Promise<Map<number, number>> {
  await ensureInstanceTable(db);
  try {
    return await countInstances(db, stems);
  } catch (error) {
    // Created inside someone else's transaction that then rolled back: create it again, once.
    if (!(error instanceof Error && error.message.includes('no such table'))) throw error;
    prepared.delete(db);
    await ensureInstanceTable(db);
    return countInstances(db, stems);
  }
}

async function countInstances(db: Database, stems: readonly string[]): Promise<Map<number, number>> {
  if (stems.length === 1) {
    const rows = await db.all<{ doc: number; n: number }>(`SELECT doc, count(*) AS n FROM ${INSTANCES} WHERE term = ? AND col = 'text' GROUP BY doc`, [stems[0]!]);
    return new Map(rows.map((row) => [row.doc, row.n]));
  }
  const ctes = stems.map((_, i) => `w${i} AS MATERIALIZED (SELECT doc, offset FROM ${INSTANCES} WHERE term = ?${i + 1} AND col = 'text')`);
  const joins = stems.slice(1).map((_, k) => `JOIN w${k + 1} ON w${k + 1}.doc = w0.doc AND w${k + 1}.offset = w0.offset + ${k + 1}`);
  const rows = await db.all<{ doc: number; n: number }>(`WITH ${ctes.join(', ')} SELECT w0.doc AS doc, count(*) AS n FROM w0 ${joins.join(' ')} GROUP BY w0.doc`, [...stems]);
  return new Map(rows.map((row) => [row.doc, row.n]));
}
