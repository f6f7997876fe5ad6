import type { AnswerRequest } from '../answer/types.js';
import { UserFacingError } from '../errors.js';
import { validateFilters } from '../search/filters.js';

/**
 * The longest question accepted. A question is a sentence or two; 1,000
 * characters (~250 tokens) keeps the prompt and its cost bounded and still
 * leaves room for a pasted paragraph. Discord's own cap on a string option is 6,000.
 */
export const MAX_QUESTION_CHARS = 1_000;
export { MAX_ORGANISATION_CHARS } from '../search/filters.js';

export interface AskInput {
  question: string;
  organisation?: string | null;
  from?: string | null;
  to?: string | null;
}

/**
 * Check a question and its filters before it costs anything (a queue place, a
 * model call), so a mistake gets an immediate, specific message. The
 * organisation (a typed prefix) and dates are checked by the search filters'
 * own rules (validateFilters: YYYY, YYYY-MM or YYYY-MM-DD; from ≤ to; length).
 * Throws UserFacingError; returns the request without empty options.
 */
export function validateAskInput(input: AskInput): Pick<AnswerRequest, 'question' | 'organisation' | 'from' | 'to'> {
  const question = input.question.trim();
  if (question === '') {
    throw new UserFacingError('empty_question', 'Please type a question, for example: What do the statements say about the Taliban?');
  }
  if (question.length > MAX_QUESTION_CHARS) {
    throw new UserFacingError('question_too_long', `Your question is ${question.length.toLocaleString('en')} characters long; please keep it under ${MAX_QUESTION_CHARS.toLocaleString('en')}.`);
  }
  const { organisationPrefix: organisation, from, to } = validateFilters({ organisationPrefix: input.organisation ?? undefined, from: input.from ?? undefined, to: input.to ?? undefined });
  return { question, ...(organisation ? { organisation } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
