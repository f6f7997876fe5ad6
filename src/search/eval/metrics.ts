/**
 * Standard retrieval metrics, as trec_eval / pytrec_eval (and so BEIR) compute
 * them: graded relevance with linear gain, log2 discount, ideal ranking from the
 * judgements; documents judged 0 (or not judged) are not relevant.
 */

/** Relevance judgements of one query: document id → grade (> 0 is relevant). */
export type Judgements = ReadonlyMap<string, number>;

/** nDCG@k: DCG of the ranking cut at k, over the DCG of the best possible ranking. */
export function ndcgAtK(ranking: readonly string[], judgements: Judgements, k: number): number {
  const dcg = ranking.slice(0, k).reduce((sum, id, i) => sum + Math.max(0, judgements.get(id) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...judgements.values()].filter((grade) => grade > 0).sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, grade, i) => sum + grade / Math.log2(i + 2), 0);
  return idcg === 0 ? 0 : dcg / idcg;
}

/** Recall@k: the share of relevant documents found in the first k. */
export function recallAtK(ranking: readonly string[], judgements: Judgements, k: number): number {
  const relevant = [...judgements].filter(([, grade]) => grade > 0).map(([id]) => id);
  if (relevant.length === 0) return 0;
  const top = new Set(ranking.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}
