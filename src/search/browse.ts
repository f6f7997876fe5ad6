import type { Database } from '../store/database.js';
import { filterSql } from './filter-sql.js';
import type { SearchFilters } from './filters.js';
import type { RankedPassage } from './rank.js';
import type { SearchHit, SearchResult } from './retriever.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './statement-rows.js';

/**
 * A question that names only who and when ("What has JAKNA said since
 * 2022?") leaves nothing to search for once its speaker and period are
 * filters: it asks for what they said. Their statements, newest first, stand
 * in for a ranking — the first passages of each, as a search would rank the
 * passages of a statement all about its subject.
 */

/** Newest first, undated last; the id settles ties, so every page of one browse keeps the same order. */
const NEWEST_FIRST = 's.date IS NULL, s.date DESC, s.id DESC';

/** Statements looked at when browsing, at most: enough for any page or answer. */
const MAX_BROWSED_STATEMENTS = 600;

/** Does a search with these filters have anything to browse by (an organisation or a period)? */
export function canBrowse(filters: SearchFilters): boolean {
  return Boolean(filters.organisations?.length || filters.organisationPrefix || filters.from || filters.to);
}

/**
 * Up to `statements` statements matching the filters, newest first (undated
 * last), each as its first `perStatement` passages, scored so that order is
 * kept. Scores are ranks, not relevance.
 */
export async function browsePassages(db: Database, filters: SearchFilters, statements: number, perStatement: number): Promise<RankedPassage[]> {
  const { where, params } = filterSql(filters);
  const rows = await db.all<{ id: number; statement_id: number; ordinal: number; rank: number }>(
    `SELECT p.id, p.statement_id, p.ordinal, chosen.rank FROM (
       SELECT s.id, row_number() OVER (ORDER BY ${NEWEST_FIRST}) AS rank
       FROM statements s ${where ? `WHERE ${where}` : ''}
       ORDER BY rank LIMIT ?
     ) AS chosen
     JOIN passages p ON p.statement_id = chosen.id AND p.ordinal < ?
     ORDER BY chosen.rank, p.ordinal`,
    [...params, Math.min(statements, MAX_BROWSED_STATEMENTS), perStatement],
  );
  return rows.map((row) => ({ id: row.id, statementId: row.statement_id, ordinal: row.ordinal, score: -row.rank }));
}

/** Characters of a browsed statement's first passage shown as its snippet. */
const BROWSE_SNIPPET_CHARS = 240;

/**
 * One page of the statements matching the filters, newest first, for a search
 * with nothing to search for but filters; each with its first passage and the
 * start of it as the snippet (no words to highlight).
 */
export async function browseStatements(db: Database, filters: SearchFilters, limit: number, offset: number): Promise<SearchResult> {
  const { where, params } = filterSql(filters);
  const condition = where ? `WHERE ${where}` : '';
  const [count, rows] = await Promise.all([
    db.get<{ total: number }>(`SELECT count(*) AS total FROM statements s ${condition}`, params),
    db.all<SummaryRow & { passage_id: number; ordinal: number; text: string }>(
      `SELECT p.id AS passage_id, p.ordinal, p.text, ${SUMMARY_COLUMNS}
       FROM (SELECT s.id FROM statements s ${condition} ORDER BY ${NEWEST_FIRST} LIMIT ? OFFSET ?) AS chosen
       JOIN statements s ON s.id = chosen.id JOIN passages p ON p.statement_id = s.id AND p.ordinal = 0
       ORDER BY ${NEWEST_FIRST}`,
      [...params, limit, offset],
    ),
  ]);
  const hits: SearchHit[] = rows.map((row, i) => ({
    statement: toSummary(row),
    score: -(offset + i),
    snippet: row.text.length > BROWSE_SNIPPET_CHARS ? `${row.text.slice(0, row.text.lastIndexOf(' ', BROWSE_SNIPPET_CHARS))}…` : row.text,
    passage: { id: row.passage_id, ordinal: row.ordinal, text: row.text },
    matchedPassages: 0,
  }));
  return { query: '', hits, total: count?.total ?? 0 };
}
