/**
 * The grid behind PROXIMITY (src/search/proximity.ts): bm25 candidates for each
 * SciFact training query are scored once, then every weight setting re-ranks
 * them in memory; nDCG@10 per half. Choose on half A, read half B.
 * Run: npx tsx bench/search-proximity-grid.ts (after npm run eval has built the scratch DB).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openForReading } from '../src/store/migrate.js';
import { readBeirQrels, readBeirQueries } from '../src/search/eval/beir.js';
import { queryHalf } from '../src/search/eval/evaluate.js';
import { mean, ndcgAtK, recallAtK } from '../src/search/eval/metrics.js';
import { scratchPath } from '../src/search/eval/run.js';
import { queryTerms, ftsPhrases, quoteFts } from '../src/search/fts-query.js';
import { rankPlainPassages } from '../src/search/rank.js';
import { groupByStatement } from '../src/search/search.js';
import { porterStem } from '../src/search/porter.js';
import { proximityFeatures, proximityScore, textStems } from '../src/search/eval/proximity.js';

const SCIFACT = resolve(fileURLToPath(new URL('../', import.meta.url)), '../shared/datasets/scifact');
const corpus = join(SCIFACT, 'corpus.jsonl');
const db = await openForReading(scratchPath(corpus));
const queries = readBeirQueries(join(SCIFACT, 'queries-train.jsonl'));
const qrels = readBeirQrels(join(SCIFACT, 'qrels-train.tsv'));
const ext = new Map((await db.all<{ id: number; external_id: string }>('SELECT id, external_id FROM statements')).map((r) => [r.id, r.external_id]));
const DEPTH = 100;
/** SPAN=1 for strict bigrams; RARITY=1 weights each pair by its rarer word's idf. */
const SPAN = Number(process.env.SPAN ?? 2);
const N = (await db.get<{ n: number }>('SELECT count(*) AS n FROM passages'))!.n;
const prepared = [];
const featureMs: number[] = [];
for (const q of queries.filter((q) => qrels.has(q.id))) {
  const ranked = await rankPlainPassages(db, ftsPhrases(q.text), {}, 500);
  const stems = queryTerms(q.text).map((t) => porterStem(t.folded));
  const head = ranked.slice(0, DEPTH);
  const rows = await db.all<{ id: number; text: string }>('SELECT id, text FROM passages WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(head.map((p) => p.id))]);
  const texts = new Map(rows.map((r) => [r.id, r.text]));
  const df = await Promise.all(queryTerms(q.text).map(async (t) => (await db.get<{ n: number }>('SELECT count(*) AS n FROM passage_fts WHERE passage_fts MATCH ?', [quoteFts(t.folded)]))!.n));
  const idf = df.map((n) => Math.log((N - n + 0.5) / (n + 0.5) + 1));
  const pw = process.env.RARITY ? stems.slice(0, -1).map((_, i) => Math.min(idf[i]!, idf[i + 1]!)) : undefined;
  const t0 = performance.now();
  const features = head.map((p) => proximityFeatures(stems, textStems(texts.get(p.id) ?? ''), { pairWeights: pw, orderedSpan: SPAN }));
  featureMs.push(performance.now() - t0);
  prepared.push({ q, ranked, features, multi: new Set(stems).size >= 2 });
}
const firstMs = featureMs[0]!;
featureMs.sort((a, b) => a - b);
console.log(`features of ${DEPTH} candidates: p50 ${featureMs[Math.floor(featureMs.length / 2)]!.toFixed(2)} ms, p99 ${featureMs[Math.floor(featureMs.length * 0.99)]!.toFixed(2)} ms, first query ${firstMs.toFixed(2)} ms`);
const settings: [number, number][] = process.env.SPAN === '1' ? [[0, 0], [0.01, 0], [0.02, 0], [0.05, 0], [0.1, 0], [0.2, 0]] : [[0, 0], [0.02, 0.02], [0.05, 0], [0, 0.05], [0.05, 0.05], [0.1, 0], [0, 0.1], [0.1, 0.1], [0.2, 0.2], [0.05, 0.1]];
for (const [o, u] of settings) {
  const rows = prepared.map(({ q, ranked, features, multi }) => {
    const best = ranked[0]?.score ?? 1;
    let reranked = ranked;
    if (multi && ranked.length > 1) {
      const head = ranked.slice(0, DEPTH).map((p, i) => ({ ...p, score: proximityScore(p.score, best, features[i]!, { ordered: o, unordered: u }) }));
      head.sort((a, b) => b.score - a.score);
      reranked = [...head, ...ranked.slice(DEPTH).map((p) => ({ ...p, score: p.score / best }))];
    }
    const docs = groupByStatement(reranked).slice(0, 100).map((g) => ext.get(g.best.statementId)!);
    const j = qrels.get(q.id)!;
    return { half: queryHalf(q.id), ndcg: ndcgAtK(docs, j, 10), recall: recallAtK(docs, j, 100) };
  });
  const by = (h: string) => mean(rows.filter((r) => r.half === h).map((r) => r.ndcg));
  console.log(`ordered ${o} unordered ${u}: nDCG@10 ${mean(rows.map((r) => r.ndcg)).toFixed(4)} A ${by('A').toFixed(4)} B ${by('B').toFixed(4)} R@100 ${mean(rows.map((r) => r.recall)).toFixed(4)}`);
}
await db.close();
