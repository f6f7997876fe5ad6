import type { Database } from '../store/database.js';
import { corpusVersion } from '../store/statement-writes.js';
import { validateFilters, type SearchFilters } from './filters.js';
import { corpusOverview, getPassageInContext, getStatement, getStatementPage, listLanguages, listOrganisations, suggestOrganisations, suggestStatements } from './lookup.js';
import { concordance } from './kwic/concordance.js';
import type { Retriever } from './retriever.js';
import { retrievePassages } from './retrieve.js';
import { search } from './search.js';
import { signedBy, statementSignatories, suggestSignatories } from './signatory-lookup.js';
import { timeline } from './timeline.js';
import { statementHistory } from './statement-history.js';

/**
 * The Retriever over SQLite FTS5: bm25 over passages and statements
 * (search.ts, retrieve.ts, rank.ts), lookups by id, slug and prefix
 * (lookup.ts), signatories (signatory-lookup.ts). It only reads; ingest writes the same database.
 */
export function createFtsRetriever(db: Database): Retriever {
  return {
    search: async (input, options = {}) => search(db, input, withValidFilters(options)),
    retrievePassages: async (input, { context, voices, searchFor, ...options } = {}) => {
      const valid = withValidFilters(options);
      // A voice keeps only names the filters allow.
      const allowed = new Set((valid.organisations ?? []).map((name) => name.toLowerCase()));
      const kept = voices?.map((names) => names.filter((name) => allowed.has(name.toLowerCase()))).filter((names) => names.length > 0);
      const words = searchFor ?? input;
      return retrievePassages(db, context ? `${words} ${context}` : words, { ...valid, ...(kept?.length ? { voices: kept } : {}) });
    },
    getStatement: (idOrSlug) => getStatement(db, idOrSlug),
    getStatementPage: (idOrSlug, page, pageChars) => getStatementPage(db, idOrSlug, page, pageChars),
    suggestStatements: (prefix, limit) => suggestStatements(db, prefix, limit),
    suggestOrganisations: (prefix, limit) => suggestOrganisations(db, prefix, limit),
    getPassageInContext: (passageId, neighbours) => getPassageInContext(db, passageId, neighbours),
    corpusOverview: () => corpusOverview(db),
    organisations: () => listOrganisations(db),
    languages: () => listLanguages(db),
    corpusVersion: () => corpusVersion(db),
    signatories: (idOrSlug) => statementSignatories(db, idOrSlug),
    signedBy: (organisation, options) => signedBy(db, organisation, options),
    suggestSignatories: (prefix, limit) => suggestSignatories(db, prefix, limit),
    concordance: async (phrase, options = {}) => concordance(db, phrase, withValidFilters(options)),
    timeline: async (topic, { understand: _understand, ...filters } = {}) => timeline(db, topic, validateFilters(filters)),
    statementHistory: (statementId) => statementHistory(db, statementId),
  };
}

/** The options with their filters validated and normalised (a UserFacingError when they are wrong). */
function withValidFilters<T extends SearchFilters>(options: T): T {
  const { organisations, organisationPrefix, from, to, ...rest } = options;
  return { ...rest, ...validateFilters({ organisations, organisationPrefix, from, to }) } as T;
}
