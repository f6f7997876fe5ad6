/**
 * Everything the bot reads from the corpus, behind one interface: search,
 * passages for answers, statements and their pages, suggestions, the
 * overview. Callers (commands, Discord, the CLI, the answerer) are given a
 * Retriever and never the database, so another engine (embeddings, another
 * index) is a second implementation of this file's interface. The one there is
 * today is SQLite FTS5: createFtsRetriever (fts-retriever.ts).
 *
 * Filters are SearchFilters (filters.ts). A retriever validates them itself
 * (validateFilters), so a bad date is a UserFacingError whichever surface sent it.
 */
import type { Passage, SignatoryInput, Statement, StatementSummary } from '../store/records.js';
import type { SearchFilters } from './filters.js';
import type { Concordance, ConcordanceOptions } from './kwic/concordance-types.js';
import type { Timeline } from './timeline-types.js';
import type { StatementHistory } from './statement-history.js';

export type { SearchFilters } from './filters.js';
export type { EarlierVersion, StatementHistory } from './statement-history.js';
export type { Concordance, ConcordanceLine, ConcordanceOptions, ConcordanceSort, OrganisationOccurrences } from './kwic/concordance-types.js';

export interface Retriever {
  /**
   * One page of statements for a query, best first, each with its best passage
   * and a snippet with HIGHLIGHT markers (highlight.ts). Plain input can't be a
   * syntax error; with `advanced`, a malformed query is a UserFacingError.
   */
  search(input: string, options?: SearchOptions): Promise<SearchResult>;
  /**
   * The passages an answer is built from: the best `k` for the question, at
   * most `perStatement` from one statement, optionally with neighbours. With
   * several `organisations`, each gets its share of the k (see retrieve.ts).
   */
  retrievePassages(input: string, options?: RetrieveOptions): Promise<PassageRetrieval>;
  /** A statement by id (a number or a string of digits) or slug. */
  getStatement(idOrSlug: string | number): Promise<Statement | undefined>;
  /** One page of a statement's text; `page` is 1-based and clamped to the pages there are. */
  getStatementPage(idOrSlug: string | number, page: number, pageChars: number): Promise<StatementPage | undefined>;
  /** Statements whose title or organisation starts with (or has a word starting with) the prefix, for autocomplete. */
  suggestStatements(prefix: string, limit?: number): Promise<StatementSummary[]>;
  /** Organisations starting with (or with a word starting with) the prefix, largest first. */
  suggestOrganisations(prefix: string, limit?: number): Promise<OrganisationCount[]>;
  /** A passage with its statement and up to `neighbours` passages on each side (a cited source's button). */
  getPassageInContext(passageId: number, neighbours: number): Promise<PassageInContext | undefined>;
  /** What the corpus holds: counts, the largest organisations, date range, last ingest. */
  corpusOverview(): Promise<CorpusOverview>;
  /** Every organisation named in the corpus, spelt as in its statements, with how many statements each; largest first. */
  organisations(): Promise<OrganisationCount[]>;
  /** The languages the statements are written in (ISO 639-1), with how many statements each; largest first, unknown left out. */
  languages(): Promise<LanguageCount[]>;
  /** Goes up whenever an ingest changes the corpus: what cached answers are keyed on. */
  corpusVersion(): Promise<number>;
  /** The signatories a statement lists, in order, each with the passage holding it; undefined when there is no such statement. */
  signatories(idOrSlug: string | number): Promise<StatementSignatories | undefined>;
  /**
   * One page of the statements an organisation signed (by its name or
   * abbreviation as a list gives it, any case), newest first, and the
   * organisations that co-sign with it most often.
   */
  signedBy(organisation: string, options?: { limit?: number; offset?: number }): Promise<SignedBy>;
  /** Signatories whose name or abbreviation starts with (or has a word starting with) the prefix, most statements first, for autocomplete. */
  suggestSignatories(prefix: string, limit?: number): Promise<SignatoryCount[]>;
  /**
   * Keyword in context: one page of a word's or phrase's occurrences, each with
   * the words either side, and counts per organisation (src/search/kwic/).
   * Stemmed by default, exact in double quotes; a phrase with no word is a UserFacingError.
   */
  concordance(phrase: string, options?: ConcordanceOptions): Promise<Concordance>;
  /**
   * How many statements mention a topic, per year (per month over a short
   * span), beside how many there are, with a cited sentence for the periods
   * where it first appears and peaks (timeline.ts). Nothing searchable in the
   * topic is a UserFacingError.
   */
  timeline(topic: string, options?: TimelineOptions): Promise<Timeline>;
  /** Where a statement came from (the page or upload, each metadata field's source) and the texts it had before it changed. */
  statementHistory(statementId: number): Promise<StatementHistory>;
}

export type { Timeline, TimelinePeriod, TimelineQuote } from './timeline-types.js';

export interface SearchOptions extends SearchFilters {
  /** Statements per page (default DEFAULT_SEARCH_LIMIT, at most MAX_SEARCH_LIMIT). */
  limit?: number;
  /** Statements to skip, for paging (at most MAX_SEARCH_OFFSET). */
  offset?: number;
  /** Treat the input as FTS5 syntax (phrases, AND/OR/NOT, prefix*, NEAR, column:). */
  advanced?: boolean;
  /** Read the speakers and period the input names as filters (see understood-retriever.ts); not with `advanced`. */
  understand?: boolean;
}

export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 50;
/** Search pages no deeper than this. */
export const MAX_SEARCH_OFFSET = 500;

export interface SearchHit {
  statement: StatementSummary;
  /** Higher is better; comparable within one result only. */
  score: number;
  /** The best passage's text around the matches, with HIGHLIGHT markers. */
  snippet: string;
  passage: { id: number; ordinal: number; text: string };
  /** How many of the statement's passages were among the candidates (a lower bound). */
  matchedPassages: number;
}

export interface SearchResult {
  /** The query that ran (for FTS5, the MATCH string); '' when the input had nothing searchable. */
  query: string;
  hits: SearchHit[];
  /** Statements matched among the candidates (a lower bound past the first few hundred). */
  total: number;
  /** With `understand`: who and when the input named, and what was done with it. */
  understood?: Understood;
}

/**
 * What a question was read to name — who spoke, and when — and what the
 * search did with it: `filter`, searched within them; `fallback`, nothing
 * matched within them, so everything was searched; `overridden`, the options
 * given explicitly were used instead. A question that named only a malformed
 * date is `filter` with nothing to filter by: searched as written.
 */
export interface Understood {
  speakers: { text: string; organisations: string[] }[];
  period?: { from?: string; to?: string; text: string };
  use: 'filter' | 'fallback' | 'overridden';
  /** Of several speakers, those with nothing on the question (passages for answers only): the answer can say so. */
  silent?: string[];
  /** Date-shaped text in the question that is no date ("2021-13"): no period was read from it, and the line says so. */
  invalidDates?: string[];
}

export interface TimelineOptions extends SearchFilters {
  /** Read the speakers and period the topic names as filters ("apartheid in the 1980s"; see understood-retriever.ts). */
  understand?: boolean;
}

export interface RetrieveOptions extends SearchFilters {
  /** Passages to return (default 8). */
  k?: number;
  /** At most this many passages from one statement (default 2), so one long statement can't crowd out the others. */
  perStatement?: number;
  /** Passages to attach on each side for context (default 0). */
  neighbours?: number;
  /** Read the speakers and period the input names as filters (see understood-retriever.ts). */
  understand?: boolean;
  /** More words to search for, not read for who and when: a follow-up's earlier turn. */
  context?: string;
  /**
   * Words to search for instead of the input's; with `understand`, the input is
   * still what is read for who and when (a question's keywords reworded or
   * translated, searched within the same speakers and period).
   */
  searchFor?: string;
  /**
   * How `organisations` divide into speakers that share the passages: each a
   * name, or the names one state's statements are filed under. By default each
   * organisation is a speaker of its own.
   */
  voices?: string[][];
}

export interface RetrievedPassage extends Passage {
  /** Higher is better; comparable within one retrieval only. */
  score: number;
  statement: StatementSummary;
  before: Passage[];
  after: Passage[];
}

export interface PassageRetrieval {
  /** The query that ran; '' when nothing in the input was searchable. */
  query: string;
  passages: RetrievedPassage[];
  /** With `understand`: who and when the input named, and what was done with it. */
  understood?: Understood;
}

export interface StatementPage {
  statement: Statement;
  page: number;
  pageCount: number;
  text: string;
}

export interface PassageInContext {
  statement: StatementSummary;
  passage: Passage;
  before: Passage[];
  after: Passage[];
}

export interface OrganisationCount {
  organisation: string;
  statements: number;
  /** Other names the corpus declares for it (front matter or manifest `aliases`). */
  aliases?: string[];
}

export interface LanguageCount {
  language: string;
  statements: number;
}

export interface CorpusOverview {
  statements: number;
  passages: number;
  /** The organisations with the most statements (at most MAX_OVERVIEW_ORGANISATIONS). */
  organisations: OrganisationCount[];
  earliest: string | null;
  latest: string | null;
  lastIngestAt: string | null;
  corpusVersion: number;
}

/** One entry of a statement's list of signatories (see src/corpus/signatories.ts), as stored, with where to cite it. */
export interface Signatory extends SignatoryInput {
  /** The passage holding the entry (what a citation points at), or null when no passage does. */
  passageId: number | null;
}

export interface StatementSignatories {
  statement: StatementSummary;
  /** Empty when the statement lists none. */
  signatories: Signatory[];
}

export interface SignedBy {
  /** The names (as the lists spell them) the organisation asked for matched. */
  names: string[];
  /** This page of the statements it signed, each with its entry there. */
  statements: { statement: StatementSummary; signatory: Signatory }[];
  /** How many statements it signed in all. */
  total: number;
  /** Who signed the most of the same statements, most first (at most MAX_CO_SIGNERS). */
  coSigners: SignatoryCount[];
}

export interface SignatoryCount {
  name: string;
  abbreviation: string | null;
  /** Statements signed (for co-signers: statements signed together). */
  statements: number;
}

export const DEFAULT_SIGNED_LIMIT = 10;
export const MAX_SIGNED_LIMIT = 50;
/** Co-signers listed beside an organisation's statements. */
export const MAX_CO_SIGNERS = 10;
