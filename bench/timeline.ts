/**
 * `npm run bench -- timeline`: /timeline on the whole UN General Debate
 * Corpus (1946–2024, ~11,000 speeches, ~1M passages) — the topics the issue
 * names and a word in nearly every speech, alone and for one organisation —
 * p50/p99 of Retriever.timeline (counts and quotes; there is no model in it)
 * and of drawing the PNG, beside the same SQL run in the sqlite3 shell.
 * Needs the database `npm run ingest:ungdc` builds at /tmp/ungdc-bench.sqlite;
 * skips with a message without it.
 */
import { existsSync } from 'node:fs';
import { timelinePng } from '../src/chart/png.js';
import { createCorpusRetriever } from '../src/search/corpus-retriever.js';
import type { Retriever, SearchFilters } from '../src/search/retriever.js';
import { Database } from '../src/store/database.js';
import { UNGDC_BENCH_DB } from './answerer.js';
import { machineLine, percentile, writeBenchmarkSection } from './report.js';
import { ensureSqliteShell, timeStatements } from './sqlite-shell.js';

/** Each case timed this many times (after one warm-up run), on both sides: enough for a p99 that is not just the slowest run. */
const ROUNDS = 100;
/** Drawing the chart is timed on this many of those runs. */
const PNG_ROUNDS = 10;
const TARGET_P99_MS = 200;

const CASES: { topic: string; filters: SearchFilters }[] = [
  { topic: 'apartheid', filters: {} },
  { topic: 'climate change', filters: {} },
  { topic: 'terrorism', filters: {} },
  { topic: 'peace', filters: {} },
  { topic: '"climate change"', filters: { from: '1990', to: '2024' } },
  { topic: 'apartheid', filters: { organisationPrefix: 'India' } },
];

interface Measured {
  label: string;
  ours: number[];
  /** CPU time of this process (JavaScript and SQLite's worker threads) per run: what contention on a shared machine does not inflate. */
  cpu: number[];
  png: number[];
  shell: number[];
  statements: number;
}

export async function benchTimeline(): Promise<void> {
  const say = (line: string) => console.log(line);
  if (!existsSync(UNGDC_BENCH_DB)) {
    say(`Skipped: no UN corpus database at ${UNGDC_BENCH_DB} (build it with npm run ingest:ungdc -- --db ${UNGDC_BENCH_DB}).`);
    return;
  }
  const shell = await ensureSqliteShell(say);
  const db = await Database.open(UNGDC_BENCH_DB, { readonly: true });
  try {
    const retriever = createCorpusRetriever(db);
    const measured: Measured[] = [];
    for (const { topic, filters } of CASES) {
      const label = `${topic}${filters.organisationPrefix ? `, organisation ${filters.organisationPrefix}` : ''}${filters.from ? `, ${filters.from}–${filters.to}` : ''}`;
      const statements = await tracedStatements(db, retriever, topic, filters);
      await timeStatements(shell, UNGDC_BENCH_DB, statements);
      const ours: number[] = [];
      const cpu: number[] = [];
      const png: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        const timeline = await retriever.timeline(topic, filters);
        const counted = performance.now();
        const used = process.cpuUsage(cpuStarted);
        cpu.push((used.user + used.system) / 1000);
        ours.push(counted - started);
        if (round < PNG_ROUNDS) {
          timelinePng(timeline);
          png.push(performance.now() - counted);
        }
      }
      const times = await timeStatements(shell, UNGDC_BENCH_DB, Array.from({ length: ROUNDS }, () => statements).flat());
      const shellTimes = Array.from({ length: ROUNDS }, (_, round) => times.slice(round * statements.length, (round + 1) * statements.length).reduce((sum, ms) => sum + ms, 0));
      measured.push({ label, ours, cpu, png, shell: shellTimes, statements: statements.length });
      say(`  ${label}: p50 ${percentile(ours, 50).toFixed(1)} ms, p99 ${percentile(ours, 99).toFixed(1)} ms; shell p50 ${percentile(shellTimes, 50).toFixed(1)} ms`);
    }
    const markdown = await report(measured, shell.description, await db.get<{ n: number }>('SELECT count(*) AS n FROM statements'));
    writeBenchmarkSection('timeline', markdown);
    say(markdown);
  } finally {
    await db.close();
  }
}

/** The SQL one timeline runs, parameters inlined (sqlite3's trace), for the shell to run the same. */
async function tracedStatements(db: Database, retriever: Retriever, topic: string, filters: SearchFilters): Promise<string[]> {
  await retriever.timeline(topic, filters);
  const statements: string[] = [];
  // FTS5's own internal statements are reported with a leading "--": the shell runs those itself.
  const listener = (sql: string): void => {
    if (!sql.startsWith('--')) statements.push(sql);
  };
  db.raw.on('trace', listener);
  try {
    await retriever.timeline(topic, filters);
  } finally {
    db.raw.removeListener('trace', listener);
  }
  return statements;
}

async function report(measured: readonly Measured[], shell: string, statements: { n: number } | undefined): Promise<string> {
  const ms = (value: number) => value.toFixed(1);
  const rows = measured.map(({ label, ours, cpu, png, shell: inShell, statements: count }) =>
    `| ${label} | ${ms(percentile(ours, 50))} | ${ms(percentile(ours, 99))} | ${ms(percentile(cpu, 50))} | ${ms(percentile(cpu, 99))} | ${ms(percentile(inShell, 50))} | ${ms(percentile(inShell, 99))} | ${count} | ${ms(percentile(png, 50))} |`,
  );
  const worst = Math.max(...measured.map(({ ours }) => percentile(ours, 99)));
  const os = await import('node:os');
  const load = os.loadavg()[0]!.toFixed(1);
  return [
    '## Timeline: /timeline on the UN General Debate Corpus',
    '',
    `${await machineLine()}. The UN General Debate Corpus as \`npm run ingest:ungdc\` builds it (${statements?.n ?? '?'} speeches, 1946–2024). Retriever.timeline — the statements mentioning the topic per year beside all the year's statements, and a cited sentence for where it first appears and its peaks — run ${ROUNDS} times after one warm-up; no model is involved. The shell column is the same SQL (every statement timeline() ran, parameters inlined) timed with \`.timer on\` in one ${shell} process on the same file. The CPU columns are this process's CPU time per run (JavaScript and SQLite's worker threads), which other work on a shared machine does not inflate as it does wall time (the load average is in the note below). The PNG column is drawing the chart (SVG → resvg), which the Discord reply and \`--png\` add.`,
    '',
    '| topic | timeline p50 ms | timeline p99 ms | CPU p50 ms | CPU p99 ms | shell p50 ms | shell p99 ms | SQL statements | PNG p50 ms |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Target: p99 under ${TARGET_P99_MS} ms for each, excluding the model — ${worst < TARGET_P99_MS ? 'met' : 'NOT met'} (worst wall p99 ${ms(worst)} ms, worst CPU p99 ${ms(Math.max(...measured.map(({ cpu }) => percentile(cpu, 99))))} ms; load average ${load} on ${os.cpus().length} cores at the end of the run). Counting reads statement_fts (one row per speech, migration 0005), not the ~1M passages; the quotes read the topic's matches once more, scoring with bm25 only the quoted years' speeches, and read a few of those speeches whole for a sentence naming the topic. On a shared machine the wall-time p99 is mostly waiting for a core: compare it with the CPU p99.`,
  ].join('\n');
}
