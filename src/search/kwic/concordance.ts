import type { Database } from '../../store/database.js';
import { emptyRangeReason } from '../empty-range.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../statement-rows.js';
import { concordanceCounts, type CountedStatement } from './concordance-counts.js';
import { DEFAULT_KWIC_PAGE_SIZE, DEFAULT_KWIC_WINDOW, MAX_KWIC_PAGE_SIZE, MAX_KWIC_WINDOW, type Concordance, type ConcordanceLine, type ConcordanceOptions } from './concordance-types.js';
import { describeKwicQuery, parseKwicQuery, type KwicQuery } from './kwic-query.js';
import { contextOf, locatePhrase } from './locate.js';

/**
 * Keyword in context over statements' whole texts (never passages, so an
 * occurrence is neither split at a passage boundary nor counted twice).
 *
 * The counts and the order of the statements holding the phrase are computed
 * once per phrase, filters, order and corpus version (concordance-counts.ts);
 * each page then reads and tokenizes only the statements its lines fall in.
 * Filters are taken as validated (the retriever validates them).
 */
export async function concordance(db: Database, input: string, options: ConcordanceOptions = {}): Promise<Concordance> {
  const query = parseKwicQuery(input);
  const sort = options.sort ?? 'date';
  const window = clampInt(options.window ?? DEFAULT_KWIC_WINDOW, 0, MAX_KWIC_WINDOW);
  const pageSize = clampInt(options.pageSize ?? DEFAULT_KWIC_PAGE_SIZE, 1, MAX_KWIC_PAGE_SIZE);

  const { statements, occurrences, organisations } = await concordanceCounts(db, query, { organisations: options.organisations, organisationPrefix: options.organisationPrefix, from: options.from, to: options.to, sort });
  const pageCount = Math.max(1, Math.ceil(occurrences / pageSize));
  const page = clampInt(options.page ?? 1, 1, pageCount);
  const lines = await pageLines(db, query, statements, (page - 1) * pageSize, pageSize, window);
  const emptyRange = occurrences === 0 ? await emptyRangeReason(db, options) : undefined;
  return { phrase: describeKwicQuery(query), mode: query.mode, occurrences, statements: statements.length, organisations: organisations.map((total) => ({ ...total })), sort, window, page, pageCount, pageSize, lines, ...(emptyRange ? { emptyRange } : {}) };
}

/** Occurrences [offset, offset + count) in order: only the statements they fall in are read. */
async function pageLines(db: Database, query: KwicQuery, statements: readonly CountedStatement[], offset: number, count: number, window: number): Promise<ConcordanceLine[]> {
  const wanted: { statement: CountedStatement; skip: number; firstN: number }[] = [];
  let seen = 0;
  for (const statement of statements) {
    if (seen + statement.occurrences > offset && seen < offset + count) wanted.push({ statement, skip: Math.max(0, offset - seen), firstN: seen + 1 });
    seen += statement.occurrences;
    if (seen >= offset + count) break;
  }
  if (wanted.length === 0) return [];
  const rows = await db.all<SummaryRow & { text: string }>(`SELECT ${SUMMARY_COLUMNS}, s.text FROM statements s WHERE s.id IN (SELECT value FROM json_each(?))`, [JSON.stringify(wanted.map((w) => w.statement.id))]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const lines: ConcordanceLine[] = [];
  for (const { statement, skip, firstN } of wanted) {
    const row = byId.get(statement.id);
    if (!row) continue; // deleted by an ingest between the two reads
    const located = locatePhrase(row.text, query);
    const summary = toSummary(row);
    located.spans.slice(skip, skip + count - lines.length).forEach((span, i) => {
      lines.push({ n: firstN + skip + i, statement: summary, ...contextOf(row.text, located, span, window) });
    });
    if (lines.length >= count) break;
  }
  return lines;
}

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
