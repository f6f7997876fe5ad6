import { bootstrapInterval, mean } from './metrics.js';
import type { Half, UngdcQuestion } from './ungdc-questions.js';
import { CATEGORIES, type QuestionCategory } from './ungdc-templates.js';

/**
 * How a retrieval answers the UN evaluation questions, judged on its
 * statements in the order the answer numbers its sources ([1] first).
 */

/** A retrieved statement, as scoring needs it. */
export interface RankedStatement {
  statementId: number;
  organisation: string;
  /** ISO date as stored ("1984"); null when unknown. */
  date: string | null;
}

/** The share of "the top five" a topic-year question is judged on. */
export const TOP_STATEMENTS = 5;

/** The targets; the decade questions have none and are reported for information. */
export const TARGETS: Readonly<Partial<Record<QuestionCategory, number>>> = {
  'country-topic-year': 0.95,
  'adjective-topic-year': 0.9,
  'country-topic': 0.98,
  'topic-year': 0.95,
};

/** What each category's score means, for the reports. */
export const MEASURES: Readonly<Record<QuestionCategory, string>> = {
  'country-topic-year': 'that speech first',
  'adjective-topic-year': 'that speech first',
  'country-topic': 'a statement by that speaker first',
  'country-topic-decade': 'a statement by that speaker from that decade first',
  'topic-year': `share of the first ${TOP_STATEMENTS} statements from that year`,
};

function yearOf(statement: RankedStatement): number | undefined {
  const year = Number(statement.date?.slice(0, 4));
  return Number.isInteger(year) && year > 0 ? year : undefined;
}

/**
 * One question's score in [0, 1]: 1 or 0 for the questions about one speech or
 * speaker (by the organisation the corpus gives it: a Soviet statement doesn't
 * answer a question about the Russian Federation); for topic-year questions,
 * the share of the first TOP_STATEMENTS statements (or of all, when fewer came
 * back; 0 when none) dated that year.
 */
export function scoreQuestion(question: Pick<UngdcQuestion, 'category' | 'speech'>, ranked: readonly RankedStatement[]): number {
  const first = ranked[0];
  const expected = question.speech;
  switch (question.category) {
    case 'country-topic-year':
    case 'adjective-topic-year':
      return first?.statementId === expected.statementId ? 1 : 0;
    case 'country-topic':
      return first?.organisation === expected.organisation ? 1 : 0;
    case 'country-topic-decade': {
      const year = first ? yearOf(first) : undefined;
      const decade = Math.floor(expected.year / 10) * 10;
      return first?.organisation === expected.organisation && year !== undefined && year >= decade && year < decade + 10 ? 1 : 0;
    }
    case 'topic-year': {
      const top = ranked.slice(0, TOP_STATEMENTS);
      return top.length === 0 ? 0 : top.filter((statement) => yearOf(statement) === expected.year).length / top.length;
    }
  }
}

export interface ScoredQuestion {
  question: UngdcQuestion;
  score: number;
}

export interface ScoreSummary {
  questions: number;
  mean: number;
  /** 95% percentile-bootstrap interval of the mean (questions resampled; seeded). */
  low: number;
  high: number;
}

/** Mean and 95% interval of the scores. */
export function summarise(scores: readonly number[], resamples = 2_000): ScoreSummary {
  if (scores.length === 0) return { questions: 0, mean: Number.NaN, low: Number.NaN, high: Number.NaN };
  return { questions: scores.length, mean: mean(scores), ...bootstrapInterval(scores, 0x9e3779b9, resamples) };
}

export interface CategoryReport {
  category: QuestionCategory;
  target?: number;
  all: ScoreSummary;
  byHalf: Record<Half, ScoreSummary>;
}

/** Per category: all questions and each half. */
export function reportByCategory(scored: readonly ScoredQuestion[]): CategoryReport[] {
  return CATEGORIES.map((category) => {
    const own = scored.filter((entry) => entry.question.category === category);
    const of = (half: Half) => summarise(own.filter((entry) => entry.question.half === half).map((entry) => entry.score));
    return { category, target: TARGETS[category], all: summarise(own.map((entry) => entry.score)), byHalf: { development: of('development'), 'held-back': of('held-back') } };
  });
}

/** Mean score per value of `key` (a template, how the speaker is named, the topic's kind), in first-seen order. */
export function reportBy(scored: readonly ScoredQuestion[], key: (question: UngdcQuestion) => string): { key: string; category: QuestionCategory; summary: ScoreSummary }[] {
  const groups = new Map<string, ScoredQuestion[]>();
  for (const entry of scored) {
    const name = `${entry.question.category}\u0000${key(entry.question)}`;
    groups.set(name, [...(groups.get(name) ?? []), entry]);
  }
  return [...groups].map(([name, entries]) => ({ key: name.split('\u0000')[1]!, category: entries[0]!.question.category, summary: summarise(entries.map((entry) => entry.score)) }));
}
