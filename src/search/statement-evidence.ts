import type { Database } from '../store/database.js';
import type { IndexStats } from './index-stats.js';
import { COLUMN_WEIGHTS } from './rank-weights.js';

/**
 * A passage is ranked by its own bm25 and by its statement's bm25 over the whole
 * statement (statement_fts, migration 0005), half each:
 *
 *   score = (1 − w) · passage / best passage + w · statement / best statement
 *
 * Passages alone reward a statement for one passage that holds the question's
 * words close together, and miss the statement that is about the question
 * throughout — words spread over several passages, or named in its title and
 * discussed across the text. Combining the two levels of evidence is the
 * classic remedy (Callan, SIGIR 1994, "Passage-level evidence in document
 * retrieval"). Each score is divided by the query's best so the two are on one
 * scale whatever the query's length. w = 0.5 is an even mix, not a fitted
 * value: on SciFact's training queries every w from 0.3 to 0.7 gained on both
 * halves, by about the same amount (docs/benchmarks.md).
 */
export const STATEMENT_WEIGHT = 0.5;

/**
 * Statement postings the statements' scores may read: bm25() counts every
 * statement of each word for its IDF (~0.2 µs a statement at 30,000 UN
 * speeches), so the words are capped like the passages' (rank.ts) — ~2 ms.
 */
export const STATEMENT_BUDGET = 10_000;

export const STATEMENT_BM25 = `bm25(statement_fts, ${COLUMN_WEIGHTS.text}, ${COLUMN_WEIGHTS.title}, ${COLUMN_WEIGHTS.organisation})`;

/**
 * The words (FTS5 phrases) to score statements by: the rarest first, as many
 * as fit STATEMENT_BUDGET. A word in more than half the statements is left
 * out whatever the budget: FTS5's bm25 gives it an IDF of ~0 (it floors
 * log((N − n + 0.5) / (n + 0.5)) at 1e-6), so it would cost the most and add
 * nothing — "development" in UN speeches, "cell" in a biology corpus.
 */
export async function statementPhrases(stats: IndexStats, phrases: readonly string[], budget = STATEMENT_BUDGET): Promise<string[]> {
  const half = stats.statements / 2;
  const counted = await Promise.all(phrases.map(async (phrase) => ({ phrase, count: await stats.statementsUpTo(phrase, budget + 1) })));
  const chosen: string[] = [];
  let cost = 0;
  for (const { phrase, count } of counted.sort((a, b) => a.count - b.count)) {
    if (count === 0 || count > half) continue;
    if (cost + count > budget) break;
    chosen.push(phrase);
    cost += count;
  }
  return chosen;
}

/**
 * Each statement's bm25 for an FTS5 match (higher is better), for the given
 * statements only; those that don't match are left out. The `+` on rowid keeps
 * SQLite from seeking the index once per statement — FTS5 would recount every
 * word's statements for bm25's IDF at each seek — so it scans the match once
 * and scores only the rows kept; its cost is the match's postings, which
 * statementPhrases keeps within budget.
 */
export async function statementScores(db: Database, match: string, statementIds: readonly number[]): Promise<Map<number, number>> {
  if (statementIds.length === 0) return new Map();
  const rows = await db.all<{ id: number; score: number }>(
    `SELECT rowid AS id, -${STATEMENT_BM25} AS score FROM statement_fts
     WHERE statement_fts MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`,
    [match, JSON.stringify([...new Set(statementIds)])],
  );
  return new Map(rows.map((row) => [row.id, row.score]));
}

interface Scored {
  statementId: number;
  score: number;
}

/**
 * The passages re-scored with their statements' scores (see STATEMENT_WEIGHT),
 * best first; ties keep their order. A statement missing from `statements`
 * adds nothing. Unchanged when no statement scored.
 */
export function withStatementEvidence<T extends Scored>(passages: readonly T[], statements: ReadonlyMap<number, number>, weight = STATEMENT_WEIGHT): T[] {
  const bestPassage = Math.max(0, ...passages.map((passage) => passage.score));
  const bestStatement = Math.max(0, ...statements.values());
  if (bestPassage <= 0 || bestStatement <= 0) return [...passages];
  return passages
    .map((passage) => ({ ...passage, score: (1 - weight) * (passage.score / bestPassage) + weight * ((statements.get(passage.statementId) ?? 0) / bestStatement) }))
    .sort((a, b) => b.score - a.score);
}
