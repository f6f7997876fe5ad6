import { quoteOccasion, quoteSource, seriesLine, seriesRows, timelineSummary } from '../chart/timeline-text.js';
import type { Timeline } from '../search/retriever.js';
import { understoodLine } from '../search/understood-line.js';
import { printable } from './cli-run.js';

/** Widest bar in the terminal's series, in characters. */
const BAR_CHARS = 40;

/**
 * A timeline for people in a terminal (the timeline CLI and the terminal
 * session): the summary, every period with statements as a line and a bar,
 * then the numbered quotes with their sources. Corpus text made printable.
 */
export function formatTimelineForPeople(timeline: Timeline): string {
  const rows = seriesRows(timeline);
  const most = Math.max(1, ...rows.map((row) => row.matching));
  const width = Math.max(...rows.map((row) => seriesLine(row).length), 0);
  const series = rows.map((row) => `  ${seriesLine(row).padEnd(width)}  ${'█'.repeat(Math.round((BAR_CHARS * row.matching) / most))}`.trimEnd());
  const quotes = timeline.quotes.map((quote, i) => `[${i + 1}] ${quoteOccasion(quote, timeline)}\n    “${printable(quote.sentence)}”\n    — ${printable(quoteSource(quote))}${quote.statement.url ? ` ${printable(quote.statement.url)}` : ''}  [${printable(quote.statement.slug)}]`);
  const understood = understoodLine(timeline.understood);
  return [...(understood ? [printable(understood)] : []), printable(timelineSummary(timeline)), ...(timeline.matching > 0 ? ['', ...series] : []), ...(quotes.length > 0 ? ['', ...quotes] : []), ''].join('\n');
}

/** The --json form: the series, the counts and the quotes with their statements. */
export function timelineJson(timeline: Timeline, png?: string) {
  return {
    topic: timeline.topic,
    ftsQuery: timeline.query,
    granularity: timeline.granularity,
    matching: timeline.matching,
    unplaced: timeline.unplaced,
    periods: timeline.periods,
    quotes: timeline.quotes.map((quote) => ({
      period: quote.period,
      reason: quote.reason,
      sentence: quote.sentence,
      passageId: quote.passageId ?? null,
      statement: { id: quote.statement.id, slug: quote.statement.slug, title: quote.statement.title, organisation: quote.statement.organisation, date: quote.statement.date, url: quote.statement.url },
    })),
    ...(timeline.understood ? { understood: timeline.understood } : {}),
    ...(png ? { png } : {}),
  };
}
