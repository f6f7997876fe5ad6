import type { Database } from '../../store/database.js';
import { quoteFts } from '../fts-query.js';
import { listOrganisations } from '../lookup.js';
import { rankStatements } from '../search.js';
import { OrganisationDirectory } from '../understand/organisations.js';
import { understandQuestion } from '../understand/understand.js';
import { planFilters } from '../understood-retriever.js';
import { tokenize } from '../tokenize.js';
import type { BeirQuery } from './beir.js';
import { mean, ndcgAtK, recallAtK, type Judgements } from './metrics.js';

/** How a ranking method names documents: their BEIR ids, best first. */
export type RankDocuments = (query: string, depth: number) => Promise<string[]>;

export interface MethodScores {
  ndcg10: number;
  recall100: number;
  /** nDCG@10 on each fixed half of the queries (see `queryHalf`), to tell method from noise. */
  ndcg10ByHalf: { A: number; B: number };
  msPerQuery: number;
  queries: number;
  /** nDCG@10 of each judged query, in query-file order (for paired comparisons). */
  ndcg10ByQuery: number[];
}

const RECALL_DEPTH = 100;

/**
 * A fixed split of the queries into halves by a hash of their id (not by file
 * order), so a method chosen on one half can be checked on the other.
 */
export function queryHalf(id: string): 'A' | 'B' {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 2 ? 'A' : 'B';
}

/** nDCG@10 and Recall@100 of `rank` over the judged queries. */
export async function scoreMethod(queries: readonly BeirQuery[], qrels: ReadonlyMap<string, Judgements>, rank: RankDocuments): Promise<MethodScores> {
  const judged = queries.filter((query) => qrels.has(query.id));
  const rows: { half: 'A' | 'B'; ndcg: number; recall: number }[] = [];
  const started = performance.now();
  for (const query of judged) {
    const ranking = await rank(query.text, RECALL_DEPTH);
    const judgements = qrels.get(query.id)!;
    rows.push({ half: queryHalf(query.id), ndcg: ndcgAtK(ranking, judgements, 10), recall: recallAtK(ranking, judgements, RECALL_DEPTH) });
  }
  return {
    ndcg10: mean(rows.map((row) => row.ndcg)),
    recall100: mean(rows.map((row) => row.recall)),
    ndcg10ByHalf: { A: mean(rows.filter((row) => row.half === 'A').map((row) => row.ndcg)), B: mean(rows.filter((row) => row.half === 'B').map((row) => row.ndcg)) },
    msPerQuery: rows.length ? (performance.now() - started) / rows.length : 0,
    queries: rows.length,
    ndcg10ByQuery: rows.map((row) => row.ndcg),
  };
}

/**
 * Ours: the statement ranking search() and the bot use, documents named by
 * their external (BEIR) id — after reading who and when the query names, as
 * every surface does (understood-retriever.ts): a query naming a period
 * ("from 2009 to 2014") is ranked within it, and as typed when nothing there
 * matches (undated documents, as in SciFact).
 */
export function productionRanking(db: Database, now: Date = new Date()): RankDocuments {
  const directory = listOrganisations(db).then((organisations) => OrganisationDirectory.ofCorpus(organisations));
  const externalIds = new Map<number, string>();
  return async (query, depth) => {
    const understanding = understandQuestion(query, await directory, now);
    const plan = planFilters(understanding, {});
    let groups = plan.applied ? await rankStatements(db, understanding.keywords, plan.filters, depth) : [];
    if (groups.length === 0) groups = await rankStatements(db, query, {}, depth);
    groups = groups.slice(0, depth);
    const missing = groups.map((group) => group.best.statementId).filter((id) => !externalIds.has(id));
    if (missing.length > 0) {
      const rows = await db.all<{ id: number; external_id: string | null }>('SELECT id, external_id FROM statements WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(missing)]);
      for (const row of rows) externalIds.set(row.id, row.external_id ?? String(row.id));
    }
    return groups.map((group) => externalIds.get(group.best.statementId) ?? '');
  };
}

/**
 * The reference point: one FTS5 row per whole document (title, text),
 * porter tokenizer, every word of the question OR-ed, ORDER BY bm25 — built as
 * an extra table in the scratch database.
 */
export async function plainBm25Ranking(db: Database): Promise<RankDocuments> {
  await db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS eval_plain_bm25 USING fts5 (title, text, external_id UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2')`);
  const indexed = await db.get<{ n: number }>('SELECT count(*) AS n FROM eval_plain_bm25');
  const statements = await db.get<{ n: number }>('SELECT count(*) AS n FROM statements');
  if (indexed?.n !== statements?.n) {
    await db.transaction(async () => {
      await db.run('DELETE FROM eval_plain_bm25');
      await db.run('INSERT INTO eval_plain_bm25 (title, text, external_id) SELECT title, text, coalesce(external_id, id) FROM statements');
    });
  }
  return async (query, depth) => {
    const words = tokenize(query).map((token) => quoteFts(token.folded));
    if (words.length === 0) return [];
    const rows = await db.all<{ external_id: string }>('SELECT external_id FROM eval_plain_bm25 WHERE eval_plain_bm25 MATCH ? ORDER BY bm25(eval_plain_bm25) LIMIT ?', [words.join(' OR '), depth]);
    return rows.map((row) => row.external_id);
  };
}
