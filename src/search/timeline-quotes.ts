import { sentenceEnds } from '../corpus/sentences.js';
import type { Database, SqlValue } from '../store/database.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './statement-rows.js';
import { topicOffset, type TopicQuery } from './timeline-query.js';
import type { TimelinePeriod, TimelineQuote } from './timeline-types.js';

/** Periods quoted under a timeline: where the topic first appears and its highest peaks. */
export const MAX_TIMELINE_QUOTES = 3;
/** Statements of a period tried, best first, for a sentence that names the whole topic. */
const CANDIDATES_PER_PERIOD = 5;
/** A quoted sentence longer than this is cut around the topic, with "…" where it was cut. */
export const MAX_QUOTE_CHARS = 360;

/**
 * The periods worth a source: the first with a mention, then the highest
 * counts (ties to the earlier), each peak at least an eighth of the timeline
 * away from the periods already chosen — two neighbouring years are one
 * peak — at most MAX_TIMELINE_QUOTES, oldest first.
 */
export function quotedPeriods(periods: readonly TimelinePeriod[]): { period: string; reason: TimelineQuote['reason'] }[] {
  const firstAt = periods.findIndex((period) => period.matching > 0);
  if (firstAt === -1) return [];
  const gap = Math.max(1, Math.round(periods.length / 8));
  const chosen = [firstAt];
  const byCount = periods.map((period, i) => ({ period, i })).filter(({ period }) => period.matching > 0).sort((a, b) => b.period.matching - a.period.matching || a.i - b.i);
  for (const { i } of byCount) {
    if (chosen.length >= MAX_TIMELINE_QUOTES) break;
    if (chosen.every((at) => Math.abs(at - i) >= gap)) chosen.push(i);
  }
  return chosen.sort((a, b) => a - b).map((i) => ({ period: periods[i]!.period, reason: i === firstAt ? ('first' as const) : ('peak' as const) }));
}

interface Scope {
  /** filterSql's WHERE over `statements s`, and its parameters. */
  where: string;
  params: SqlValue[];
  /** SQL giving a statement's period (see timeline.ts). */
  periodSql: string;
}

/**
 * One verbatim, cited sentence for each quoted period; a period whose
 * statements have no sentence naming the whole topic gets none. The
 * candidates of every quoted period come from one match over statement_fts
 * (a word in every speech has a long doclist: read it once, not per period);
 * bm25 is computed only for the quoted periods' statements — the `+` keeps
 * SQLite from seeking FTS5 per id (statement-evidence.ts).
 */
export async function timelineQuotes(db: Database, query: TopicQuery, periods: readonly TimelinePeriod[], scope: Scope): Promise<TimelineQuote[]> {
  const quoted = quotedPeriods(periods);
  if (quoted.length === 0) return [];
  const rows = await db.all<SummaryRow & { period: string }>(
    `SELECT ${SUMMARY_COLUMNS}, ${scope.periodSql} AS period FROM statement_fts f JOIN statements s ON s.id = f.rowid
     WHERE statement_fts MATCH ? AND +f.rowid IN (SELECT s.id FROM statements s WHERE ${scope.periodSql} IN (SELECT value FROM json_each(?))${scope.where ? ` AND ${scope.where}` : ''})
     ORDER BY bm25(statement_fts)`,
    [query.match, JSON.stringify(quoted.map((chosen) => chosen.period)), ...scope.params],
  );
  const quotes: TimelineQuote[] = [];
  for (const { period, reason } of quoted) {
    const candidates = rows.filter((row) => row.period === period).slice(0, CANDIDATES_PER_PERIOD);
    const quote = await firstSentence(db, query, candidates);
    if (quote) quotes.push({ ...quote, period, reason });
  }
  return quotes;
}

/** The best candidate's sentence naming the topic (else the next one's), with its statement and passage. */
async function firstSentence(db: Database, query: TopicQuery, candidates: readonly SummaryRow[]): Promise<Omit<TimelineQuote, 'period' | 'reason'> | undefined> {
  for (const row of candidates) {
    const statement = await db.get<{ text: string }>('SELECT text FROM statements WHERE id = ?', [row.id]);
    const found = statement && sentenceNaming(statement.text, query.parts);
    if (!found) continue;
    const passage = await db.get<{ id: number }>('SELECT id FROM passages WHERE statement_id = ? AND start_offset <= ? ORDER BY ordinal DESC LIMIT 1', [row.id, found.start]);
    return { sentence: found.sentence, statement: toSummary(row), passageId: passage?.id };
  }
  return undefined;
}

/**
 * The first sentence of a text that names every part of the topic, verbatim
 * (cut around the topic when long), and where it starts; undefined when no
 * one sentence does (the parts may be near each other across a full stop).
 */
export function sentenceNaming(text: string, parts: readonly string[][]): { sentence: string; start: number } | undefined {
  let start = 0;
  for (const end of [...sentenceEnds(text), text.length]) {
    // A line break ends a sentence too: titles and list items have no full stop.
    for (const line of lines(text, start, end)) {
      const sentence = text.slice(line.start, line.end);
      const at = topicOffset(sentence, parts);
      if (at !== undefined) return { sentence: cutAround(sentence.trim(), at - (sentence.length - sentence.trimStart().length)), start: line.start };
    }
    start = end;
  }
  return undefined;
}

function lines(text: string, from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = from;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
    out.push({ start, end: i });
    start = i + 1;
  }
  out.push({ start, end: to });
  return out.filter((line) => text.slice(line.start, line.end).trim() !== '');
}

/** The sentence, or MAX_QUOTE_CHARS of it around `at`, cut at spaces, "…" marking each cut. */
function cutAround(sentence: string, at: number): string {
  if (sentence.length <= MAX_QUOTE_CHARS) return sentence;
  let from = Math.max(0, Math.min(at - Math.floor(MAX_QUOTE_CHARS / 3), sentence.length - MAX_QUOTE_CHARS));
  let to = from + MAX_QUOTE_CHARS;
  if (from > 0) from = sentence.indexOf(' ', from) + 1 || from;
  if (to < sentence.length) to = sentence.lastIndexOf(' ', to) > from ? sentence.lastIndexOf(' ', to) : to;
  return `${from > 0 ? '…' : ''}${sentence.slice(from, to).trim()}${to < sentence.length ? '…' : ''}`;
}
