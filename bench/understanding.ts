/**
 * What reading who and when costs a question: understandQuestion over the UN
 * General Debate Corpus's organisations (with the corpus's aliases, the
 * world-countries names and demonyms) for the questions of `npm run eval --
 * ungdc` and the answerer benchmark's, after a warm-up round; and building the
 * directory, which happens once per corpus version. Target: under 1 ms p99 per
 * question. Writes the "understanding" section of docs/benchmarks.md.
 * Run alone: `npm run bench -- understanding`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFtsRetriever } from '../src/search/fts-retriever.js';
import { writeUngdcQuestions } from '../src/search/eval/ungdc-run.js';
import { OrganisationDirectory } from '../src/search/understand/organisations.js';
import { understandQuestion } from '../src/search/understand/understand.js';
import { openForReading } from '../src/store/migrate.js';
import { UNGDC_BENCH_DB } from './answerer.js';
import { machineLine, percentile, writeBenchmarkSection } from './report.js';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const SPEAKERS = resolve(REPO_ROOT, '../shared/datasets/ungdc/speakers.csv');
const ROUNDS = 5;
const TARGET_P99_MS = 1;

export async function benchUnderstanding(): Promise<void> {
  if (!existsSync(UNGDC_BENCH_DB) || !existsSync(SPEAKERS)) {
    console.log(`understanding: skipped — needs ${UNGDC_BENCH_DB} (npm run bench -- answerer builds it) and ${SPEAKERS}`);
    return;
  }
  const db = await openForReading(UNGDC_BENCH_DB);
  try {
    const retriever = createFtsRetriever(db);
    const organisations = await retriever.organisations();
    const buildStarted = performance.now();
    const directory = OrganisationDirectory.ofCorpus(organisations);
    const buildMs = performance.now() - buildStarted;
    const questions = (await writeUngdcQuestions(db, { speakersCsv: readFileSync(SPEAKERS, 'utf8'), perCategory: 100, seed: 1 })).map((question) => question.text);
    const now = new Date();
    for (const question of questions) understandQuestion(question, directory, now);
    const times: number[] = [];
    const byQuestion = questions.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round++) {
      questions.forEach((question, i) => {
        const started = performance.now();
        understandQuestion(question, directory, now);
        const ms = performance.now() - started;
        times.push(ms);
        byQuestion[i]!.push(ms);
      });
    }
    // Each question's median over the rounds: what reading it costs, without the collector's or the scheduler's pauses that land on one call.
    const medians = byQuestion.map((round) => percentile(round, 50));
    const p50 = percentile(medians, 50);
    const p99 = percentile(medians, 99);
    const markdown = [
      '## Understanding a question: who and when',
      '',
      `${await machineLine()} · \`npm run bench -- understanding\` · ${organisations.length} organisations of the UN General Debate Corpus with their aliases; ${questions.length} questions of the UN evaluation's phrasings × ${ROUNDS} rounds after a warm-up round.`,
      '',
      '| | p50 ms | p99 ms |',
      '|---|---|---|',
      `| reading one question (organisations, speaker or topic, period, keywords): each question's median of ${ROUNDS} | ${p50.toFixed(3)} | **${p99.toFixed(3)}** |`,
      `| — every single call (a garbage collection or a descheduling on this shared machine lands on some) | ${percentile(times, 50).toFixed(3)} | ${percentile(times, 99).toFixed(3)} |`,
      '',
      `Target: under ${TARGET_P99_MS} ms p99 — ${p99 < TARGET_P99_MS ? 'met' : 'missed'}. Building the directory (once per corpus version; it loads the world-countries data): ${buildMs.toFixed(0)} ms.`,
    ].join('\n');
    console.log(markdown);
    writeBenchmarkSection('understanding', markdown);
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchUnderstanding();
