/**
 * `npm run eval -- [--corpus corpus.jsonl --queries queries.jsonl --qrels qrels.tsv] [--db scratch.sqlite] [--json]`
 * — retrieval quality on a BEIR-format dataset (default: ../shared/datasets/scifact,
 * training queries). Ingests the corpus into a scratch database with the real
 * ingest (re-used and updated on later runs), then scores the plain FTS5 bm25
 * baseline and our ranking (the one search() and the bot use): nDCG@10 and
 * Recall@100, overall and on two fixed halves of the queries.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UserFacingError } from '../errors.js';
import { formatEvalTable, runBeirEval, scratchPath } from '../search/eval/run.js';
import { runCli, UsageError } from './cli-run.js';

const USAGE = 'Usage: npm run eval -- [--corpus corpus.jsonl --queries queries.jsonl --qrels qrels.tsv] [--db scratch.sqlite] [--json]';
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCIFACT = resolve(REPO_ROOT, '../shared/datasets/scifact');

await runCli(USAGE, async () => {
  const { values } = parseCommandLine();
  const corpus = resolve(values.corpus ?? join(SCIFACT, 'corpus.jsonl'));
  const queries = resolve(values.queries ?? join(SCIFACT, 'queries-train.jsonl'));
  const qrels = resolve(values.qrels ?? join(SCIFACT, 'qrels-train.tsv'));
  for (const path of [corpus, queries, qrels]) {
    if (!existsSync(path)) throw new UserFacingError('no_dataset', `No dataset file at ${path}. Give --corpus, --queries and --qrels (BEIR format).`);
  }
  const say = (line: string): void => {
    if (!values.json) process.stdout.write(`${line}\n`);
  };
  const result = await runBeirEval({ corpus, queries, qrels, db: values.db ?? scratchPath(corpus) }, say);
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else say(`\n${formatEvalTable(result)}`);
  return 0;
});

function parseCommandLine() {
  try {
    return parseArgs({ options: { corpus: { type: 'string' }, queries: { type: 'string' }, qrels: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
