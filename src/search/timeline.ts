import { UserFacingError } from '../errors.js';
import type { Database, SqlValue } from '../store/database.js';
import { emptyRangeReason } from './empty-range.js';
import { filterSql } from './filter-sql.js';
import type { SearchFilters } from './filters.js';
import { topicQuery } from './timeline-query.js';
import { timelineQuotes } from './timeline-quotes.js';
import { MAX_TIMELINE_TOPIC_CHARS, type Timeline, type TimelinePeriod } from './timeline-types.js';

/**
 * How often a topic comes up over time: the statements that mention it
 * (timeline-query.ts) counted per period in statement_fts — one row per
 * statement, so a speech naming apartheid ten times counts once — beside the
 * period's statements in all, so a reader can tell a rising topic from a
 * rising number of speakers (the UN General Debate grew from ~50 speeches a
 * year to ~190).
 */

/** A span of at most this many calendar years is drawn per month, when its statements are dated to the month. */
export const MAX_MONTHLY_YEARS = 3;

const PERIOD_CHARS = { year: 4, month: 7 } as const;

/** `where` joined onto a condition, for SQL over `statements s`. */
function and(where: string): string {
  return where ? ` AND ${where}` : '';
}

/** Filters must have passed validateFilters (the retriever does that). */
export async function timeline(db: Database, topic: string, filters: SearchFilters): Promise<Timeline> {
  // The terminal session and the CLI have no option length for Discord to enforce.
  if (topic.trim().length > MAX_TIMELINE_TOPIC_CHARS) throw new UserFacingError('topic_too_long', `Please keep a topic under ${MAX_TIMELINE_TOPIC_CHARS} characters (this one has ${topic.trim().length}).`);
  const query = topicQuery(topic);
  if (!query) throw new UserFacingError('empty_topic', 'There is nothing to count in that topic (only punctuation or very common words). Try a word or a "quoted phrase", e.g. apartheid.');
  const filter = filterSql(filters);
  const granularity = await chooseGranularity(db, filter.where, filter.params);
  const chars = PERIOD_CHARS[granularity];
  // A period is the date cut to the granularity; a date too coarse for it (or none) is NULL: counted apart.
  const period = `CASE WHEN length(s.date) >= ${chars} THEN substr(s.date, 1, ${chars}) END`;
  const [totals, matches] = await Promise.all([
    db.all<{ period: string; n: number }>(`SELECT ${period} AS period, count(*) AS n FROM statements s WHERE length(s.date) >= ${chars}${and(filter.where)} GROUP BY 1`, filter.params),
    db.all<{ period: string | null; n: number }>(
      `SELECT ${period} AS period, count(*) AS n FROM statement_fts f JOIN statements s ON s.id = f.rowid WHERE statement_fts MATCH ?${and(filter.where)} GROUP BY 1`,
      [query.match, ...filter.params],
    ),
  ]);
  const matchingBy = new Map(matches.map((row) => [row.period, row.n]));
  const totalBy = new Map(totals.map((row) => [row.period, row.n]));
  const periods = everyPeriod(totals.map((row) => row.period), granularity).map((name): TimelinePeriod => ({ period: name, matching: matchingBy.get(name) ?? 0, statements: totalBy.get(name) ?? 0 }));
  const quotes = await timelineQuotes(db, query, periods, { where: filter.where, params: filter.params, periodSql: period });
  const matching = matches.reduce((sum, row) => sum + row.n, 0);
  const emptyRange = matching === 0 ? await emptyRangeReason(db, filters) : undefined;
  return {
    topic,
    query: query.match,
    granularity,
    periods,
    matching,
    unplaced: matchingBy.get(null) ?? 0,
    quotes,
    ...(emptyRange ? { emptyRange } : {}),
  };
}

/**
 * Per month when the dated statements in range span at most MAX_MONTHLY_YEARS
 * calendar years and most of them are dated to the month; per year otherwise
 * (a corpus dated by year, like the UN debates, is always per year).
 */
async function chooseGranularity(db: Database, where: string, params: SqlValue[]): Promise<'year' | 'month'> {
  const span = await db.get<{ first: string | null; last: string | null; dated: number; monthly: number }>(
    `SELECT min(s.date) AS first, max(s.date) AS last, count(*) AS dated, count(CASE WHEN length(s.date) >= 7 THEN 1 END) AS monthly
     FROM statements s WHERE s.date IS NOT NULL${and(where)}`,
    params,
  );
  if (!span?.first || !span.last) return 'year';
  const years = Number(span.last.slice(0, 4)) - Number(span.first.slice(0, 4)) + 1;
  return years <= MAX_MONTHLY_YEARS && span.monthly * 2 > span.dated ? 'month' : 'year';
}

/** Every period from the earliest to the latest given, gaps filled, oldest first. */
export function everyPeriod(names: readonly string[], granularity: 'year' | 'month'): string[] {
  if (names.length === 0) return [];
  const sorted = [...names].sort();
  const index = (name: string) => (granularity === 'year' ? Number(name) : Number(name.slice(0, 4)) * 12 + Number(name.slice(5, 7)) - 1);
  const name = (i: number) => (granularity === 'year' ? String(i).padStart(4, '0') : `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  const out: string[] = [];
  for (let i = index(sorted[0]!); i <= index(sorted.at(-1)!); i++) out.push(name(i));
  return out;
}
