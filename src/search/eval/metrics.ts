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

/** Paired difference of two methods over the same queries (b − a, per query). */
export interface PairedDifference {
  mean: number;
  /** 95% interval of the mean by the percentile bootstrap (queries resampled with replacement). */
  low: number;
  high: number;
  better: number;
  worse: number;
}

/**
 * How much method b beats method a on the same queries, with a 95% bootstrap
 * interval: a difference whose interval excludes 0 is more than the luck of
 * which queries were asked. Seeded, so the same scores give the same interval.
 */
export function pairedDifference(a: readonly number[], b: readonly number[], resamples = 2_000): PairedDifference {
  if (a.length !== b.length) throw new Error(`paired scores differ in length: ${a.length} and ${b.length}`);
  const diffs = a.map((value, i) => b[i]! - value);
  return {
    mean: mean(diffs),
    ...bootstrapInterval(diffs, 0x5eed, resamples),
    better: diffs.filter((d) => d > 0).length,
    worse: diffs.filter((d) => d < 0).length,
  };
}

/**
 * 95% percentile-bootstrap interval of the mean of `values`: `resamples`
 * resamplings with replacement, by a generator seeded with `seed`, so the same
 * values give the same interval.
 */
export function bootstrapInterval(values: readonly number[], seed: number, resamples = 2_000): { low: number; high: number } {
  const random = mulberry32(seed);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[Math.floor(random() * values.length)]!;
    means.push(sum / values.length);
  }
  means.sort((x, y) => x - y);
  return { low: means[Math.floor(resamples * 0.025)] ?? Number.NaN, high: means[Math.ceil(resamples * 0.975) - 1] ?? Number.NaN };
}

/** mulberry32: a small, fast, seedable generator of numbers in [0, 1) (Math.random can't be seeded). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
