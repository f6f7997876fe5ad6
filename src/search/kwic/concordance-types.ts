import type { StatementSummary } from '../../store/records.js';
import type { SearchFilters } from '../filters.js';
import type { KwicMode } from './kwic-query.js';

/** The orders lines can come in; within either, statements by date then id, occurrences in reading order. */
export type ConcordanceSort = 'date' | 'organisation';
export const CONCORDANCE_SORTS: readonly ConcordanceSort[] = ['date', 'organisation'];

export interface ConcordanceOptions extends SearchFilters {
  /** `date` (default; undated statements last) or `organisation` (A–Z, unknown last, then by date). */
  sort?: ConcordanceSort;
  /** Words of context either side (default DEFAULT_KWIC_WINDOW, at most MAX_KWIC_WINDOW). */
  window?: number;
  /** 1-based; past the last page it is the last page. */
  page?: number;
  /** Lines per page (default DEFAULT_KWIC_PAGE_SIZE, at most MAX_KWIC_PAGE_SIZE). */
  pageSize?: number;
}

/** quanteda's kwic() default. */
export const DEFAULT_KWIC_WINDOW = 5;
export const MAX_KWIC_WINDOW = 30;
export const DEFAULT_KWIC_PAGE_SIZE = 10;
export const MAX_KWIC_PAGE_SIZE = 100;

/** One occurrence with the words around it. */
export interface ConcordanceLine {
  /** 1-based position among all occurrences in the chosen order. */
  n: number;
  statement: StatementSummary;
  /** UTF-16 offsets of the match in the statement's text. */
  start: number;
  end: number;
  left: string;
  match: string;
  right: string;
}

/** One organisation's share: occurrences, and statements with at least one. */
export interface OrganisationOccurrences {
  organisation: string;
  occurrences: number;
  statements: number;
}

export interface Concordance {
  /** The phrase as understood: `refugee` or `"right of return"`. */
  phrase: string;
  mode: KwicMode;
  /** Occurrences of the phrase (not statements) in the statements the filters allow. */
  occurrences: number;
  /** Statements with at least one occurrence. */
  statements: number;
  /** Every organisation with an occurrence, most occurrences first (then A–Z); '' is "organisation unknown". */
  organisations: OrganisationOccurrences[];
  sort: ConcordanceSort;
  window: number;
  page: number;
  pageCount: number;
  pageSize: number;
  lines: ConcordanceLine[];
  /** With no occurrence because the filters leave no statement at all: why, in one sentence (empty-range.ts). */
  emptyRange?: string;
}
