import type { Database } from '../../store/database.js';
import { filterSql } from '../filter-sql.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../statement-rows.js';
import { DEFAULT_KWIC_PAGE_SIZE, DEFAULT_KWIC_WINDOW, MAX_KWIC_PAGE_SIZE, MAX_KWIC_WINDOW, type Concordance, type ConcordanceLine, type ConcordanceOptions, type OrganisationOccurrences } from './concordance-types.js';
import { exactCounts } from './exact-counts.js';
import { phraseCountsInIndex } from './index-counts.js';
import { describeKwicQuery, parseKwicQuery, type KwicQuery } from './kwic-query.js';
import { contextOf, locatePhrase } from './locate.js';

/** A statement with occurrences, in the chosen order. */
interface CountedStatement {
  id: number;
  organisation: string;
  occurrences: number;
}

const ORDER_BY = {
  date: 's.date IS NULL, s.date, s.id',
  // Statements of no known organisation ('') after the named ones, as undated ones after the dated.
  organisation: "s.organisation = '', s.organisation COLLATE NOCASE, s.date IS NULL, s.date, s.id",
} as const;

/**
 * Keyword in context over statements' whole texts (never passages, so an
 * occurrence is neither split at a passage boundary nor counted twice).
 *
 * Counting never reads text in the default, stemmed mode: per-statement counts
 * come from the index (index-counts.ts), the filters and the order from SQL,
 * and only the statements on the requested page are read and tokenized to cut
 * their lines. An exact (quoted) phrase can't be counted by a stemmed index, so
 * the statements holding its stems are read and counted (exact-counts.ts).
 * Filters are taken as validated (the retriever validates them).
 */
export async function concordance(db: Database, input: string, options: ConcordanceOptions = {}): Promise<Concordance> {
  const query = parseKwicQuery(input);
  const sort = options.sort ?? 'date';
  const window = clampInt(options.window ?? DEFAULT_KWIC_WINDOW, 0, MAX_KWIC_WINDOW);
  const pageSize = clampInt(options.pageSize ?? DEFAULT_KWIC_PAGE_SIZE, 1, MAX_KWIC_PAGE_SIZE);

  const inIndex = await phraseCountsInIndex(db, query.words.map((word) => word.stem));
  let statements = await orderedStatements(db, inIndex, options);
  if (query.mode === 'exact') {
    const exact = await exactCounts(db, statements.map((statement) => statement.id), query);
    statements = statements.map((statement) => ({ ...statement, occurrences: exact.get(statement.id) ?? 0 })).filter((statement) => statement.occurrences > 0);
  }

  const occurrences = statements.reduce((sum, statement) => sum + statement.occurrences, 0);
  const pageCount = Math.max(1, Math.ceil(occurrences / pageSize));
  const page = clampInt(options.page ?? 1, 1, pageCount);
  const lines = await pageLines(db, query, statements, (page - 1) * pageSize, pageSize, window);
  return { phrase: describeKwicQuery(query), mode: query.mode, occurrences, statements: statements.length, organisations: byOrganisation(statements), sort, window, page, pageCount, pageSize, lines };
}

/** The counted statements the filters allow, in the page order. */
async function orderedStatements(db: Database, counts: Map<number, number>, options: ConcordanceOptions): Promise<CountedStatement[]> {
  if (counts.size === 0) return [];
  const filter = filterSql(options);
  const rows = await db.all<{ id: number; organisation: string }>(
    `SELECT s.id, s.organisation FROM statements s WHERE s.id IN (SELECT value FROM json_each(?))${filter.where ? ` AND ${filter.where}` : ''} ORDER BY ${ORDER_BY[options.sort ?? 'date']}`,
    [JSON.stringify([...counts.keys()]), ...filter.params],
  );
  return rows.map((row) => ({ id: row.id, organisation: row.organisation, occurrences: counts.get(row.id)! }));
}

/** Occurrences [offset, offset + count) in order: only the statements they fall in are read. */
async function pageLines(db: Database, query: KwicQuery, statements: CountedStatement[], offset: number, count: number, window: number): Promise<ConcordanceLine[]> {
  const wanted: { statement: CountedStatement; skip: number; firstN: number }[] = [];
  let seen = 0;
  for (const statement of statements) {
    if (seen + statement.occurrences > offset && seen < offset + count) wanted.push({ statement, skip: Math.max(0, offset - seen), firstN: seen + 1 });
    seen += statement.occurrences;
    if (seen >= offset + count) break;
  }
  if (wanted.length === 0) return [];
  const rows = await db.all<SummaryRow & { text: string }>(`SELECT ${SUMMARY_COLUMNS}, s.text FROM statements s WHERE s.id IN (SELECT value FROM json_each(?))`, [JSON.stringify(wanted.map((w) => w.statement.id))]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const lines: ConcordanceLine[] = [];
  for (const { statement, skip, firstN } of wanted) {
    const row = byId.get(statement.id);
    if (!row) continue; // deleted by an ingest between the two reads
    const located = locatePhrase(row.text, query);
    const summary = toSummary(row);
    located.spans.slice(skip, skip + count - lines.length).forEach((span, i) => {
      lines.push({ n: firstN + skip + i, statement: summary, ...contextOf(row.text, located, span, window) });
    });
    if (lines.length >= count) break;
  }
  return lines;
}

/** Occurrences and statements per organisation, most occurrences first, then by name. */
function byOrganisation(statements: readonly CountedStatement[]): OrganisationOccurrences[] {
  const totals = new Map<string, OrganisationOccurrences>();
  for (const { organisation, occurrences } of statements) {
    const total = totals.get(organisation) ?? { organisation, occurrences: 0, statements: 0 };
    total.occurrences += occurrences;
    total.statements += 1;
    totals.set(organisation, total);
  }
  return [...totals.values()].sort((a, b) => b.occurrences - a.occurrences || a.organisation.localeCompare(b.organisation));
}

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
