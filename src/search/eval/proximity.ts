import { porterStem } from '../porter.js';
import { foldToken } from '../tokenize.js';

/**
 * Term-proximity features for a second stage after bm25, in the manner of
 * Metzler & Croft's sequential dependence model (SIGIR 2005): a passage where
 * the question's words stand together ("vitamin D deficiency") may be more
 * about the question than one where they are scattered. For each pair of words
 * adjacent in the question (stop words already dropped), two counts in the
 * passage:
 *
 * - ordered: the second word follows the first within `orderedSpan` positions
 *   (1: a bigram; 2: one word may stand between, e.g. a dropped stop word);
 * - unordered: the two words within UNORDERED_WINDOW positions, either order.
 *
 * Each count is dampened like a term frequency, log(1 + count), and averaged
 * over the pairs (optionally weighted, e.g. by the pair's rarity).
 *
 * Measured on SciFact and NOT shipped: re-ranking the best 100 passages by
 * bm25 / best + λ × these features did not beat bm25 on both halves of the
 * training queries for any λ tried (docs/benchmarks.md, "search";
 * bench/search-proximity-grid.ts re-runs the grid).
 */
export interface ProximityFeatures {
  ordered: number;
  unordered: number;
}

/** Both words within this many positions (SDM's #uw8). */
export const UNORDERED_WINDOW = 8;
/** Default ordered span: adjacent, or one word between. */
export const ORDERED_SPAN = 2;

const WORD = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\u0300-\u036f]*/gu;
/** Stems by written token: the same words recur across passages, so each is folded and stemmed once. */
const stems = new Map<string, string>();
const MAX_CACHED = 100_000;

function stemOf(token: string): string {
  let stem = stems.get(token);
  if (stem === undefined) {
    stem = porterStem(foldToken(token));
    if (stems.size >= MAX_CACHED) stems.clear();
    stems.set(token, stem);
  }
  return stem;
}

/** The stems of a text, as the index stems them (unicode61 folding, then porter). */
export function textStems(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) out.push(stemOf(match[0]));
  return out;
}

/**
 * The (weighted) mean of log(1 + count) over adjacent pairs of `queryStems`,
 * for ordered and unordered co-occurrence in `passageStems`: a mean, so a
 * ten-word question's features are on the scale of a two-word one's. A pair of
 * the same stem twice is skipped (it says nothing about closeness); a pair
 * with a word missing from the passage counts as 0.
 */
export function proximityFeatures(queryStems: readonly string[], passageStems: readonly string[], { pairWeights, orderedSpan = ORDERED_SPAN }: { pairWeights?: readonly number[]; orderedSpan?: number } = {}): ProximityFeatures {
  const index = new Map<string, number>();
  queryStems.forEach((stem, i) => {
    if (!index.has(stem)) index.set(stem, i);
  });
  // Positions of each distinct query stem in the passage, by its first index in the query.
  const positions: number[][] = queryStems.map(() => []);
  passageStems.forEach((stem, position) => {
    const i = index.get(stem);
    if (i !== undefined) positions[i]!.push(position);
  });
  let ordered = 0;
  let unordered = 0;
  let pairs = 0;
  for (let i = 0; i + 1 < queryStems.length; i++) {
    const first = positions[index.get(queryStems[i]!)!]!;
    const second = positions[index.get(queryStems[i + 1]!)!]!;
    if (first === second) continue;
    const weight = pairWeights?.[i] ?? 1;
    pairs += weight;
    let o = 0;
    let u = 0;
    for (const a of first) {
      for (const b of second) {
        if (b - a >= 1 && b - a <= orderedSpan) o++;
        if (Math.abs(b - a) < UNORDERED_WINDOW) u++;
      }
    }
    ordered += weight * Math.log1p(o);
    unordered += weight * Math.log1p(u);
  }
  return pairs <= 0 ? { ordered: 0, unordered: 0 } : { ordered: ordered / pairs, unordered: unordered / pairs };
}

/** bm25 as a fraction of the query's best score (scale-free across queries), plus the weighted features. */
export function proximityScore(bm25: number, best: number, features: ProximityFeatures, weights: { ordered: number; unordered: number }): number {
  return (best > 0 ? bm25 / best : 0) + weights.ordered * features.ordered + weights.unordered * features.unordered;
}
