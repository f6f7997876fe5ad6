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
/** More than any statement's token count (FTS5 offsets are per column), so doc × this + offset names one token. */
const OFFSETS_PER_DOC = 2 ** 24;

async function ensureInstanceTable(db: Database): Promise<void> {
  if (prepared.has(db)) return;
  await db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${INSTANCES} USING fts5vocab(main, statement_fts, instance)`);
  prepared.add(db);
}

/**
 * How many times the phrase of these stems occurs in each statement's text,
 * by statement id: a statement without it is absent. One stem is a GROUP BY
 * over its instances; for several, each instance of the first is kept when
 * the next words' instances follow it at consecutive token offsets (each
 * later word's instances read once into an index, not a scan per row). This
 * is exactly what FTS5 counts as a phrase match.
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
  // Each later word's instances as keys of (statement, offset) in one ephemeral index SQLite builds once (IN),
  // probed for every instance of the first word: on the UN corpus "of the" took 2.9 s as a two-column
  // join of materialised instance lists (an automatic index built on both columns), 1.7 s this way.
  const follows = stems.slice(1).map((_, k) => `w0.doc * ${OFFSETS_PER_DOC} + w0.offset + ${k + 1} IN (SELECT doc * ${OFFSETS_PER_DOC} + offset FROM ${INSTANCES} WHERE term = ?${k + 2} AND col = 'text')`);
  const rows = await db.all<{ doc: number; n: number }>(`SELECT w0.doc AS doc, count(*) AS n FROM ${INSTANCES} w0 WHERE w0.term = ?1 AND w0.col = 'text' AND ${follows.join(' AND ')} GROUP BY w0.doc`, [...stems]);
  return new Map(rows.map((row) => [row.doc, row.n]));
}
