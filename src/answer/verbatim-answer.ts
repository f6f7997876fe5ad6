import { closestPassagesAnswer } from './closest-passages.js';
import { extractiveAnswer } from './extractive.js';
import type { QuestionRetrieval } from './retrieval.js';
import type { AnswerResult } from './types.js';

/**
 * An answer of verbatim quotes (no model, or the model failed): the sentences
 * that match the question (extractive.ts); failing those, the closest passages
 * of the statements found, marked as maybe not answering it
 * (closest-passages.ts); undefined when there is nothing to quote.
 */
export function quotedAnswer(retrieval: QuestionRetrieval, language: string, why: 'no-model' | 'fallback'): Pick<AnswerResult, 'text' | 'sources' | 'mayNotAnswer'> | undefined {
  const extractive = extractiveAnswer(retrieval.searchText, retrieval.sources, language, why);
  if (extractive) return extractive;
  const closest = closestPassagesAnswer(retrieval.searchText, retrieval.sources, language, why);
  return closest ? { ...closest, mayNotAnswer: true } : undefined;
}
