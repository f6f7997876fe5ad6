import { capPerStatement } from '../search/retrieve.js';
import type { RetrievedPassage } from '../search/retriever.js';

/**
 * Reciprocal rank fusion's constant: a passage scores 1 / (RRF_K + rank) in
 * each ranking it is in (rank from 1). 60 is the usual choice (Cormack et al.,
 * 2009); with rankings of eight it means a passage both rankings found comes
 * before one only one found, whatever their ranks.
 */
const RRF_K = 60;

/**
 * Several rankings of passages for one question (the question as asked, and
 * reworded) as one: reciprocal rank fusion, which needs no comparable scores
 * (bm25 scores of different queries aren't). Ties go to the better rank in any
 * ranking, then to the earlier ranking, so passages only one ranking found
 * take turns. At most `perStatement` passages of one statement, `k` in all.
 * A passage's score becomes its fused score.
 */
export function fuseRankings(rankings: readonly (readonly RetrievedPassage[])[], { k, perStatement }: { k: number; perStatement: number }): RetrievedPassage[] {
  const fused = new Map<number, { passage: RetrievedPassage; score: number; bestRank: number; ranking: number }>();
  rankings.forEach((ranking, index) => {
    ranking.forEach((passage, rank) => {
      const entry = fused.get(passage.id) ?? { passage, score: 0, bestRank: rank, ranking: index };
      entry.score += 1 / (RRF_K + rank + 1);
      entry.bestRank = Math.min(entry.bestRank, rank);
      fused.set(passage.id, entry);
    });
  });
  const ordered = [...fused.values()].sort((a, b) => b.score - a.score || a.bestRank - b.bestRank || a.ranking - b.ranking);
  return capPerStatement(
    ordered.map(({ passage, score }) => ({ ...passage, score })),
    perStatement,
  ).slice(0, k);
}
