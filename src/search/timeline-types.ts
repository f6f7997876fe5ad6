import type { StatementSummary } from '../store/records.js';
import type { Understood } from './retriever.js';

/** Longest topic accepted, on every surface: a few words or a phrase. */
export const MAX_TIMELINE_TOPIC_CHARS = 100;

/** One period of a timeline: "1984" or "2022-03". */
export interface TimelinePeriod {
  period: string;
  /** Statements of the period that mention the topic. */
  matching: number;
  /** Statements of the period in all (within the filters): what `matching` is a share of. */
  statements: number;
}

/** A verbatim sentence from a statement of a period, so a point of the curve has a source. */
export interface TimelineQuote {
  period: string;
  /** Why this period: where the topic first appears, or one of its peaks. */
  reason: 'first' | 'peak';
  sentence: string;
  statement: StatementSummary;
  /** The passage holding the sentence (for reading it in context). */
  passageId: number | undefined;
}

export interface Timeline {
  topic: string;
  /** The FTS5 MATCH that was counted (timeline-query.ts). */
  query: string;
  granularity: 'year' | 'month';
  /** Every period from the first to the last with statements in range, zeros included, oldest first. */
  periods: TimelinePeriod[];
  /** Statements that mention the topic, in all. */
  matching: number;
  /** Of those, how many have no date precise enough to be plotted (no date, or only a year on a monthly chart). */
  unplaced: number;
  /** Chronological; at most MAX_TIMELINE_QUOTES. */
  quotes: TimelineQuote[];
  /** With no statement mentioning the topic because the filters leave no statement at all: why, in one sentence (empty-range.ts). */
  emptyRange?: string;
  /** With understanding: who and when the topic named. */
  understood?: Understood;
}
