import type { Database } from '../store/database.js';
import { browsePassages, canBrowse } from './browse.js';
import { ftsPhrases } from './fts-query.js';
import type { SearchFilters } from './filters.js';
import { rankPlainPassages, type RankedPassage } from './rank.js';
import type { PassageRetrieval, RetrievedPassage, RetrieveOptions } from './retriever.js';
import { loadNeighbours, loadSummaries, PASSAGE_COLUMNS, toPassage, type PassageRow } from './statement-rows.js';

export const DEFAULT_K = 8;
export const MAX_K = 50;
export const DEFAULT_PER_STATEMENT = 2;
export const MAX_NEIGHBOURS = 5;
/** Candidates fetched per passage wanted, so the per-statement cap still leaves k. */
const CANDIDATES_PER_PASSAGE = 6;
const MIN_CANDIDATES = 100;

/**
 * The passages an answer should be built from: the best `k` for the question,
 * ranked as search() ranks them, at most `perStatement` from one statement,
 * each with its statement's metadata and optionally its neighbours. Filters
 * are taken as validated (the retriever validates them).
 *
 * With several `organisations`, each is searched on its own and they take
 * turns (sharePerOrganisation), so an organisation with many statements on the
 * question can't crowd out one with few. With no words to search for but
 * filters, the filtered statements are browsed, newest first (browse.ts), and
 * the query is ''.
 */
export async function retrievePassages(db: Database, input: string, options: RetrieveOptions = {}): Promise<PassageRetrieval> {
  const k = clamp(options.k ?? DEFAULT_K, 1, MAX_K);
  const perStatement = clamp(options.perStatement ?? DEFAULT_PER_STATEMENT, 1, k);
  const neighbours = clamp(options.neighbours ?? 0, 0, MAX_NEIGHBOURS);
  const phrases = ftsPhrases(input);
  // Nothing to search for but a speaker or a period ("What has JAKNA said since 2022?"): what they said, newest first.
  if (phrases.length === 0 && !canBrowse(options)) return { query: '', passages: [] };
  const query = phrases.join(' OR ');

  const best = async (filters: SearchFilters) =>
    phrases.length === 0 ? (await browsePassages(db, filters, Math.ceil(k / perStatement), perStatement)).slice(0, k) : bestPassages(db, phrases, filters, k, perStatement);
  const voices = options.voices ?? (options.organisations ?? []).map((organisation) => [organisation]);
  const taken = voices.length > 1
    ? sharePerOrganisation(await Promise.all(voices.map((names) => best({ ...options, organisations: names }))), k)
    : await best(options);
  if (taken.length === 0) return { query, passages: [] };

  const [summaries, rows] = await Promise.all([
    loadSummaries(db, taken.map((passage) => passage.statementId)),
    db.all<PassageRow>(`SELECT ${PASSAGE_COLUMNS} FROM passages p WHERE p.id IN (SELECT value FROM json_each(?))`, [JSON.stringify(taken.map((passage) => passage.id))]),
  ]);
  const passagesById = new Map(rows.map((row) => [row.id, toPassage(row)]));
  const passages: RetrievedPassage[] = [];
  for (const hit of taken) {
    const passage = passagesById.get(hit.id);
    const statement = summaries.get(hit.statementId);
    if (!passage || !statement) continue; // removed by an ingest between the reads
    const context = await loadNeighbours(db, passage.statementId, passage.ordinal, neighbours);
    passages.push({ ...passage, score: hit.score, statement, before: context.before, after: context.after });
  }
  return { query, passages };
}

/** The best `k` passages for the filters, at most `perStatement` from one statement, best first. */
async function bestPassages(db: Database, phrases: readonly string[], filters: SearchFilters, k: number, perStatement: number): Promise<RankedPassage[]> {
  const ranked = await rankPlainPassages(db, phrases, filters, Math.max(MIN_CANDIDATES, k * CANDIDATES_PER_PASSAGE));
  return capPerStatement(ranked, perStatement).slice(0, k);
}

/**
 * Up to `k` passages from per-organisation rankings (each best first), taken
 * in turns: every organisation's best, then every second best, and so on —
 * within a turn, better scores first (each organisation's scores are from its
 * own ranking, so this only roughly orders them). Each organisation gets an equal share,
 * and one with too few leaves its places to the others. The order is the
 * turns' order, not the scores': an answer that keeps only its first sources
 * (the model's context budget) still keeps every organisation's best.
 */
export function sharePerOrganisation<T extends { score: number }>(rankings: readonly (readonly T[])[], k: number): T[] {
  const taken: T[] = [];
  for (let rank = 0; taken.length < k && rankings.some((ranking) => rank < ranking.length); rank++) {
    const turn = rankings.flatMap((ranking) => (rank < ranking.length ? [ranking[rank]!] : [])).sort((a, b) => b.score - a.score);
    taken.push(...turn.slice(0, k - taken.length));
  }
  return taken;
}

/** Keep ranking order, dropping a statement's passages beyond the first `cap`. */
export function capPerStatement<T extends { statementId: number }>(ranked: readonly T[], cap: number): T[] {
  const counts = new Map<number, number>();
  return ranked.filter((passage) => {
    const count = counts.get(passage.statementId) ?? 0;
    counts.set(passage.statementId, count + 1);
    return count < cap;
  });
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
