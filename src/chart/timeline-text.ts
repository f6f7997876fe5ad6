import type { Timeline, TimelineQuote } from '../search/retriever.js';

/**
 * The chart's series as text, for screen readers, the terminal and --json
 * readers: the same numbers the image draws. Plain text; each surface
 * escapes it its way.
 */

export interface SeriesRow {
  /** "1984", "2022-03", or "1980s" when decades are summed. */
  label: string;
  matching: number;
  statements: number;
}

/** Past this many periods, the compact series sums years into decades. */
export const MAX_COMPACT_ROWS = 24;

/**
 * The series row by row. `compact`: a long yearly series summed by decade
 * (Discord's embed has room for a few dozen lines, not eighty); periods with
 * no statements at all are left out either way.
 */
export function seriesRows(timeline: Timeline, { compact = false } = {}): SeriesRow[] {
  const rows = timeline.periods.filter((period) => period.statements > 0).map((period) => ({ label: period.period, matching: period.matching, statements: period.statements }));
  if (!compact || rows.length <= MAX_COMPACT_ROWS || timeline.granularity !== 'year') return rows;
  const decades = new Map<string, SeriesRow>();
  for (const row of rows) {
    const label = `${row.label.slice(0, 3)}0s`;
    const decade = decades.get(label) ?? { label, matching: 0, statements: 0 };
    decade.matching += row.matching;
    decade.statements += row.statements;
    decades.set(label, decade);
  }
  return [...decades.values()];
}

/** "1984: 116 of 159 statements (73%)". */
export function seriesLine(row: SeriesRow): string {
  return `${row.label}: ${row.matching} of ${row.statements} statement${row.statements === 1 ? '' : 's'} (${percent(row.matching, row.statements)})`;
}

/** The sentence above the series: what was counted, how many, and what was left off the chart. */
export function timelineSummary(timeline: Timeline): string {
  const inRange = timeline.periods.reduce((sum, period) => sum + period.statements, 0);
  // None in range at all ("--org Narnia", "--from 2030") is the filters' doing, not the topic's: say which.
  if (timeline.emptyRange) return timeline.emptyRange;
  if (timeline.matching === 0) return `No statement mentions “${timeline.topic}”${inRange ? ` (of ${inRange} dated statements in range)` : ': no dated statement is in range — check the organisation and the dates'}.`;
  const unplaced = timeline.unplaced > 0 ? ` ${timeline.unplaced} of them ${timeline.unplaced === 1 ? 'has' : 'have'} no ${timeline.granularity === 'month' ? 'month' : 'date'} and ${timeline.unplaced === 1 ? 'is' : 'are'} not on the chart.` : '';
  return `${timeline.matching === 1 ? '1 statement mentions' : `${timeline.matching} statements mention`} “${timeline.topic}” (of ${inRange} statement${inRange === 1 ? '' : 's'} in range dated to the ${timeline.granularity}), counted per ${timeline.granularity}: each statement once, however often it says it.${unplaced}`;
}

/** "1952, first mention" / "1988, a peak: 129 statements". */
export function quoteOccasion(quote: TimelineQuote, timeline: Timeline): string {
  const period = timeline.periods.find((candidate) => candidate.period === quote.period);
  const count = period ? `${period.matching} of ${period.statements} statement${period.statements === 1 ? '' : 's'}` : '';
  return `${quote.period}, ${quote.reason === 'first' ? 'first mention' : 'a peak'}${count ? ` (${count})` : ''}`;
}

/** Who said it, when: "Botswana · 1989 · Statement by Miss Chiepe (Botswana), …". */
export function quoteSource(quote: TimelineQuote): string {
  const { statement } = quote;
  return [statement.organisation || 'Organisation unknown', statement.date ?? 'undated', statement.title || 'Untitled statement'].join(' · ');
}

function percent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const share = (100 * part) / whole;
  return `${share > 0 && share < 1 ? share.toFixed(1) : Math.round(share)}%`;
}
