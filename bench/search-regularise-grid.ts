/**
 * Grid for score regularisation over candidate neighbours (Diaz 2005): the best
 * DEPTH bm25 passages get tf-idf vectors (idf within the candidates), and each
 * score becomes (1 - β) × its own + β × the mean of its k most similar
 * candidates' (scores as fractions of the best). nDCG@10 per half; see
 * search-proximity-grid.ts. Run: npx tsx bench/search-regularise-grid.ts
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openForReading } from '../src/store/migrate.js';
import { readBeirQrels, readBeirQueries } from '../src/search/eval/beir.js';
import { queryHalf } from '../src/search/eval/evaluate.js';
import { mean, ndcgAtK, recallAtK } from '../src/search/eval/metrics.js';
import { scratchPath } from '../src/search/eval/run.js';
import { ftsPhrases } from '../src/search/fts-query.js';
import { rankPlainPassages } from '../src/search/rank.js';
import { groupByStatement } from '../src/search/search.js';
import { textStems } from '../src/search/eval/proximity.js';

const SCIFACT = resolve(fileURLToPath(new URL('../', import.meta.url)), '../shared/datasets/scifact');
const db = await openForReading(scratchPath(join(SCIFACT, 'corpus.jsonl')));
const queries = readBeirQueries(join(SCIFACT, 'queries-train.jsonl'));
const qrels = readBeirQrels(join(SCIFACT, 'qrels-train.tsv'));
const ext = new Map((await db.all<{ id: number; external_id: string }>('SELECT id, external_id FROM statements')).map((r) => [r.id, r.external_id]));
const DEPTH = Number(process.env.DEPTH ?? 50);
const prepared = [];
let simMs = 0;
for (const q of queries.filter((q) => qrels.has(q.id))) {
  const ranked = await rankPlainPassages(db, ftsPhrases(q.text), {}, 500);
  const head = ranked.slice(0, DEPTH);
  const rows = await db.all<{ id: number; text: string }>('SELECT id, text FROM passages WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(head.map((p) => p.id))]);
  const texts = new Map(rows.map((r) => [r.id, r.text]));
  const t0 = performance.now();
  const tfs = head.map((p) => { const m = new Map<string, number>(); for (const s of textStems(texts.get(p.id) ?? '')) m.set(s, (m.get(s) ?? 0) + 1); return m; });
  const df = new Map<string, number>();
  for (const m of tfs) for (const s of m.keys()) df.set(s, (df.get(s) ?? 0) + 1);
  const vecs = tfs.map((m) => { const v = new Map<string, number>(); let n = 0; for (const [s, c] of m) { const w = (1 + Math.log(c)) * Math.log((head.length + 1) / df.get(s)!); if (w > 0) { v.set(s, w); n += w * w; } } n = Math.sqrt(n) || 1; for (const [s, w] of v) v.set(s, w / n); return v; });
  const sims = vecs.map((a, i) => vecs.map((b, j) => { if (i === j) return -1; let d = 0; const [x, y] = a.size < b.size ? [a, b] : [b, a]; for (const [s, w] of x) { const o = y.get(s); if (o) d += w * o; } return d; }));
  simMs += performance.now() - t0;
  prepared.push({ q, ranked, sims });
}
console.log(`similarity ms/query ${(simMs / prepared.length).toFixed(2)} depth ${DEPTH}`);
const settings: [number, number][] = [[0, 5], [0.1, 5], [0.2, 5], [0.3, 5], [0.5, 5], [0.2, 3], [0.3, 3], [0.2, 10], [0.3, 10]];
for (const [beta, k] of settings) {
  const rows = prepared.map(({ q, ranked, sims }) => {
    const best = ranked[0]?.score ?? 1;
    const s = ranked.map((p) => p.score / best);
    const head = ranked.slice(0, DEPTH).map((p, i) => {
      const nb = sims[i]!.map((sim, j) => [sim, j] as const).sort((a, b) => b[0] - a[0]).slice(0, k);
      const m = nb.length ? nb.reduce((a, [, j]) => a + s[j]!, 0) / nb.length : s[i]!;
      return { ...p, score: (1 - beta) * s[i]! + beta * m };
    });
    head.sort((a, b) => b.score - a.score);
    const floor = Math.min(...head.map((p) => p.score));
    const reranked = [...head, ...ranked.slice(DEPTH).map((p) => ({ ...p, score: Math.min(floor, p.score / best) }))];
    const docs = groupByStatement(reranked).slice(0, 100).map((g) => ext.get(g.best.statementId)!);
    const j = qrels.get(q.id)!;
    return { half: queryHalf(q.id), ndcg: ndcgAtK(docs, j, 10), recall: recallAtK(docs, j, 100) };
  });
  const by = (h: string) => mean(rows.filter((r) => r.half === h).map((r) => r.ndcg));
  console.log(`beta ${beta} k ${k}: nDCG@10 ${mean(rows.map((r) => r.ndcg)).toFixed(4)} A ${by('A').toFixed(4)} B ${by('B').toFixed(4)} R@100 ${mean(rows.map((r) => r.recall)).toFixed(4)}`);
}
await db.close();
