import { UserFacingError } from '../errors.js';

/**
 * Who and when a search is limited to. Every field given narrows the search
 * (they are AND-ed); `organisations` is an OR over its names.
 *
 * Two ways to name an organisation, because two kinds of caller name them:
 * - `organisations`: exact names (compared case-insensitively, as everywhere in
 *   the corpus), e.g. recognised in a question or picked from
 *   Retriever.organisations(). A statement by any of them matches.
 * - `organisationPrefix`: what a person typed in an organisation option or
 *   --org. Names starting with it match ("icor" → ICOR, "United" → United
 *   Kingdom and United States), so a name cut to fit Discord's option still
 *   finds its organisation.
 *
 * from/to: ISO dates or prefixes of them (2021, 2021-06, 2021-06-01), both
 * inclusive of their whole period; a statement matches when its own (possibly
 * partial) date overlaps the window. Undated statements match no date filter.
 */
export interface SearchFilters {
  organisations?: string[];
  organisationPrefix?: string;
  from?: string;
  to?: string;
}

/** Organisation names are short; this bounds what the autocomplete field and --org accept. */
export const MAX_ORGANISATION_CHARS = 200;
/** Organisations one search may name: each costs a query when passages are shared among them. */
export const MAX_FILTER_ORGANISATIONS = 10;

const ISO_DATE_PREFIX = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * Check and normalise filters as they come from people or from code: values
 * trimmed, empty ones dropped, repeated organisations named once. Throws
 * UserFacingError with what to fix (a date that is not YYYY, YYYY-MM or
 * YYYY-MM-DD, a start after the end, a name too long, too many names).
 * Idempotent: validated filters come back unchanged. The Retriever runs it on
 * the filters it is given; a surface runs it itself only to refuse before any
 * work is done (src/discord/ask-request.ts).
 */
export function validateFilters(filters: SearchFilters): SearchFilters {
  const organisations = distinctOrganisations(filters.organisations ?? []);
  const organisationPrefix = checkOrganisation(filters.organisationPrefix);
  const from = checkDate('from', filters.from);
  const to = checkDate('to', filters.to);
  if (from && to && from.slice(0, to.length) > to) {
    throw new UserFacingError('bad_date', `The start date ${from} is after the end date ${to}.`);
  }
  return {
    ...(organisations.length > 0 ? { organisations } : {}),
    ...(organisationPrefix ? { organisationPrefix } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

export function hasFilters(filters: SearchFilters): boolean {
  return Boolean(filters.organisations?.some((name) => name.trim()) || filters.organisationPrefix?.trim() || filters.from?.trim() || filters.to?.trim());
}

function distinctOrganisations(names: readonly string[]): string[] {
  const byFolded = new Map<string, string>();
  for (const name of names) {
    const organisation = checkOrganisation(name);
    if (organisation && !byFolded.has(organisation.toLowerCase())) byFolded.set(organisation.toLowerCase(), organisation);
  }
  if (byFolded.size > MAX_FILTER_ORGANISATIONS) {
    throw new UserFacingError('too_many_organisations', `That names ${byFolded.size} organisations; a search can be limited to at most ${MAX_FILTER_ORGANISATIONS}.`);
  }
  return [...byFolded.values()];
}

function checkOrganisation(value: string | undefined): string | undefined {
  const organisation = value?.trim();
  if (!organisation) return undefined;
  if (organisation.length > MAX_ORGANISATION_CHARS) {
    throw new UserFacingError('organisation_too_long', `That organisation name is too long (at most ${MAX_ORGANISATION_CHARS} characters); pick one from the suggestions.`);
  }
  return organisation;
}

function checkDate(name: 'from' | 'to', value: string | undefined): string | undefined {
  const date = value?.trim();
  if (!date) return undefined;
  if (!ISO_DATE_PREFIX.test(date)) {
    throw new UserFacingError('bad_date', `"${date}" is not a date for ${name}: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-06-01).`);
  }
  return date;
}
