import type { Database } from '../store/database.js';
import { filterSql } from './filter-sql.js';
import type { SearchFilters } from './filters.js';

/**
 * Why the filters leave no statement at all, as one sentence for people —
 * "No statement in the corpus is by an organisation starting with “Narnia”."
 * — or undefined when some statement is in range (or nothing was filtered).
 * An analysis that found nothing says this rather than that nothing mentions
 * its word: the miss is the organisation's or the dates', not the topic's.
 * The organisation is blamed when it matches nothing on its own, else the dates.
 * Filters are taken as validated.
 */
export async function emptyRangeReason(db: Database, filters: SearchFilters): Promise<string | undefined> {
  const who = describeOrganisation(filters);
  const when = describeDates(filters);
  if (!who && !when) return undefined;
  if (await anyStatement(db, filters)) return undefined;
  if (who && (!when || !(await anyStatement(db, { organisations: filters.organisations, organisationPrefix: filters.organisationPrefix })))) {
    return `No statement in the corpus is ${who}.`;
  }
  return who ? `No statement ${who} is dated ${when}.` : `No statement in the corpus is dated ${when}.`;
}

async function anyStatement(db: Database, filters: SearchFilters): Promise<boolean> {
  const filter = filterSql(filters);
  const row = await db.get<{ found: number }>(`SELECT 1 AS found FROM statements s${filter.where ? ` WHERE ${filter.where}` : ''} LIMIT 1`, filter.params);
  return row !== undefined;
}

/** "by an organisation starting with “Narnia”", "by “Iran” or “Iraq”"; '' when no organisation is filtered. */
function describeOrganisation(filters: SearchFilters): string {
  const parts = [
    ...(filters.organisations?.length ? [filters.organisations.map((name) => `“${name}”`).join(' or ')] : []),
    ...(filters.organisationPrefix ? [`an organisation starting with “${filters.organisationPrefix}”`] : []),
  ];
  return parts.length > 0 ? `by ${parts.join(' and ')}` : '';
}

/** "from 2030", "up to 1900", "from 2030 to 2031"; '' when no date is filtered. */
function describeDates(filters: SearchFilters): string {
  if (filters.from && filters.to) return `from ${filters.from} to ${filters.to}`;
  if (filters.from) return `from ${filters.from}`;
  if (filters.to) return `up to ${filters.to}`;
  return '';
}
