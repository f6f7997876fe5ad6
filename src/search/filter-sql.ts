import type { SqlValue } from '../store/database.js';
import { quoteFts } from './fts-query.js';
import type { SearchFilters } from './filters.js';
import { tokenize } from './tokenize.js';

/** Greater than any character a NOCASE comparison can meet: "abc" ≤ x < "abc" + MAX_CHAR ⇔ x starts with "abc". */
const MAX_CHAR = '\u{10FFFF}';

/** A WHERE fragment over `statements s` and its parameters; empty when there is no filter. */
export interface FilterSql {
  where: string;
  params: SqlValue[];
}

/**
 * SQL for filters that passed validateFilters (filters.ts), always with bound
 * parameters; it checks nothing itself.
 *
 * organisations: any of the names, case-insensitively. organisationPrefix:
 * names starting with it, case-insensitively, written as a range. Both are
 * served by the NOCASE index on statements.organisation.
 *
 * from/to: statement dates are as precise as known, so both sides are
 * periods, and a statement matches when its period overlaps the window: a
 * statement dated "2021" matches from=2021-06-01 (it may be from June or
 * later) and to=2021-03 alike; one dated 2021-07-04 does not match to=2021-06.
 * In string terms: date ≥ from cut to the date's length, and the date cut to
 * to's length ≤ to.
 */
export function filterSql(filters: SearchFilters): FilterSql {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const organisations = filters.organisations ?? [];
  if (organisations.length > 0) {
    clauses.push(`s.organisation COLLATE NOCASE IN (${organisations.map(() => '?').join(', ')})`);
    params.push(...organisations);
  }
  if (filters.organisationPrefix) {
    clauses.push('s.organisation COLLATE NOCASE >= ? AND s.organisation COLLATE NOCASE < ?');
    params.push(filters.organisationPrefix, filters.organisationPrefix + MAX_CHAR);
  }
  if (filters.from) {
    clauses.push('s.date >= substr(?, 1, length(s.date))');
    params.push(filters.from);
  }
  if (filters.to) {
    clauses.push('substr(s.date, 1, length(?)) <= ?');
    params.push(filters.to, filters.to);
  }
  return { where: clauses.join(' AND '), params };
}

/**
 * The organisation filters as an FTS5 expression over the organisation column,
 * so counts and candidates are the organisations' own; null when they can't be
 * said there. It only narrows: the exact, case-insensitive test stays in SQL.
 * Several names are OR-ed; if one of them can't be said, none narrows.
 */
export function organisationScope(filters: SearchFilters): string | null {
  const parts: string[] = [];
  if (filters.organisations?.length) {
    const names = filters.organisations.map((name) => organisationMatch(name, { exact: true }));
    if (names.every((match) => match !== null)) parts.push(names.length === 1 ? names[0]! : `(${names.join(' OR ')})`);
  }
  const prefix = filters.organisationPrefix ? organisationMatch(filters.organisationPrefix) : null;
  if (prefix) parts.push(prefix);
  return parts.length === 0 ? null : parts.join(' AND ');
}

/**
 * `organisation : ^"united king"*` for "United King" — names starting with
 * those words; without the `*` when the name is exact or ends in a space or
 * punctuation. null for a prefix with no last word of 3+ characters to anchor
 * on (a 1-letter prefix would expand to half the vocabulary).
 */
export function organisationMatch(organisation: string | undefined, { exact = false } = {}): string | null {
  const words = tokenize(organisation ?? '').map((token) => token.folded);
  if (words.length === 0 || words.length > 8 || (!exact && words.at(-1)!.length < 3)) return null;
  const exactEnd = exact || /[^\p{L}\p{N}]$/u.test(organisation!.trim()) || organisation!.trim() !== organisation!.trimStart();
  return `organisation : ^${quoteFts(words.join(' '))}${exactEnd ? '' : '*'}`;
}
