import { UserFacingError } from '../errors.js';
import type { SqlValue } from '../store/database.js';

/** Who and when a search is limited to. */
export interface SearchFilters {
  organisation?: string;
  from?: string;
  to?: string;
}

const ISO_DATE_PREFIX = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** Greater than any character a NOCASE comparison can meet: "abc" ≤ x < "abc" + MAX_CHAR ⇔ x starts with "abc". */
const MAX_CHAR = '\u{10FFFF}';

/** A WHERE fragment over `statements s` and its parameters; empty when there is no filter. */
export interface FilterSql {
  where: string;
  params: SqlValue[];
}

/**
 * SQL for the filters, always with bound parameters.
 *
 * organisation: case-insensitive, exact or prefix ("icor" and "ICOR" match "ICOR";
 * "United" matches "United Kingdom" and "United States"), written as a range so
 * the NOCASE index on statements.organisation can serve it.
 *
 * from/to: ISO dates or prefixes of them (2021, 2021-06, 2021-06-01). Statement
 * dates are as precise as known, so both sides are periods, and a statement
 * matches when its period overlaps the window: a statement dated "2021" matches
 * from=2021-06-01 (it may be from June or later) and to=2021-03 alike; one dated
 * 2021-07-04 does not match to=2021-06. `to` is inclusive of its whole period
 * (to=2021 runs through 31 December 2021). Undated statements match no date filter.
 * In string terms: date ≥ from cut to the date's length, and the date cut to
 * to's length ≤ to.
 */
export function filterSql(filters: SearchFilters): FilterSql {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const organisation = filters.organisation?.trim();
  if (organisation) {
    clauses.push('s.organisation COLLATE NOCASE >= ? AND s.organisation COLLATE NOCASE < ?');
    params.push(organisation, organisation + MAX_CHAR);
  }
  const from = checkDate('from', filters.from);
  const to = checkDate('to', filters.to);
  if (from && to && from.slice(0, to.length) > to) {
    throw new UserFacingError('bad_date', `The start date ${from} is after the end date ${to}.`);
  }
  if (from) {
    clauses.push('s.date >= substr(?, 1, length(s.date))');
    params.push(from);
  }
  if (to) {
    clauses.push('substr(s.date, 1, length(?)) <= ?');
    params.push(to, to);
  }
  return { where: clauses.join(' AND '), params };
}

export function hasFilters(filters: SearchFilters): boolean {
  return Boolean(filters.organisation?.trim() || filters.from?.trim() || filters.to?.trim());
}

function checkDate(name: 'from' | 'to', value: string | undefined): string | undefined {
  const date = value?.trim();
  if (!date) return undefined;
  if (!ISO_DATE_PREFIX.test(date)) {
    throw new UserFacingError('bad_date', `"${date}" is not a date for ${name}: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-06-01).`);
  }
  return date;
}
