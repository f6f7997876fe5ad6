import type { Database } from '../../store/database.js';
import { corpusStatistics, loadSpeeches, speechText } from './ungdc-corpus.js';
import { DEFAULT_QUESTIONS_PER_CATEGORY, DEFAULT_SEED, generateUngdcQuestions, type UngdcQuestion } from './ungdc-questions.js';
import { reportBy, reportByCategory, scoreQuestion, type CategoryReport, type RankedStatement, type ScoredQuestion, type ScoreSummary } from './ungdc-score.js';

/** A retrieval under test: the statements it would answer `question` from, first first. */
export type QuestionRanking = (question: string) => Promise<RankedStatement[]>;

export interface UngdcEvalResult {
  database: string;
  statements: number;
  seed: number;
  perCategory: number;
  generationSeconds: number;
  msPerQuestion: number;
  categories: CategoryReport[];
  byTemplate: { key: string; category: string; summary: ScoreSummary }[];
  /** By how the question names its speaker: the corpus's name, another from speakers.csv, an adjective. */
  byNaming: { key: string; category: string; summary: ScoreSummary }[];
  byTopicKind: { key: string; category: string; summary: ScoreSummary }[];
  /** Every question with its score and the first statement retrieved, for paired comparisons between runs. */
  questions: (UngdcQuestion & { score: number; first?: { organisation: string; date: string | null } })[];
}

/** The UN evaluation set, written from the database's speeches (seeded): what runUngdcEval asks, and what the understanding benchmark reads. */
export async function writeUngdcQuestions(db: Database, { speakersCsv, perCategory = DEFAULT_QUESTIONS_PER_CATEGORY, seed = DEFAULT_SEED }: { speakersCsv?: string; perCategory?: number; seed?: number }): Promise<UngdcQuestion[]> {
  const speeches = await loadSpeeches(db);
  const stats = await corpusStatistics(db);
  return generateUngdcQuestions({ speeches, text: (id) => speechText(db, id), stats, ...(speakersCsv ? { speakersCsv } : {}) }, { perCategory, seed });
}

/**
 * Write the UN evaluation set from the database's speeches (seeded), ask
 * `rank` every question, and score it by category, half, template, naming and
 * topic kind.
 */
export async function runUngdcEval(
  db: Database,
  { rank, speakersCsv, perCategory = DEFAULT_QUESTIONS_PER_CATEGORY, seed = DEFAULT_SEED }: { rank: QuestionRanking; speakersCsv?: string; perCategory?: number; seed?: number },
  say: (line: string) => void = () => undefined,
): Promise<UngdcEvalResult> {
  const generationStarted = performance.now();
  say(`Writing ${perCategory} questions per category (seed ${seed}) …`);
  const questions = await writeUngdcQuestions(db, { speakersCsv, perCategory, seed });
  const generationSeconds = (performance.now() - generationStarted) / 1000;
  say(`  ${questions.length} questions in ${generationSeconds.toFixed(1)} s; asking them …`);

  const results: UngdcEvalResult['questions'] = [];
  const started = performance.now();
  for (const question of questions) {
    const ranked = await rank(question.text);
    const first = ranked[0];
    results.push({ ...question, score: scoreQuestion(question, ranked), ...(first ? { first: { organisation: first.organisation, date: first.date } } : {}) });
  }
  const msPerQuestion = questions.length ? (performance.now() - started) / questions.length : 0;
  const scored: ScoredQuestion[] = results.map((result) => ({ question: result, score: result.score }));
  return {
    database: db.path,
    statements: (await corpusStatistics(db)).statements,
    seed,
    perCategory,
    generationSeconds,
    msPerQuestion,
    categories: reportByCategory(scored),
    byTemplate: reportBy(scored, (question) => question.template),
    byNaming: reportBy(scored, (question) => question.named),
    byTopicKind: reportBy(scored, (question) => question.topicKind),
    questions: results,
  };
}
