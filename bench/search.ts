/**
 * Search latency: p50/p99 of search() over a few hundred varied queries at
 * ~10k and ≥1M passages (the UN General Debate Corpus, sliced and replicated:
 * search-corpus.ts), each beside the same SQL run by the sqlite3 shell on the
 * same database file; and retrieval quality on SciFact (npm run eval's numbers).
 * Writes the "search" section of docs/benchmarks.md. Run: npm run bench -- search
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMON_PASSAGES, ROW_BUDGET } from '../src/search/rank.js';
import { createFtsRetriever } from '../src/search/fts-retriever.js';
import type { Retriever } from '../src/search/retriever.js';
import { describeDifference, formatEvalTable, runBeirEval, scratchPath, type EvalResult } from '../src/search/eval/run.js';
import { readBeirQueries } from '../src/search/eval/beir.js';
import { mulberry32 } from '../src/search/eval/metrics.js';
import type { Database } from '../src/store/database.js';
import { openForReading } from '../src/store/migrate.js';
import { machineLine, percentile, writeBenchmarkSection } from './report.js';
import { ensureReplica, ensureUngdcDatabase, UNGDC_DIR } from './search-corpus.js';
import { ensureSqliteShell, timeStatements, type SqliteShell } from './sqlite-shell.js';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCIFACT = resolve(REPO_ROOT, '../shared/datasets/scifact');
const SEARCH_LIMIT = 10;
const MILLION = 1_000_000;
const ROUNDS = 3;

interface Measured {
  name: string;
  passages: number;
  ours: number[];
  shell: number[];
}

export async function benchSearch(): Promise<void> {
  const say = (line: string): void => console.log(line);
  if (!existsSync(UNGDC_DIR)) {
    say(`search: skipped — no UN corpus at ${UNGDC_DIR}`);
    return;
  }
  const shell = await ensureSqliteShell(say);
  const ungdc = await ensureUngdcDatabase(say);
  const sourcePassages = await countPassages(ungdc);
  const small = await ensureReplica(ungdc, 'passages-10k', { maxPassages: 10_000 }, say);
  const large = await ensureReplica(ungdc, 'passages-1m', { copies: Math.ceil(MILLION / sourcePassages) }, say);
  const queries = await benchQueries(small);
  say(`${queries.length} queries`);

  const measured: Measured[] = [];
  for (const [name, path] of [['~10k passages', small], ['≥1M passages', large]] as const) {
    say(`Timing ${name} (${path}) …`);
    measured.push(await measure(name, path, queries, shell));
  }
  let quality: EvalResult | undefined;
  if (existsSync(SCIFACT)) {
    say('SciFact (npm run eval) …');
    const corpus = join(SCIFACT, 'corpus.jsonl');
    quality = await runBeirEval({ corpus, queries: join(SCIFACT, 'queries-train.jsonl'), qrels: join(SCIFACT, 'qrels-train.tsv'), db: scratchPath(corpus) });
    say(formatEvalTable(quality));
  }
  const markdown = await report(measured, queries, shell, quality);
  writeBenchmarkSection('search', markdown);
  say(markdown);
}

/**
 * Time each query through search() (limit 10), and the SQL it ran (the
 * top-level statements, parameters expanded, recorded via sqlite3's trace)
 * in one sqlite3 shell process on the same file. Both sides run everything
 * once untimed first: the page cache, and the word counts search remembers,
 * are warm in both (the shell runs exactly the statements a warm search runs).
 * The machine is shared, so each side is timed ROUNDS times, alternating, and
 * each query keeps its fastest time: interference only ever adds time.
 */
async function measure(name: string, path: string, queries: readonly string[], shell: SqliteShell): Promise<Measured> {
  const db = await openForReading(path);
  const retriever = createFtsRetriever(db);
  try {
    for (const query of queries) await retriever.search(query, { limit: SEARCH_LIMIT });
    const statements = await traceStatements(db, retriever, queries);
    const flat = statements.flat();
    await timeStatements(shell, path, flat);
    const ours = queries.map(() => Number.POSITIVE_INFINITY);
    const inShell = queries.map(() => Number.POSITIVE_INFINITY);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, query] of queries.entries()) {
        const started = performance.now();
        await retriever.search(query, { limit: SEARCH_LIMIT });
        ours[i] = Math.min(ours[i]!, performance.now() - started);
      }
      const times = await timeStatements(shell, path, flat);
      let next = 0;
      statements.forEach((list, i) => {
        let total = 0;
        for (let k = 0; k < list.length; k++) total += times[next++]!;
        inShell[i] = Math.min(inShell[i]!, total);
      });
    }
    return { name, passages: await countPassages(path), ours, shell: inShell };
  } finally {
    await db.close();
  }
}

async function traceStatements(db: Database, retriever: Retriever, queries: readonly string[]): Promise<string[][]> {
  const perQuery: string[][] = [];
  let current: string[] = [];
  // FTS5's own internal statements are reported with a leading "--": the shell runs those itself.
  const listener = (sql: string): void => {
    if (!sql.startsWith('--')) current.push(sql);
  };
  db.raw.on('trace', listener);
  try {
    for (const query of queries) {
      current = [];
      await retriever.search(query, { limit: SEARCH_LIMIT });
      perQuery.push(current);
    }
  } finally {
    db.raw.removeListener('trace', listener);
  }
  return perQuery;
}

/**
 * A few hundred varied queries from real text, the same for every run: SciFact
 * claims (long questions, mostly rare words in this corpus), phrases of 2–6
 * words and single words cut from UN speeches (common and rare alike), and
 * questions naming a country ("What did Chile say about …?").
 */
export async function benchQueries(path: string): Promise<string[]> {
  const random = mulberry32(20_240_921);
  const db = await openForReading(path);
  try {
    const passages = (await db.all<{ text: string; organisation: string }>('SELECT p.text, s.organisation FROM passages p JOIN statements s ON s.id = p.statement_id ORDER BY p.id')).filter((row) => row.text.length > 200);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const words = (text: string): string[] => text.split(/\s+/).map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((word) => word.length > 0);
    const queries: string[] = [];
    if (existsSync(SCIFACT)) {
      const claims = readBeirQueries(join(SCIFACT, 'queries-train.jsonl'));
      for (let i = 0; i < 80; i++) queries.push(claims[Math.floor((i * claims.length) / 80)]!.text);
    }
    for (let i = 0; i < 120; i++) {
      const list = words(pick(passages).text);
      const length = 2 + Math.floor(random() * 5);
      const start = Math.floor(random() * Math.max(1, list.length - length));
      queries.push(list.slice(start, start + length).join(' '));
    }
    for (let i = 0; i < 60; i++) {
      const list = words(pick(passages).text).filter((word) => word.length >= 4);
      if (list.length > 0) queries.push(pick(list));
    }
    for (let i = 0; i < 40; i++) {
      const passage = pick(passages);
      const topic = pick(words(passage.text).filter((word) => word.length >= 6)) ?? 'peace';
      queries.push(`What did ${passage.organisation} say about ${topic}?`);
    }
    return queries;
  } finally {
    await db.close();
  }
}

async function countPassages(path: string): Promise<number> {
  const db = await openForReading(path);
  try {
    return (await db.get<{ n: number }>('SELECT count(*) AS n FROM passages'))!.n;
  } finally {
    await db.close();
  }
}

async function report(measured: readonly Measured[], queries: readonly string[], shell: SqliteShell, quality: EvalResult | undefined): Promise<string> {
  const ms = (value: number): string => value.toFixed(1);
  const rows = measured.map((m) => {
    const [p50, p99, s50, s99] = [percentile(m.ours, 50), percentile(m.ours, 99), percentile(m.shell, 50), percentile(m.shell, 99)];
    return `| ${m.name} (${m.passages.toLocaleString('en')}) | ${ms(p50)} | ${ms(p99)} | ${ms(s50)} | ${ms(s99)} | ${(p50 / s50).toFixed(2)}× | ${(p99 / s99).toFixed(2)}× |`;
  });
  const lines = [
    '## Search',
    '',
    `${await machineLine()}. ${queries.length} queries (80 SciFact claims, 120 phrases of 2–6 words and 60 single words cut from UN speeches, 40 "What did <country> say about <word>?"), search() with limit ${SEARCH_LIMIT}, each run once to warm up, then timed ${ROUNDS} times alternating with the shell, keeping each query's fastest time (the machine is shared; interference only adds). The shell column is the same SQL (every statement search() ran for the query, parameters inlined) timed with \`.timer on\` in one ${shell.description} process on the same file.`,
    '',
    '| corpus (passages) | search p50 ms | search p99 ms | shell p50 ms | shell p99 ms | ratio p50 | ratio p99 |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Targets: p99 under 20 ms at ≥1M passages, within 1.5× of the shell. The ≥1M corpus is the UN General Debate Corpus ingested by \`npm run ingest:ungdc\`, replicated (copies are separate statements). Ranking stays within a budget (src/search/rank.ts): bm25() scores at most ~${ROW_BUDGET.toLocaleString('en')} passages per query and never a word in more than ${COMMON_PASSAGES.toLocaleString('en')} passages — FTS5 recounts such a word's passages for the IDF on every query; such words are scored in JavaScript from remembered counts.`,
  ];
  if (quality) {
    lines.push(
      '',
      `### Retrieval quality (SciFact, training queries; \`npm run eval\`)`,
      '',
      `${quality.documents} documents ingested by the real ingest into ${quality.passages} passages; ${quality.ours.queries} judged queries; halves A/B are a fixed split by query id.`,
      '',
      '| method | nDCG@10 | Recall@100 | nDCG@10 half A | half B | ms/query |',
      '|---|---|---|---|---|---|',
      ...([['plain FTS5 bm25 (whole documents, every word OR-ed)', quality.baseline], ['ours (search/retrieve ranking)', quality.ours]] as const).map(([name, s]) => `| ${name} | ${s.ndcg10.toFixed(4)} | ${s.recall100.toFixed(4)} | ${s.ndcg10ByHalf.A.toFixed(4)} | ${s.ndcg10ByHalf.B.toFixed(4)} | ${s.msPerQuery.toFixed(1)} |`),
      '',
      describeDifference(quality),
      '',
      'Ours: stop words dropped; bm25 column weights text 1, title 2, organisation 2; each candidate passage scored half by its own bm25 and half by its statement’s bm25 over the whole statement (statement_fts; src/search/statement-evidence.ts); a statement ranked by its best passage; all within the row budget above. The baseline scores whole documents with every word OR-ed, as the issue defines it.',
      '',
      'Measured on the training queries while choosing (2026-11-23; nDCG@10 all / half A / half B):',
      '',
      '| variant | nDCG@10 | A | B |',
      '|---|---|---|---|',
      '| baseline (plain FTS5, whole documents) | 0.6987 | 0.7065 | 0.6906 |',
      '| + stop words dropped | 0.7029 | 0.7099 | 0.6958 |',
      '| + title weight 2 | 0.7048 | 0.7122 | 0.6972 |',
      '| passages, best passage, weights 1/2/2 (1,000-character passages; the ingest\'s 700-character passages give 0.6983 / 0.7007 / 0.6960) | 0.7044 | 0.7093 | 0.6995 |',
      '| **700-character passages + the statement\'s own bm25, even mix (w 0.5; shipped)** | 0.7080 | 0.7132 | 0.7026 |',
      '| the same, w 0.3 / 0.4 / 0.6 / 0.7 | 0.7058 / 0.7081 / 0.7089 / 0.7095 | 0.7103–0.7161 | 0.7012–0.7027 |',
      '| the same, fused by reciprocal rank (k 10–60) instead of scores | 0.7024–0.7027 | 0.7063–0.7067 | 0.6985–0.6986 |',
      '| learned mix of passage bm25, statement bm25, idf-weighted word coverage, title coverage, proximity (coordinate ascent on one half, scored on the other) | 0.7094 (cross-validated) | 0.7156 | 0.7032 |',
      '| document bm25 re-ranked in JS, k1/b grid (0.6–2.0 / 0.4–0.9) | 0.693–0.704 | | |',
      '| + term proximity (pairs within 8 words, λ 0.1) | 0.7068 | 0.7096 | 0.7040 |',
      '| + RM3 pseudo-relevance feedback (10 docs, 10–30 terms, α 0.5–0.8) | 0.668–0.701 | | |',
      '| + abbreviation expansion mined from candidates (Schwartz–Hearst) | 0.6858 | 0.6919 | 0.6795 |',
      '| score regularisation over candidate neighbours (β 0.3, k 5) | 0.7092 | 0.7166 | 0.7016 |',
      '| best passage + 0.1–0.5 × the statement\'s other passages | 0.660–0.698 | | |',
      '',
      'The statement-level score is the one change that gained on both halves at every weight tried; an even mix is shipped rather than the best weight, and a learned mix of five features did no better on held-out halves than the even mix. Rows above it without a statement score were measured with a single-stage ranking; the re-rankers (RM3, proximity, regularisation) cost 50–150 ms a query at this size and did not beat the split-half noise.',
      '',
      'Where the remaining loss is: 138 of the 809 queries score 0, and their relevant abstract mostly shares few words with the claim — "ATM and Rad3 related protein" against an abstract that says "ATR", "0-dimensional biomaterials" against one on "nanotechnologies". No re-weighting of the words a question and a document share recovers those; published lexical results on SciFact stay within ~0.02 of bm25, and the models that do better (dense or learned-sparse retrievers, cross-encoders) need weights from a model hub this machine cannot reach.',
      '',
      '### Second stages over passage bm25 (measured, not shipped)',
      '',
      '2026-11-23, the 700-character passages, before statement scores were added; the best 100 (proximity) or 50 (regularisation) bm25 passages of each query re-scored as bm25 / the query\'s best + the second stage, so a weight means the same for every query; weights chosen on half A from ≤ 10 settings, half B read once. `npx tsx bench/search-proximity-grid.ts` and `bench/search-regularise-grid.ts` re-run the grids (features in src/search/eval/proximity.ts); they now start from the ranking with statement scores.',
      '',
      '| second stage | best setting on A | nDCG@10 | A | B |',
      '|---|---|---|---|---|',
      '| none (the passage ranking before statement scores) | | 0.6983 | 0.7007 | 0.6960 |',
      '| SDM proximity: adjacent query-word pairs, ordered within 2 positions + unordered within 8, log(1 + count), mean over pairs; λ 0.02–0.2 each | λ ordered 0, unordered 0.05 | 0.6979 | 0.7016 | 0.6941 |',
      '| bigrams only (ordered, adjacent), λ 0.01–0.2 | λ 0.02 | 0.6988 | 0.7016 | 0.6960 |',
      '| SDM as above, pairs weighted by their rarer word\'s idf | λ ordered 0.05 | 0.6975 | 0.7011 | 0.6939 |',
      '| SDM summed over pairs instead of averaged, λ 0.05–0.3 | (all worse) | 0.602–0.689 | | |',
      '| score regularisation over candidate neighbours (tf-idf cosine within the candidates), β 0.1–0.5, k 3/5/10 | β 0.2, k 3 | 0.6972 | 0.7030 | 0.6912 |',
      '',
      'Each best-on-A setting gains ≤ 0.0025 on A and loses or ties on B — within the split-half noise — so neither was added. Cost in JS, stems cached per token: proximity features for 100 passages 5.2 ms p50 / 13.8 ms p99 a query, the neighbour similarities for 50 passages 10 ms — both above the ~3 ms a search can spare at 1M passages (ratio p50 1.47× against the 1.5× target).',
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await benchSearch();
