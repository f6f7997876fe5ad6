import type { Database, SqlValue } from '../store/database.js';
import type { FilterSql } from './filter-sql.js';
import { indexStats, readVarints } from './index-stats.js';
import { porterStem } from './porter.js';
import { COLUMN_WEIGHTS } from './rank-weights.js';
import { foldToken, tokenize } from './tokenize.js';

/** Passages ranked when every word is common: the most recently added that contain them. */
export const COMMON_WORD_CANDIDATES = 100;
/**
 * Where to look for them: among the most recent passages of the rarest of the
 * words. Without this bound, passages with all of six common words may be so
 * few that FTS5 walks all six posting lists (25 ms) to find 200.
 */
export const COMMON_WORD_WINDOW = 20_000;
/** FTS5's bm25 parameters, so these scores read like the index's. */
const K1 = 1.2;
const B = 0.75;

export interface CommonWordHit {
  id: number;
  statementId: number;
  ordinal: number;
  score: number;
}

/**
 * Rank passages for a question made only of common words ("international
 * peace and security" in the UN corpus). FTS5's bm25() can't be used for
 * these: on every query it counts each word's passages for the IDF, ~15 ms per
 * word at a million passages. Instead: the most recently added passages that
 * contain all the words (else any of them), COMMON_WORD_CANDIDATES at most,
 * within the COMMON_WORD_WINDOW newest passages of the rarest word, found in
 * rowid order (no scoring, cheap), then scored here by the same bm25
 * (column weights, k1, b), with the words' passage counts remembered across
 * searches (index-stats.ts) and term frequencies counted in the passage text
 * with FTS5's own tokenizer rules (tokenize.ts, porter.ts). An organisation
 * filter's `scope` (an FTS5 column filter) narrows the matches; a date filter
 * that keeps few statements widens the window by `windowScale`.
 */
export async function rankByCommonWords(
  db: Database,
  phrases: readonly string[],
  filter: FilterSql,
  limit: number,
  { exclude = new Set<number>(), scope = null, windowScale = 1 }: { exclude?: ReadonlySet<number>; scope?: string | null; windowScale?: number } = {},
): Promise<CommonWordHit[]> {
  const stats = await indexStats(db);
  const within = (match: string): string => (scope ? `(${match}) AND ${scope}` : match);
  const wanted = Math.max(limit, COMMON_WORD_CANDIDATES);
  const window = Math.round(COMMON_WORD_WINDOW * windowScale);
  const rarest = (await Promise.all(phrases.map(async (phrase) => ({ phrase, n: await stats.countUpTo(within(phrase), window + 1) })))).sort((a, b) => a.n - b.n)[0]!;
  const floor = await stats.recentRowid(within(rarest.phrase), window);
  const rows = await recentMatches(db, within(phrases.join(' AND ')), filter, wanted, floor);
  if (rows.length < limit && phrases.length > 1) {
    const seen = new Set(rows.map((row) => row.id));
    for (const row of await recentMatches(db, within(phrases.join(' OR ')), filter, wanted, floor)) if (!seen.has(row.id)) rows.push(row);
  }
  const candidates = rows.filter((row) => !exclude.has(row.id));
  if (candidates.length === 0) return [];

  const words = await Promise.all(phrases.map(async (phrase) => {
    const passages = await stats.count(phrase);
    const stems = tokenize(phrase.slice(1, -1).replaceAll('""', '"')).map((token) => porterStem(token.folded));
    return { stems, idf: Math.max(1e-6, Math.log((stats.passages - passages + 0.5) / (passages + 0.5))) };
  }));
  const finders = [...new Set(words.flatMap((word) => word.stems))].map(stemFinder);
  const scored = candidates.map((row) => {
    const text = countStems(row.text, finders);
    const title = countStems(row.title, finders);
    const organisation = countStems(row.organisation, finders);
    const length = readVarints(row.sz).reduce((sum, n) => sum + n, 0);
    const norm = K1 * (1 - B + (B * length) / Math.max(1, stats.averageTokens));
    let score = 0;
    for (const word of words) {
      // A word of several tokens (a phrase) occurs as often as its rarest token, at most.
      const tf = (counts: Map<string, number>): number => Math.min(...word.stems.map((stem) => counts.get(stem) ?? 0));
      const weighted = COLUMN_WEIGHTS.text * tf(text) + COLUMN_WEIGHTS.title * tf(title) + COLUMN_WEIGHTS.organisation * tf(organisation);
      if (weighted > 0) score += word.idf * ((weighted * (K1 + 1)) / (weighted + norm));
    }
    return { id: row.id, statementId: row.statement_id, ordinal: row.ordinal, score };
  });
  return scored.sort((a, b) => b.score - a.score).slice(0, limit);
}

interface MatchRow {
  id: number;
  /** FTS5's token counts per column (passage_fts_docsize), as varints. */
  sz: Buffer;
  statement_id: number;
  ordinal: number;
  text: string;
  title: string;
  organisation: string;
}

/**
 * The newest matches (rowid ≥ floor) in rowid order: FTS5 walks its posting
 * lists backwards and stops at the limit. CROSS JOIN keeps the index outside
 * (an organisation filter would otherwise make the planner start from it).
 */
async function recentMatches(db: Database, match: string, filter: FilterSql, limit: number, floor: number): Promise<MatchRow[]> {
  const where = filter.where === '' ? '' : `AND ${filter.where}`;
  return db.all<MatchRow>(
    `SELECT passage_fts.rowid AS id, p.statement_id, p.ordinal, p.text, s.title, s.organisation, d.sz
     FROM passage_fts CROSS JOIN passages p ON p.id = passage_fts.rowid CROSS JOIN statements s ON s.id = p.statement_id
     CROSS JOIN passage_fts_docsize d ON d.id = passage_fts.rowid
     WHERE passage_fts MATCH ? AND passage_fts.rowid >= ? ${where}
     ORDER BY passage_fts.rowid DESC LIMIT ?`,
    [match, floor, ...(filter.params as SqlValue[]), limit],
  );
}

/**
 * Finds a stem's words in text: a regular expression for words starting with
 * the stem (V8 scans for the literal prefix quickly), each hit confirmed by
 * stemming it as FTS5 would. Tokenizing and stemming every word of 300
 * passages costs ~40 ms; this, ~2 ms.
 */
interface StemFinder {
  stem: string;
  words: RegExp;
}

function stemFinder(stem: string): StemFinder {
  const prefix = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { stem, words: new RegExp(`(?<![\\p{L}\\p{N}])${prefix}[\\p{L}\\p{N}]*`, 'gu') };
}

/** How often each stem occurs in `text`. */
function countStems(text: string, finders: readonly StemFinder[]): Map<string, number> {
  const lower = text.toLowerCase();
  const counts = new Map<string, number>();
  for (const { stem, words } of finders) {
    let n = 0;
    for (const match of lower.matchAll(words)) if (porterStem(foldToken(match[0])) === stem) n++;
    if (n > 0) counts.set(stem, n);
  }
  return counts;
}
