/**
 * `npm run eval -- [--corpus corpus.jsonl --queries queries.jsonl --qrels qrels.tsv] [--db scratch.sqlite] [--json]`
 * — retrieval quality on a BEIR-format dataset (default: ../shared/datasets/scifact,
 * training queries). Ingests the corpus into a scratch database with the real
 * ingest (re-used and updated on later runs), then scores the plain FTS5 bm25
 * baseline and our ranking (the one search() and the bot use): nDCG@10 and
 * Recall@100, overall and on two fixed halves of the queries.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UserFacingError } from '../errors.js';
import { ingest } from '../corpus/ingest.js';
import { readBeirQrels, readBeirQueries } from '../search/eval/beir.js';
import { plainBm25Ranking, productionRanking, scoreMethod, type MethodScores } from '../search/eval/evaluate.js';
import { openForWriting } from '../store/migrate.js';
import { runCli, UsageError } from './cli-run.js';

const USAGE = 'Usage: npm run eval -- [--corpus corpus.jsonl --queries queries.jsonl --qrels qrels.tsv] [--db scratch.sqlite] [--json]';
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCIFACT = resolve(REPO_ROOT, '../shared/datasets/scifact');

await runCli(USAGE, async () => {
  const { values } = parseCommandLine();
  const corpus = resolve(values.corpus ?? join(SCIFACT, 'corpus.jsonl'));
  const queriesPath = resolve(values.queries ?? join(SCIFACT, 'queries-train.jsonl'));
  const qrelsPath = resolve(values.qrels ?? join(SCIFACT, 'qrels-train.tsv'));
  for (const path of [corpus, queriesPath, qrelsPath]) {
    if (!existsSync(path)) throw new UserFacingError('no_dataset', `No dataset file at ${path}. Give --corpus, --queries and --qrels (BEIR format).`);
  }
  const dbPath = values.db ?? scratchPath(corpus);
  const say = (line: string): void => {
    if (!values.json) process.stdout.write(`${line}\n`);
  };

  const db = await openForWriting(dbPath);
  try {
    say(`Ingesting ${corpus} into ${dbPath} …`);
    const summary = await ingest(db, [corpus]);
    if (summary.failed > 0) say(`  ${summary.failed} documents failed to ingest (first: ${summary.failures[0]?.source}: ${summary.failures[0]?.message})`);
    const counts = await db.get<{ statements: number; passages: number }>('SELECT (SELECT count(*) FROM statements) AS statements, (SELECT count(*) FROM passages) AS passages');
    const queries = readBeirQueries(queriesPath);
    const qrels = readBeirQrels(qrelsPath);
    say(`  ${counts?.statements} documents, ${counts?.passages} passages; ${queries.filter((q) => qrels.has(q.id)).length} judged queries`);

    const baseline = await scoreMethod(queries, qrels, await plainBm25Ranking(db));
    const ours = await scoreMethod(queries, qrels, productionRanking(db));
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ corpus, queries: queriesPath, qrels: qrelsPath, documents: counts?.statements, passages: counts?.passages, baseline, ours })}\n`);
    } else {
      say('');
      say(formatTable([['plain FTS5 bm25 (baseline)', baseline], ['ours (search/retrieve ranking)', ours]]));
    }
    return 0;
  } finally {
    await db.close();
  }
});

/** A scratch database per dataset file, kept in the temp folder so later runs skip the ingest. */
function scratchPath(corpus: string): string {
  const { size, mtimeMs } = statSync(corpus);
  const key = createHash('sha256').update(`${corpus}:${size}:${mtimeMs}`).digest('hex').slice(0, 12);
  return join(tmpdir(), `statement-eval-${key}.sqlite`);
}

function formatTable(rows: [string, MethodScores][]): string {
  const header = `${'method'.padEnd(32)} nDCG@10  Recall@100  nDCG@10 half A / B   ms/query`;
  const lines = rows.map(([name, s]) => `${name.padEnd(32)} ${s.ndcg10.toFixed(4)}   ${s.recall100.toFixed(4)}      ${s.ndcg10ByHalf.A.toFixed(4)} / ${s.ndcg10ByHalf.B.toFixed(4)}    ${s.msPerQuery.toFixed(1)}`);
  return [header, ...lines].join('\n');
}

function parseCommandLine() {
  try {
    return parseArgs({ options: { corpus: { type: 'string' }, queries: { type: 'string' }, qrels: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
