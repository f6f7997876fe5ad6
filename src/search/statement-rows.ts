import type { Database } from '../store/database.js';
import type { Passage, StatementSummary } from '../store/records.js';

/** The columns of `statements s` that make a StatementSummary (never the text). */
export const SUMMARY_COLUMNS = 's.id, s.slug, s.external_id, s.source, s.title, s.organisation, s.date, s.language, s.url';

export interface SummaryRow {
  id: number;
  slug: string;
  external_id: string | null;
  source: string;
  title: string;
  organisation: string;
  date: string | null;
  language: string | null;
  url: string | null;
}

export function toSummary(row: SummaryRow): StatementSummary {
  return {
    id: row.id,
    slug: row.slug,
    externalId: row.external_id,
    source: row.source,
    title: row.title,
    organisation: row.organisation,
    date: row.date,
    language: row.language,
    url: row.url,
  };
}

/** Summaries of the given statements, by id (one query, however many ids). */
export async function loadSummaries(db: Database, ids: readonly number[]): Promise<Map<number, StatementSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM statements s WHERE s.id IN (SELECT value FROM json_each(?))`, [JSON.stringify([...new Set(ids)])]);
  return new Map(rows.map((row) => [row.id, toSummary(row)]));
}

export const PASSAGE_COLUMNS = 'p.id, p.statement_id, p.ordinal, p.start_offset, p.end_offset, p.text';

export interface PassageRow {
  id: number;
  statement_id: number;
  ordinal: number;
  start_offset: number;
  end_offset: number;
  text: string;
}

export function toPassage(row: PassageRow): Passage {
  return { id: row.id, statementId: row.statement_id, ordinal: row.ordinal, start: row.start_offset, end: row.end_offset, text: row.text };
}

/**
 * The passages around one passage of a statement: up to `neighbours` before and
 * after it, in reading order.
 */
export async function loadNeighbours(db: Database, statementId: number, ordinal: number, neighbours: number): Promise<{ before: Passage[]; after: Passage[] }> {
  if (neighbours <= 0) return { before: [], after: [] };
  const rows = await db.all<PassageRow>(
    `SELECT ${PASSAGE_COLUMNS} FROM passages p WHERE p.statement_id = ? AND p.ordinal BETWEEN ? AND ? AND p.ordinal <> ? ORDER BY p.ordinal`,
    [statementId, ordinal - neighbours, ordinal + neighbours, ordinal],
  );
  const passages = rows.map(toPassage);
  return { before: passages.filter((p) => p.ordinal < ordinal), after: passages.filter((p) => p.ordinal > ordinal) };
}
