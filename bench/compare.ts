/**
 * `/compare` latency without the model: p50/p99 of comparer.compare() for
 * five countries on a topic, on the whole UN General Debate Corpus
 * (/tmp/ungdc-bench.sqlite, read only), beside the SQL those comparisons ran,
 * timed in the sqlite3 shell on the same file. Writes the "compare" section of
 * docs/benchmarks.md. Run: npm run bench -- compare
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createComparer } from '../src/answer/compare/comparer.js';
import { COMPARE_PASSAGES, COMPARE_PASSAGES_PER_STATEMENT } from '../src/answer/compare/retrieval.js';
import type { Comparer } from '../src/answer/compare/types.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createCorpusRetriever } from '../src/search/corpus-retriever.js';
import type { Database } from '../src/store/database.js';
import { openForReading } from '../src/store/migrate.js';
import { machineLine, percentile, writeBenchmarkSection } from './report.js';
import { ensureSqliteShell, timeStatements, type SqliteShell } from './sqlite-shell.js';

export const UNGDC_BENCH_DATABASE = '/tmp/ungdc-bench.sqlite';
const ROUNDS = 3;
const TARGET_P99_MS = 200;

/** Topics from the debates' own subjects, common words and rare alike. */
const TOPICS = ['nuclear disarmament', 'climate change', 'apartheid in South Africa', 'decolonization', 'international terrorism', 'human rights', 'the question of Palestine', 'economic development', 'peace', 'refugees', 'sanctions', 'the law of the sea', 'debt relief', 'HIV/AIDS', 'reform of the Security Council', 'the war in Afghanistan'];
/** Five countries each, as people type them: names, abbreviations, other names. */
const COUNTRY_SETS = [
  ['USA', 'USSR', 'UK', 'France', 'China'],
  ['Iran', 'Iraq', 'Egypt', 'Israel', 'Saudi Arabia'],
  ['Brazil', 'India', 'Nigeria', 'Indonesia', 'Mexico'],
];

interface Comparison {
  topic: string;
  organisations: string[];
}

export async function benchCompare(): Promise<void> {
  const say = (line: string) => console.log(line);
  if (!existsSync(UNGDC_BENCH_DATABASE)) {
    say(`Skipped: no UN corpus database at ${UNGDC_BENCH_DATABASE} (build one with npm run ingest:ungdc -- --db ${UNGDC_BENCH_DATABASE}).`);
    return;
  }
  const shell = await ensureSqliteShell(say);
  const comparisons = TOPICS.flatMap((topic) => COUNTRY_SETS.map((organisations) => ({ topic, organisations })));
  const db = await openForReading(UNGDC_BENCH_DATABASE);
  try {
    const comparer = createComparer({ retriever: createCorpusRetriever(db), config: loadConfig({}), log: createLogger('silent') });
    const measured = await measure(db, comparer, comparisons, shell);
    const passages = (await db.get<{ n: number }>('SELECT count(*) AS n FROM passages'))!.n;
    const markdown = await report(measured, comparisons.length, passages, shell);
    writeBenchmarkSection('compare', markdown);
    say(markdown);
  } finally {
    await db.close();
  }
}

/**
 * Each comparison once untimed (caches warm on both sides, as for search),
 * its SQL recorded through sqlite3's trace; then ROUNDS rounds alternating
 * with the shell, each comparison keeping its fastest time: the machine is
 * shared, and interference only ever adds time.
 */
async function measure(db: Database, comparer: Comparer, comparisons: readonly Comparison[], shell: SqliteShell): Promise<{ ours: number[]; shell: number[] }> {
  const statements: string[][] = [];
  let current: string[] = [];
  // FTS5's own statements come with a leading "--": the shell runs those itself.
  const listener = (sql: string): void => {
    if (!sql.startsWith('--')) current.push(sql);
  };
  db.raw.on('trace', listener);
  try {
    for (const comparison of comparisons) {
      current = [];
      await comparer.compare(comparison);
      // Trace events arrive after the query's callback: let them in before the next comparison starts.
      await new Promise((settle) => setTimeout(settle, 20));
      statements.push(current);
    }
  } finally {
    db.raw.removeListener('trace', listener);
  }
  const flat = statements.flat();
  await timeStatements(shell, UNGDC_BENCH_DATABASE, flat);
  const ours = comparisons.map(() => Number.POSITIVE_INFINITY);
  const inShell = comparisons.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, comparison] of comparisons.entries()) {
      const started = performance.now();
      await comparer.compare(comparison);
      ours[i] = Math.min(ours[i]!, performance.now() - started);
    }
    const times = await timeStatements(shell, UNGDC_BENCH_DATABASE, flat);
    let next = 0;
    statements.forEach((list, i) => {
      let total = 0;
      for (let k = 0; k < list.length; k++) total += times[next++]!;
      inShell[i] = Math.min(inShell[i]!, total);
    });
  }
  const slowest = [...ours.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
  for (const [i, time] of slowest) console.log(`  slowest: ${time.toFixed(1)} ms (shell ${inShell[i]!.toFixed(1)} ms) — ${comparisons[i]!.topic}: ${comparisons[i]!.organisations.join(', ')}`);
  return { ours, shell: inShell };
}

async function report(measured: { ours: number[]; shell: number[] }, count: number, passages: number, shell: SqliteShell): Promise<string> {
  const ms = (value: number): string => value.toFixed(1);
  const [p50, p99, s50, s99] = [percentile(measured.ours, 50), percentile(measured.ours, 99), percentile(measured.shell, 50), percentile(measured.shell, 99)];
  return [
    '## /compare: five organisations on a topic (UN General Debate Corpus)',
    '',
    `${await machineLine()}. ${count} comparisons (${TOPICS.length} topics × ${COUNTRY_SETS.length} sets of five countries, named as people type them: ${COUNTRY_SETS.map((set) => set.join(', ')).join('; ')}) on the whole corpus (${passages.toLocaleString('en')} passages), comparer.compare() without a model: the countries resolved, each searched on its own (${COMPARE_PASSAGES} passages, at most ${COMPARE_PASSAGES_PER_STATEMENT} per statement), each section's verbatim sentences chosen. Each comparison run once to warm up, then timed ${ROUNDS} times alternating with the shell, keeping its fastest time. The shell column is the same SQL (every statement the comparison ran, parameters inlined) timed with \`.timer on\` in one ${shell.description} process on the same file.`,
    '',
    '| | p50 ms | p99 ms |',
    '|---|---|---|',
    `| compare() | ${ms(p50)} | ${ms(p99)} |`,
    `| its SQL in the sqlite3 shell | ${ms(s50)} | ${ms(s99)} |`,
    `| ratio | ${(p50 / s50).toFixed(2)}× | ${(p99 / s99).toFixed(2)}× |`,
    '',
    'compare() starts the five searches at once, so its statements queue on the one connection without waiting on each other’s JavaScript; the shell runs them one after another and prints their rows, which is why it can take longer than the comparison itself. The slowest comparisons are those of the largest delegations on common words (the USA, the USSR, the UK, France and China: most passages per word), where the FTS5 statements (counting each word’s passages, bm25 over the candidates and over their statements: src/search/rank.ts) are most of the time.',
    '',
    `Target: p99 under ${TARGET_P99_MS} ms excluding the model — ${p99 < TARGET_P99_MS ? 'met' : 'not met'}. With a model, the comparison adds one model call (one prompt for all five organisations; its time is the model's).`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await benchCompare();
