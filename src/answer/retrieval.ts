import { QUOTED_PHRASE } from '../search/fts-query.js';
import type { RetrievedPassage, Retriever, Understood } from '../search/retriever.js';
import { contextForTurn, withContext } from './follow-up.js';
import { groupIntoSources, type NumberedSource } from './sources.js';
import { STOP_WORDS_BY_LANGUAGE, words } from './terms.js';
import type { AnswerRequest } from './types.js';

/** Passages an answer is built from, and how many each statement may give (diversity across statements). */
export const ANSWER_PASSAGES = 8;
export const ANSWER_PASSAGES_PER_STATEMENT = 2;
/** Passages attached on each side of a retrieved one, so the model sees a quote's context. */
export const ANSWER_NEIGHBOURS = 1;

export interface QuestionRetrieval {
  /** The plain text searched for (the question, rewritten for a follow-up). */
  searchText: string;
  /** The FTS5 query run; '' when nothing in the question was searchable. */
  query: string;
  /** The query of the question's keywords as the model reworded them, when they were searched too. */
  rewrittenQuery?: string;
  /** The passages retrieved, best first (grouped into `sources`). */
  passages: RetrievedPassage[];
  sources: NumberedSource[];
  /** Passages retrieved. */
  hits: number;
  /** Who and when the question named, and whether the search kept to them. */
  understood?: Understood;
}

/**
 * The sources for a question: the question (with its conversation's context
 * when it is a follow-up, without another language's function words) searched
 * with the request's filters, grouped into numbered statements. The typed
 * organisation is a prefix; `organisations` are exact names sharing the passages.
 * The speakers and period the question names become filters where the request
 * gives none (understood-retriever.ts).
 */
export async function retrieveForQuestion(
  retriever: Retriever,
  request: AnswerRequest,
  options: { language: string; knownOrganisations?: readonly string[]; k?: number; neighbours?: number; searchFor?: string },
): Promise<QuestionRetrieval> {
  const context = contextForTurn(request.question, request.history, options.knownOrganisations);
  const searchText = withContext(request.question, context);
  // Who and when are read from the question asked now; a follow-up's earlier turn only adds words to search for.
  const { query, passages, understood } = await retriever.retrievePassages(withoutStopWords(request.question, options.language), {
    understand: true,
    ...(context ? { context: withoutStopWords(context, options.language) } : {}),
    ...(options.searchFor ? { searchFor: options.searchFor } : {}),
    k: options.k ?? ANSWER_PASSAGES,
    perStatement: ANSWER_PASSAGES_PER_STATEMENT,
    neighbours: options.neighbours ?? ANSWER_NEIGHBOURS,
    organisationPrefix: request.organisation,
    organisations: request.organisations,
    from: request.from,
    to: request.to,
  });
  return { searchText, query, passages, sources: groupIntoSources(passages), hits: passages.length, ...(understood ? { understood } : {}) };
}

/**
 * Search drops English function words itself; a German, French or Spanish
 * question's ("die", "sur", "los") would otherwise be searched as English words.
 * Words in capitals are kept: they are acronyms ("DIE LINKE" aside).
 */
export function withoutStopWords(text: string, language: string): string {
  const stopWords = language === 'en' ? undefined : STOP_WORDS_BY_LANGUAGE[language];
  if (!stopWords) return text;
  const dropped = (part: string) =>
    part
      .split(/(\s+)/)
      .filter((token) => {
        const [word] = words(token);
        return word === undefined || token !== token.toLowerCase() && token === token.toUpperCase() || !stopWords.has(word);
      })
      .join('');
  // A "quoted phrase" is searched as written: « la paix » is those words in that order.
  let kept = '';
  let at = 0;
  for (const match of text.matchAll(QUOTED_PHRASE)) {
    kept += `${dropped(text.slice(at, match.index))} ${match[0]} `;
    at = match.index + match[0].length;
  }
  return `${kept}${dropped(text.slice(at))}`.replace(/\s+/g, ' ').trim();
}
