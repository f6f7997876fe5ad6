import { UserFacingError } from '../errors.js';
import type { Database, SqlValue } from '../store/database.js';
import { describeFtsError } from './fts-query.js';
import { rankByCommonWords } from './common-words.js';
import { filterSql, organisationScope, type FilterSql } from './filter-sql.js';
import type { SearchFilters } from './filters.js';
import { indexStats } from './index-stats.js';
import { BM25 } from './rank-weights.js';
import { statementPhrases, statementScores, withStatementEvidence } from './statement-evidence.js';

export { BM25, COLUMN_WEIGHTS } from './rank-weights.js';

/**
 * The most passages one query may score with bm25(): ~2 µs each at a million
 * passages (FTS5 looks up each one's length and reads its positions), so a
 * word found in 300,000 passages would cost 600 ms; 3,000 keep it near 6 ms.
 */
export const ROW_BUDGET = 3_000;
/**
 * A word in more passages than this is "common": bm25() counts every passage of
 * every word in the query for its IDF, on each query (~40 ns a passage), so a
 * common word costs milliseconds before any scoring. Common words are scored
 * in JavaScript instead (common-words.ts). At a million passages this is 2%;
 * a small corpus has none.
 */
export const COMMON_PASSAGES = 20_000;

/** A passage the index found, with its bm25 score (higher is better). */
export interface RankedPassage {
  id: number;
  statementId: number;
  ordinal: number;
  score: number;
}

/**
 * The best `limit` passages for a plain-language question, given as quoted FTS5
 * phrases (one per word, from ftsPhrases), best first, within a time budget.
 * Words are counted first (cheap: no scoring, stops at a cap, remembered):
 *
 * 1. Words in few enough passages together (the sum within ROW_BUDGET): all of
 *    them OR-ed, ranked by FTS5's bm25. Exact; every query on a small corpus.
 * 2. More than that: the rarest words, as many as fit the budget, choose the
 *    candidates, and all uncommon words score them:
 *    `(rare OR …) AND (rare OR … OR other OR …)` — rare words count twice, they
 *    say what the question is about ("Tuvalu" in "Tuvalu climate change"). If
 *    no word fits, the most recently added matches within the budget are ranked.
 * 3. Common words (over COMMON_PASSAGES) are left out of bm25() — too costly,
 *    and they say little next to rarer words. A question of only common words
 *    is ranked by rankByCommonWords; so are the places left when the uncommon
 *    words found fewer than `limit` passages.
 *
 * Where bm25 chose the candidates (1 and 2 with rare words), their statements'
 * own bm25 for the uncommon words (those within the statements' budget) is
 * mixed into each passage's score (statement-evidence.ts), and the passages
 * are re-ordered by it.
 */
export async function rankPlainPassages(db: Database, phrases: readonly string[], filters: SearchFilters, limit: number, budget = ROW_BUDGET): Promise<RankedPassage[]> {
  if (phrases.length === 0) return [];
  const filter = filterSql(filters);
  const stats = await indexStats(db);
  const scope = await filterScope(db, filters);
  const within = (match: string): string => (scope.match ? `(${match}) AND ${scope.match}` : match);
  // Budgets are about passages that pass the filters: with a date filter keeping 1 statement in 10, ten times as many are matched to keep as many.
  const rows = Math.round(budget / scope.fraction);
  const counted = await Promise.all(phrases.map(async (phrase) => {
    const count = await stats.countUpTo(phrase, Math.max(COMMON_PASSAGES, rows) + 1);
    return { phrase, count, scoped: scope.match ? await stats.countUpTo(within(phrase), rows + 1) : count };
  }));
  counted.sort((a, b) => a.scoped - b.scoped);
  const uncommon = counted.filter(({ count }) => count <= COMMON_PASSAGES);
  const common = counted.filter(({ count }) => count > COMMON_PASSAGES).map(({ phrase }) => phrase);

  const found: ScoredRow[] = [];
  /** Whether bm25 chose the candidates: only then are their statements' scores mixed in (on a comparable scale). */
  let rankedByBm25 = false;
  if (uncommon.length > 0) {
    const all = uncommon.map(({ phrase }) => phrase).join(' OR ');
    if (uncommon.reduce((sum, { scoped }) => sum + scoped, 0) <= rows) {
      rankedByBm25 = true;
      found.push(...(await topByBm25(db, within(all), filter, limit)));
    } else {
      const rare: string[] = [];
      let cost = 0;
      for (const { phrase, scoped } of uncommon) {
        if (cost + scoped > rows) break;
        rare.push(phrase);
        cost += scoped;
      }
      if (rare.length > 0) {
        rankedByBm25 = true;
        found.push(...(await topByBm25(db, within(`(${rare.join(' OR ')}) AND (${all})`), filter, limit)));
      } else found.push(...(await topByBm25(db, within(all), filter, limit, await recentBound(db, within(all), rows))));
      if (found.length < limit && rare.length > 0 && rare.length < uncommon.length) {
        const others = within(uncommon.slice(rare.length).map(({ phrase }) => phrase).join(' OR '));
        appendBelow(found, await topByBm25(db, others, filter, limit, await recentBound(db, others, rows)), limit);
      }
    }
  }
  if (found.length < limit && common.length > 0) {
    const seen = new Set(found.map((row) => row.id));
    const more = await rankByCommonWords(db, uncommon.length > 0 ? common : phrases, filter, limit, { exclude: seen, scope: scope.match, windowScale: 1 / scope.fraction });
    appendBelow(found, more.map((hit) => ({ id: hit.id, statement_id: hit.statementId, ordinal: hit.ordinal, score: hit.score })), limit);
  }
  const located = await locate(db, found);
  if (!rankedByBm25 || located.length === 0) return located;
  const words = await statementPhrases(stats, uncommon.map(({ phrase }) => phrase));
  if (words.length === 0) return located;
  return withStatementEvidence(located, await statementScores(db, within(words.join(' OR ')), located.map((passage) => passage.statementId)));
}

/** Filters narrow the budgets' passages by at most this much (a filter keeping 1 statement in 1,000 still scores ≤ 10× the budget). */
const MAX_FILTER_SCALE = 10;

/**
 * What the filters mean for the index: organisation filters become an FTS5
 * column filter (filter-sql.ts), so counts and candidates are the
 * organisations' own. A date filter can't be said in FTS5; its share of
 * statements scales the budgets instead.
 */
async function filterScope(db: Database, filters: SearchFilters): Promise<{ match: string | null; fraction: number }> {
  const match = organisationScope(filters);
  if (!filters.from && !filters.to) return { match, fraction: 1 };
  const dates = filterSql({ from: filters.from, to: filters.to });
  const row = await db.get<{ kept: number; total: number }>(`SELECT (SELECT count(*) FROM statements s WHERE ${dates.where}) AS kept, (SELECT count(*) FROM statements) AS total`, dates.params);
  const fraction = row && row.total > 0 ? Math.max(row.kept / row.total, 1 / MAX_FILTER_SCALE) : 1;
  return { match, fraction };
}

/** Add rows not yet in `found`, up to `limit`, scored no higher than the last one already there. */
function appendBelow(found: ScoredRow[], more: readonly ScoredRow[], limit: number): void {
  const seen = new Set(found.map((row) => row.id));
  let floor = found.at(-1)?.score ?? Number.POSITIVE_INFINITY;
  for (const row of more) {
    if (found.length >= limit) break;
    if (seen.has(row.id)) continue;
    floor = Math.min(floor, row.score);
    found.push({ ...row, score: floor });
  }
}

/**
 * The best `limit` passages for an FTS5 query as given (advanced mode: the
 * user's own syntax), ranked by bm25. FTS5 syntax errors become readable
 * UserFacingErrors. No row budget: an advanced query says exactly what to match.
 */
export async function rankPassages(db: Database, ftsQuery: string, filters: SearchFilters, limit: number, { advanced = false } = {}): Promise<RankedPassage[]> {
  const filter = filterSql(filters);
  try {
    return await locate(db, await topByBm25(db, ftsQuery, filter, limit));
  } catch (error) {
    throw asSearchError(error, advanced);
  }
}

interface ScoredRow {
  id: number;
  score: number;
  statement_id?: number;
  ordinal?: number;
}

/**
 * `ORDER BY bm25 LIMIT` over the matches, optionally only rowids ≥ `minRowid`
 * (FTS5 seeks to it), with each winner's statement and ordinal. Without filters
 * the join to passages waits for the winners; with filters, statements are
 * joined during the scan so rows of other statements drop out before the sort.
 */
async function topByBm25(db: Database, match: string, filter: FilterSql, limit: number, minRowid?: number): Promise<ScoredRow[]> {
  const range = minRowid === undefined ? '' : 'AND passage_fts.rowid >= ?';
  const rangeParams: SqlValue[] = minRowid === undefined ? [] : [minRowid];
  if (filter.where === '') {
    // The winners are chosen first (the subquery), then joined to passages: 100 lookups, not one per match.
    return db.all<ScoredRow>(
      `SELECT top.id, top.score, p.statement_id, p.ordinal
       FROM (SELECT rowid AS id, -${BM25} AS score FROM passage_fts WHERE passage_fts MATCH ? ${range} ORDER BY ${BM25} LIMIT ?) AS top
       JOIN passages p ON p.id = top.id ORDER BY top.score DESC`,
      [match, ...rangeParams, limit],
    );
  }
  // CROSS JOIN keeps the index the outer loop: with an organisation filter the planner would otherwise start from the
  // statements' organisation index and run the FTS5 query once per passage of theirs (87 ms instead of 0.8 at 1M passages).
  return db.all<ScoredRow>(
    `SELECT passage_fts.rowid AS id, p.statement_id, p.ordinal, -${BM25} AS score
     FROM passage_fts CROSS JOIN passages p ON p.id = passage_fts.rowid CROSS JOIN statements s ON s.id = p.statement_id
     WHERE passage_fts MATCH ? ${range} AND ${filter.where}
     ORDER BY ${BM25} LIMIT ?`,
    [match, ...rangeParams, ...filter.params, limit],
  );
}

/** The rowid above which the `budget` most recently added matches lie; undefined when there are fewer. */
async function recentBound(db: Database, match: string, budget: number): Promise<number | undefined> {
  const row = await db.get<{ id: number }>('SELECT rowid AS id FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?', [match, budget - 1]);
  return row?.id;
}

/** Statement ids and ordinals for the ranked rows (one indexed lookup for all of them). */
async function locate(db: Database, rows: ScoredRow[]): Promise<RankedPassage[]> {
  const missing = rows.filter((row) => row.statement_id === undefined).map((row) => row.id);
  const located = missing.length === 0 ? [] : await db.all<{ id: number; statement_id: number; ordinal: number }>(
    'SELECT p.id, p.statement_id, p.ordinal FROM passages p WHERE p.id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(missing)],
  );
  const byId = new Map(located.map((row) => [row.id, row]));
  return rows.flatMap((row) => {
    const passage = row.statement_id === undefined ? byId.get(row.id) : { statement_id: row.statement_id, ordinal: row.ordinal! };
    return passage ? [{ id: row.id, statementId: passage.statement_id, ordinal: passage.ordinal, score: row.score }] : [];
  });
}

/**
 * In advanced mode a malformed query is the user's mistake: say what is wrong.
 * A plain query is built to be always valid, so an error there is a bug and
 * goes up as it is.
 */
export function asSearchError(error: unknown, advanced: boolean): unknown {
  if (!advanced) return error;
  const message = describeFtsError(error);
  return message ? new UserFacingError('fts_syntax', message, { cause: error }) : error;
}
