import type { RankedStatement } from '../search/eval/ungdc-score.js';
import type { Retriever } from '../search/retriever.js';
import { answerLanguage } from './language.js';
import { retrieveForQuestion } from './retrieval.js';

/**
 * The statements /ask would answer a new question from, in the order the
 * answer numbers its sources — the one place the UN evaluation
 * (`npm run eval -- ungdc`) calls the bot's retrieval. When
 * retrieveForQuestion's signature changes (the Retriever interface, question
 * understanding), change this function and nothing else.
 */
export function askRanking(retriever: Retriever): (question: string) => Promise<RankedStatement[]> {
  return async (question) => {
    const { sources } = await retrieveForQuestion(retriever, { question }, { language: answerLanguage(question, undefined) });
    return sources.map(({ statement }) => ({ statementId: statement.id, organisation: statement.organisation, date: statement.date }));
  };
}
