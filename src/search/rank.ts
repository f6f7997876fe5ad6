import { UserFacingError } from '../errors.js';
import type { Database, SqlValue } from '../store/database.js';
import { describeFtsError } from './fts-query.js';
import { filterSql, type SearchFilters } from './filters.js';

/**
 * bm25 column weights for passage_fts (text, title, organisation). FTS5 adds a
 * column's weight × term frequency into one bm25 score, so a title word counts
 * as two words of text: a statement titled "… Afghanistan" is about
 * Afghanistan even where a passage doesn't repeat the word; naming an
 * organisation ("what did ICOR say …") likewise favours its statements without
 * being a filter. Text stays the base: it is what distinguishes passages of one
 * statement (title and organisation are the same on all of them).
 */
export const COLUMN_WEIGHTS = { text: 1, title: 2, organisation: 2 } as const;
export const RANK_FUNCTION = `bm25(${COLUMN_WEIGHTS.text}, ${COLUMN_WEIGHTS.title}, ${COLUMN_WEIGHTS.organisation})`;

/** A passage the index found, with its bm25 score (higher is better). */
export interface RankedPassage {
  id: number;
  statementId: number;
  ordinal: number;
  score: number;
}

/**
 * The best `limit` passages for an FTS5 query, best first. The ranking runs
 * inside FTS5 (`ORDER BY rank LIMIT`), which keeps only the top rows while it
 * scores matches; the join to passages (for statement ids) happens for those
 * rows only. With filters, statements are joined during the scan instead —
 * rows of other statements are dropped before the sort.
 */
export async function rankPassages(db: Database, ftsQuery: string, filters: SearchFilters, limit: number, { advanced = false } = {}): Promise<RankedPassage[]> {
  const filter = filterSql(filters);
  try {
    if (filter.where === '') {
      const top = await db.all<{ id: number; score: number }>(
        'SELECT rowid AS id, -rank AS score FROM passage_fts WHERE passage_fts MATCH ? AND rank MATCH ? ORDER BY rank LIMIT ?',
        [ftsQuery, RANK_FUNCTION, limit],
      );
      if (top.length === 0) return [];
      const located = await db.all<{ id: number; statement_id: number; ordinal: number }>(
        'SELECT p.id, p.statement_id, p.ordinal FROM passages p WHERE p.id IN (SELECT value FROM json_each(?))',
        [JSON.stringify(top.map((row) => row.id))],
      );
      const byId = new Map(located.map((row) => [row.id, row]));
      return top.flatMap((row) => {
        const passage = byId.get(row.id);
        return passage ? [{ id: row.id, statementId: passage.statement_id, ordinal: passage.ordinal, score: row.score }] : [];
      });
    }
    const params: SqlValue[] = [ftsQuery, RANK_FUNCTION, ...filter.params, limit];
    const rows = await db.all<{ id: number; statement_id: number; ordinal: number; score: number }>(
      `SELECT passage_fts.rowid AS id, p.statement_id, p.ordinal, -passage_fts.rank AS score
       FROM passage_fts
       JOIN passages p ON p.id = passage_fts.rowid
       JOIN statements s ON s.id = p.statement_id
       WHERE passage_fts MATCH ? AND passage_fts.rank MATCH ? AND ${filter.where}
       ORDER BY passage_fts.rank LIMIT ?`,
      params,
    );
    return rows.map((row) => ({ id: row.id, statementId: row.statement_id, ordinal: row.ordinal, score: row.score }));
  } catch (error) {
    throw asSearchError(error, advanced);
  }
}

/**
 * In advanced mode a malformed query is the user's mistake: say what is wrong.
 * A plain query is built to be always valid, so an error there is a bug and
 * goes up as it is.
 */
export function asSearchError(error: unknown, advanced: boolean): unknown {
  if (!advanced) return error;
  const message = describeFtsError(error);
  return message ? new UserFacingError('fts_syntax', message, { cause: error }) : error;
}
