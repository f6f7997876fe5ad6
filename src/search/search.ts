import type { Database } from '../store/database.js';
import type { StatementSummary } from '../store/records.js';
import { browseStatements, canBrowse } from './browse.js';
import { advancedFtsQuery, buildFtsQuery, ftsPhrases } from './fts-query.js';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from './highlight.js';
import { asSearchError, rankPassages, rankPlainPassages, type RankedPassage } from './rank.js';
import type { SearchFilters } from './filters.js';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, MAX_SEARCH_OFFSET, type SearchHit, type SearchOptions, type SearchResult } from './retriever.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './statement-rows.js';

/** Candidate passages fetched per statement wanted: statements often have several good passages. */
const CANDIDATES_PER_STATEMENT = 5;
const MIN_CANDIDATES = 100;
/** Words of context in a snippet (FTS5 allows up to 64). */
const SNIPPET_TOKENS = 32;

/**
 * Search the corpus: passages ranked by bm25 (column weights in rank.ts) mixed
 * with their statement's bm25 (statement-evidence.ts), grouped by statement,
 * best statement first, each with its best passage and a
 * highlighted snippet of it. Plain input is made safe by buildFtsQuery; with
 * `advanced`, FTS5 syntax errors become UserFacingError('fts_syntax').
 * Filters are taken as validated (the retriever validates them).
 */
export async function search(db: Database, input: string, options: SearchOptions = {}): Promise<SearchResult> {
  const limit = clampInt(options.limit ?? DEFAULT_SEARCH_LIMIT, 1, MAX_SEARCH_LIMIT);
  const offset = clampInt(options.offset ?? 0, 0, MAX_SEARCH_OFFSET);
  const advanced = options.advanced ?? false;
  const query = advanced ? advancedFtsQuery(input) : buildFtsQuery(input);
  // Only filters ("statements by JAKNA since 2022"): their statements, newest first.
  if (query === null) return !advanced && canBrowse(options) ? browseStatements(db, options, limit, offset) : { query: '', hits: [], total: 0 };

  const candidates = candidateCount(offset + limit);
  const ranked = advanced ? await rankPassages(db, query, options, candidates, { advanced }) : await rankPlainPassages(db, ftsPhrases(input), options, candidates);
  const groups = groupByStatement(ranked);
  const page = groups.slice(offset, offset + limit);
  if (page.length === 0) return { query, hits: [], total: groups.length };

  const shown = await loadShownPassages(db, query, page.map((group) => group.best.id), advanced);
  const hits = page.flatMap((group): SearchHit[] => {
    const passage = shown.get(group.best.id);
    if (!passage) return []; // deleted by an ingest between the two reads
    return [{ statement: toSummary(passage), score: group.best.score, snippet: passage.snippet, passage: { id: passage.passage_id, ordinal: passage.ordinal, text: passage.text }, matchedPassages: group.passages }];
  });
  return { query, hits, total: groups.length };
}

export interface StatementGroup {
  best: RankedPassage;
  /** Candidate passages of the statement (a lower bound on its matching passages). */
  passages: number;
}

/**
 * Statements for a plain-language question, best first, at least `count` when
 * that many match — the ranking search() pages through, and what `npm run
 * eval` scores. A statement ranks by its best passage, whose score already
 * carries the statement's own bm25 over its whole text; measured on SciFact,
 * adding its other passages' scores instead made rankings worse
 * (docs/benchmarks.md).
 */
export async function rankStatements(db: Database, input: string, filters: SearchFilters, count: number): Promise<StatementGroup[]> {
  return groupByStatement(await rankPlainPassages(db, ftsPhrases(input), filters, candidateCount(count)));
}

/** Candidate passages to fetch so that `statements` distinct statements are likely among them. */
function candidateCount(statements: number): number {
  return Math.max(MIN_CANDIDATES, statements * CANDIDATES_PER_STATEMENT);
}

/** Statements in order of their best passage (passages arrive best first). */
export function groupByStatement(ranked: readonly RankedPassage[]): StatementGroup[] {
  const groups = new Map<number, StatementGroup>();
  for (const passage of ranked) {
    const group = groups.get(passage.statementId);
    if (group) group.passages++;
    else groups.set(passage.statementId, { best: passage, passages: 1 });
  }
  return [...groups.values()];
}

/**
 * The shown passages with their statements and snippets, in one query.
 * snippet() runs for these only: it re-reads and re-tokenizes the text, too
 * costly for every candidate. The ids drive the join (CROSS JOIN keeps
 * json_each outside), so FTS5 seeks each passage by rowid; with
 * `rowid IN (…)` it would scan every match of the query instead.
 */
async function loadShownPassages(db: Database, query: string, ids: readonly number[], advanced: boolean): Promise<Map<number, SummaryRow & { passage_id: number; ordinal: number; text: string; snippet: string }>> {
  try {
    const rows = await db.all<SummaryRow & { passage_id: number; ordinal: number; text: string; snippet: string }>(
      `SELECT p.id AS passage_id, p.ordinal, p.text, snippet(passage_fts, 0, ?, ?, '…', ${SNIPPET_TOKENS}) AS snippet, ${SUMMARY_COLUMNS}
       FROM json_each(?) AS j CROSS JOIN passage_fts ON passage_fts.rowid = j.value
       JOIN passages p ON p.id = passage_fts.rowid JOIN statements s ON s.id = p.statement_id
       WHERE passage_fts MATCH ?`,
      [HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, JSON.stringify(ids), query],
    );
    return new Map(rows.map((row) => [row.passage_id, row]));
  } catch (error) {
    throw asSearchError(error, advanced);
  }
}

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
