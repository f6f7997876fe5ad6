import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../corpus/ingest.js';
import { openForWriting } from '../../store/migrate.js';
import { readBeirQrels, readBeirQueries } from './beir.js';
import { plainBm25Ranking, productionRanking, scoreMethod, type MethodScores } from './evaluate.js';
import { pairedDifference } from './metrics.js';

export interface EvalResult {
  corpus: string;
  queries: string;
  qrels: string;
  documents: number;
  passages: number;
  baseline: MethodScores;
  ours: MethodScores;
}

/**
 * Ingest a BEIR corpus into `paths.db` with the real ingest (a no-op for
 * documents already there), then score the plain FTS5 baseline and our
 * ranking on the judged queries.
 */
export async function runBeirEval(paths: { corpus: string; queries: string; qrels: string; db: string }, say: (line: string) => void = () => undefined): Promise<EvalResult> {
  const db = await openForWriting(paths.db);
  try {
    say(`Ingesting ${paths.corpus} into ${paths.db} …`);
    const summary = await ingest(db, [paths.corpus]);
    if (summary.failed > 0) say(`  ${summary.failed} documents failed to ingest (first: ${summary.failures[0]?.source}: ${summary.failures[0]?.message})`);
    const counts = (await db.get<{ documents: number; passages: number }>('SELECT (SELECT count(*) FROM statements) AS documents, (SELECT count(*) FROM passages) AS passages'))!;
    const queries = readBeirQueries(paths.queries);
    const qrels = readBeirQrels(paths.qrels);
    say(`  ${counts.documents} documents, ${counts.passages} passages; ${queries.filter((q) => qrels.has(q.id)).length} judged queries`);
    const baseline = await scoreMethod(queries, qrels, await plainBm25Ranking(db));
    const ours = await scoreMethod(queries, qrels, productionRanking(db));
    return { corpus: paths.corpus, queries: paths.queries, qrels: paths.qrels, ...counts, baseline, ours };
  } finally {
    await db.close();
  }
}

/** The two methods side by side, as `npm run eval` prints them. */
export function formatEvalTable(result: EvalResult): string {
  const rows: [string, MethodScores][] = [['plain FTS5 bm25 (baseline)', result.baseline], ['ours (search/retrieve ranking)', result.ours]];
  const header = `${'method'.padEnd(32)} nDCG@10  Recall@100  nDCG@10 half A / B   ms/query`;
  const lines = rows.map(([name, s]) => `${name.padEnd(32)} ${s.ndcg10.toFixed(4)}   ${s.recall100.toFixed(4)}      ${s.ndcg10ByHalf.A.toFixed(4)} / ${s.ndcg10ByHalf.B.toFixed(4)}    ${s.msPerQuery.toFixed(1)}`);
  return [header, ...lines, '', describeDifference(result)].join('\n');
}

/** A scratch database per dataset file, in the temp folder, so later runs skip the ingest. */
export function scratchPath(corpus: string): string {
  const { size, mtimeMs } = statSync(corpus);
  const key = createHash('sha256').update(`${corpus}:${size}:${mtimeMs}`).digest('hex').slice(0, 12);
  return join(tmpdir(), `statement-eval-${key}.sqlite`);
}

/** "ours − baseline: +0.0084 nDCG@10 (95% CI +0.0002 to +0.0161); better on 85 queries, worse on 72" */
export function describeDifference(result: EvalResult): string {
  const d = pairedDifference(result.baseline.ndcg10ByQuery, result.ours.ndcg10ByQuery);
  const signed = (value: number): string => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(4)}`;
  return `ours − baseline: ${signed(d.mean)} nDCG@10 (95% CI ${signed(d.low)} to ${signed(d.high)}, queries resampled); better on ${d.better} queries, worse on ${d.worse}`;
}
