import type { Database } from '../../store/database.js';
import type { SearchFilters } from '../filters.js';
import { filterSql } from '../filter-sql.js';
import { keptPerCorpusVersion } from './concordance-cache.js';
import type { ConcordanceSort, OrganisationOccurrences } from './concordance-types.js';
import { exactCounts } from './exact-counts.js';
import { phraseCountsInIndex } from './index-counts.js';
import type { KwicQuery } from './kwic-query.js';

/** A statement with occurrences, in the chosen order. */
export interface CountedStatement {
  id: number;
  organisation: string;
  occurrences: number;
}

/** Everything a page of a concordance needs but its lines: the same for every page. */
export interface ConcordanceCounts {
  /** In the page order. */
  statements: CountedStatement[];
  occurrences: number;
  organisations: OrganisationOccurrences[];
}

const ORDER_BY = {
  date: 's.date IS NULL, s.date, s.id',
  // Statements of no known organisation ('') after the named ones, as undated ones after the dated.
  organisation: "s.organisation = '', s.organisation COLLATE NOCASE, s.date IS NULL, s.date, s.id",
} as const;

/**
 * The statements with occurrences of the phrase that the filters allow, in
 * the page order, with the totals: counted once per phrase, filters, order
 * and corpus version (concordance-cache.ts), so turning pages reads only the
 * page's statements. Stemmed phrases are counted from the index alone
 * (index-counts.ts); an exact phrase can't be counted by a stemmed index, so
 * the statements holding its stems are read and counted (exact-counts.ts).
 */
export function concordanceCounts(db: Database, query: KwicQuery, filters: SearchFilters & { sort: ConcordanceSort }): Promise<ConcordanceCounts> {
  const { organisations, organisationPrefix, from, to, sort } = filters;
  const words = query.words.map((word) => (query.mode === 'exact' ? word.folded : word.stem));
  const key = JSON.stringify([query.mode, words, organisations ?? null, organisationPrefix ?? null, from ?? null, to ?? null, sort]);
  return keptPerCorpusVersion(db, key, () => countStatements(db, query, filters));
}

async function countStatements(db: Database, query: KwicQuery, filters: SearchFilters & { sort: ConcordanceSort }): Promise<ConcordanceCounts> {
  const inIndex = await phraseCountsInIndex(db, query.words.map((word) => word.stem));
  let statements = await orderedStatements(db, inIndex, filters);
  if (query.mode === 'exact') {
    const exact = await exactCounts(db, statements.map((statement) => statement.id), query);
    statements = statements.map((statement) => ({ ...statement, occurrences: exact.get(statement.id) ?? 0 })).filter((statement) => statement.occurrences > 0);
  }
  const occurrences = statements.reduce((sum, statement) => sum + statement.occurrences, 0);
  return { statements, occurrences, organisations: byOrganisation(statements) };
}

/** The counted statements the filters allow, in the page order. */
async function orderedStatements(db: Database, counts: Map<number, number>, filters: SearchFilters & { sort: ConcordanceSort }): Promise<CountedStatement[]> {
  if (counts.size === 0) return [];
  const filter = filterSql(filters);
  const rows = await db.all<{ id: number; organisation: string }>(
    `SELECT s.id, s.organisation FROM statements s WHERE s.id IN (SELECT value FROM json_each(?))${filter.where ? ` AND ${filter.where}` : ''} ORDER BY ${ORDER_BY[filters.sort]}`,
    [JSON.stringify([...counts.keys()]), ...filter.params],
  );
  return rows.map((row) => ({ id: row.id, organisation: row.organisation, occurrences: counts.get(row.id)! }));
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
