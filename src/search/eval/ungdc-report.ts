import { TEMPLATES } from './ungdc-templates.js';
import type { UngdcEvalResult } from './ungdc-run.js';
import { MEASURES, type ScoreSummary } from './ungdc-score.js';
import type { QuestionCategory } from './ungdc-templates.js';

/** The UN evaluation's figures, for the terminal and for docs/benchmarks.md. */

/**
 * The first run (2026-12-02, seed 9, 400 per category), kept so later runs
 * show it beside their own figures: retrieval before question understanding,
 * which ORs a question's names and years into the keyword query.
 */
const BASELINE: Readonly<Record<QuestionCategory, number>> = {
  'country-topic-year': 0.75,
  'adjective-topic-year': 0.455,
  'country-topic': 0.948,
  'country-topic-decade': 0.67,
  'topic-year': 0.646,
};

const percent = (value: number): string => (Number.isNaN(value) ? '–' : `${(value * 100).toFixed(1)}%`);
const withInterval = (summary: ScoreSummary): string => (summary.questions === 0 ? '–' : `${percent(summary.mean)} (${percent(summary.low)}–${percent(summary.high)})`);
const verdict = (mean: number, target: number | undefined): string => (target === undefined ? 'no target' : mean >= target ? 'met' : 'missed');

/** The per-category table, as `npm run eval -- ungdc` prints it. */
export function formatUngdcTable(result: UngdcEvalResult): string {
  const lines = [`${'category'.padEnd(22)} ${'target'.padEnd(7)} ${'all (95% CI)'.padEnd(24)} ${'development'.padEnd(12)} ${'held-back'.padEnd(12)} questions`];
  for (const row of result.categories) {
    lines.push(
      `${row.category.padEnd(22)} ${(row.target === undefined ? '–' : percent(row.target)).padEnd(7)} ${withInterval(row.all).padEnd(24)} ${percent(row.byHalf.development.mean).padEnd(12)} ${percent(row.byHalf['held-back'].mean).padEnd(12)} ${row.all.questions}`,
    );
  }
  lines.push('', 'By template:');
  for (const row of sortedTemplates(result)) lines.push(`  ${row.key.padEnd(26)} ${percent(row.summary.mean).padStart(6)}  n=${String(row.summary.questions).padEnd(4)} ${patternOf(row.key)}`);
  lines.push('', 'By naming and topic kind:');
  for (const row of [...result.byNaming, ...result.byTopicKind].filter((row) => !['none', 'adjective'].includes(row.key))) lines.push(`  ${`${row.category} ${row.key}`.padEnd(36)} ${percent(row.summary.mean).padStart(6)}  n=${row.summary.questions}`);
  lines.push('', `${result.msPerQuestion.toFixed(1)} ms per question; questions written in ${result.generationSeconds.toFixed(1)} s`);
  return lines.join('\n');
}

/** The section of docs/benchmarks.md. */
export function ungdcMarkdown(result: UngdcEvalResult, machine: string): string {
  const categories = result.categories.map(
    (row) =>
      `| ${row.category} | ${MEASURES[row.category]} | ${row.target === undefined ? '–' : `≥ ${percent(row.target)}`} | ${percent(BASELINE[row.category])} | **${withInterval(row.all)}** | ${percent(row.byHalf.development.mean)} (${row.byHalf.development.questions}) | ${percent(row.byHalf['held-back'].mean)} (${row.byHalf['held-back'].questions}) | ${verdict(row.all.mean, row.target)} |`,
  );
  const templates = sortedTemplates(result).map((row) => `| ${row.key} | ${patternOf(row.key)} | ${row.summary.questions} | ${percent(row.summary.mean)} |`);
  const naming = [...result.byNaming.filter((row) => row.key === 'corpus' || row.key === 'speakers').map((row) => ({ ...row, key: `named: ${row.key}` })), ...result.byTopicKind.map((row) => ({ ...row, key: `topic: ${row.key}` }))]
    .sort((a, b) => a.category.localeCompare(b.category) || a.key.localeCompare(b.key))
    .map((row) => `| ${row.category} | ${row.key} | ${row.summary.questions} | ${percent(row.summary.mean)} |`);
  const examples = result.categories.map((row) => result.questions.find((question) => question.category === row.category && question.half === 'development')).filter((question) => question !== undefined);
  return `## Questions about the UN General Debate Corpus (issue 9; \`npm run eval -- ungdc\`)

${machine}. Corpus: ${result.statements.toLocaleString('en')} statements (\`npm run ingest:ungdc\`). ${result.questions.length} questions, ${result.perCategory} per category (seed ${result.seed}), written by src/search/eval/ungdc-questions.ts from the ingested speeches — the speaker as the corpus names it or by another name speakers.csv gives it in that period, an adjective from src/search/eval/ungdc-demonyms.ts, and a topic of one or two words the speech itself uses often and most speeches don't (src/search/eval/ungdc-topics.ts) — never from the bot's output. Each question is asked alone, without filters, through \`askRanking\` (src/answer/ask-ranking.ts: \`retrieveForQuestion\`, as /ask retrieves), and judged on the statements in the order the answer numbers its sources. Halves: a fixed split by a hash of the speaker's country code (\`questionHalf\`), so every question about a country is in one half; work on the development half, check on the held-back half. Intervals: 95%, questions resampled.

| category | judged on | target | baseline | all (95% CI) | development (n) | held-back (n) | |
|---|---|---|---|---|---|---|---|
${categories.join('\n')}

Examples (development half): ${examples.map((question) => `“${question.text}”`).join(' · ')}

By phrasing template:

| template | pattern | questions | score |
|---|---|---|---|
${templates.join('\n')}

By how the speaker is named (corpus: the organisation name as ingested; speakers: another name from speakers.csv, e.g. “the USSR”, “Viet Nam”) and by the topic's kind (one word or a two-word phrase):

| category | questions | n | score |
|---|---|---|---|
${naming.join('\n')}

${result.msPerQuestion.toFixed(1)} ms per question (retrieval); the questions are written in ${result.generationSeconds.toFixed(1)} s. \`npm run eval -- ungdc --json\` gives every question with its score and first statement, for paired comparisons between runs.`;
}

function sortedTemplates(result: UngdcEvalResult): UngdcEvalResult['byTemplate'] {
  const order = new Map(TEMPLATES.map((template, i) => [template.id, i]));
  return [...result.byTemplate].sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
}

function patternOf(templateId: string): string {
  return TEMPLATES.find((template) => template.id === templateId)?.pattern ?? '';
}
