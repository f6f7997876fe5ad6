/**
 * `npm run eval -- [scifact] [ungdc] [options]` — retrieval quality, on each set
 * named (default: both; a set whose dataset in ../shared/datasets is absent is
 * skipped with a message):
 *
 * - scifact: a BEIR-format dataset (default ../shared/datasets/scifact, training
 *   queries) ingested into a scratch database with the real ingest (re-used and
 *   updated on later runs); the plain FTS5 bm25 baseline and our ranking (the
 *   one search() and the bot use): nDCG@10 and Recall@100, overall and on two
 *   fixed halves of the queries.
 * - ungdc: questions about the UN General Debate Corpus written from its data
 *   (issue 9: country, adjective, year, decade, topic), asked through the
 *   retrieval /ask uses; scored per category, half and phrasing. Its database
 *   is the benchmarks' (built when missing); a standard run writes its section
 *   of docs/benchmarks.md.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserFacingError } from '../errors.js';
import { formatEvalTable, runBeirEval, scratchPath } from '../search/eval/run.js';
import { intFlag, parseFlags, runCli, UsageError } from './cli-run.js';
import { evalUngdc } from './eval-ungdc.js';

const USAGE = `Usage: npm run eval -- [scifact] [ungdc] [options]

  scifact: --corpus corpus.jsonl --queries queries.jsonl --qrels qrels.tsv (BEIR; default ../shared/datasets/scifact)
  ungdc:   --dataset folder (default ../shared/datasets/ungdc) --per-category N (default 400) --seed N
  --db path   the named set's database (SciFact: a scratch database; UN: default $TMPDIR/ungdc-bench.sqlite)
  --json      one JSON line per set`;
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCIFACT = resolve(REPO_ROOT, '../shared/datasets/scifact');
const SETS = ['scifact', 'ungdc'] as const;

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags({
    corpus: { type: 'string' },
    queries: { type: 'string' },
    qrels: { type: 'string' },
    db: { type: 'string' },
    dataset: { type: 'string' },
    'per-category': { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  });
  const unknown = positionals.filter((name) => !(SETS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new UsageError(`Unknown set: ${unknown.join(', ')} (known: ${SETS.join(', ')})`);
  const beirGiven = values.corpus !== undefined || values.queries !== undefined || values.qrels !== undefined;
  const sets = positionals.length > 0 ? [...new Set(positionals)] : beirGiven ? ['scifact'] : [...SETS];
  if (values.db !== undefined && sets.length > 1) throw new UsageError('--db belongs to one set: name it (npm run eval -- scifact --db … or -- ungdc --db …).');
  const say = (line: string): void => {
    if (!values.json) process.stdout.write(`${line}\n`);
  };

  if (sets.includes('scifact')) {
    const corpus = resolve(values.corpus ?? join(SCIFACT, 'corpus.jsonl'));
    const queries = resolve(values.queries ?? join(SCIFACT, 'queries-train.jsonl'));
    const qrels = resolve(values.qrels ?? join(SCIFACT, 'qrels-train.tsv'));
    const missing = [corpus, queries, qrels].find((path) => !existsSync(path));
    if (missing && beirGiven) throw new UserFacingError('no_dataset', `No dataset file at ${missing}. Give --corpus, --queries and --qrels (BEIR format).`);
    if (missing) say(`scifact: skipped — no dataset file at ${missing}`);
    else {
      const result = await runBeirEval({ corpus, queries, qrels, db: values.db ?? scratchPath(corpus) }, say);
      if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else say(`\n${formatEvalTable(result)}`);
    }
  }
  if (sets.includes('ungdc')) {
    if (sets.includes('scifact')) say('');
    const result = await evalUngdc({
      db: values.db,
      dataset: values.dataset,
      perCategory: intFlag('per-category', values['per-category'], undefined),
      seed: intFlag('seed', values.seed, undefined, 0),
      say: (line) => (values.json ? process.stderr.write(`${line}\n`) : say(line)),
    });
    if (result && values.json) process.stdout.write(`${JSON.stringify({ set: 'ungdc', ...result })}\n`);
  }
  return 0;
});
