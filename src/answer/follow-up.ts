import { words } from './terms.js';
import type { ConversationTurn } from './types.js';

/**
 * Follow-up questions lean on the turn before ("what did they say about
 * refugees?"). They are rewritten into a better search without a model call:
 * the question's words plus the previous question's words plus the
 * organisations the previous answer named. Deterministic, instant, testable,
 * and it works the same with no model configured (the extractive answerer
 * needs follow-ups too); a model rewrite would add a round trip and a failure
 * point before retrieval even starts. Search is an OR of words ranked by bm25,
 * so the extra words pull the earlier topic's passages up without excluding
 * anything the new question asks for.
 */

/** Words that point back at an earlier turn; a question holding one needs the context. */
const ANAPHORA = new Set(
  `they them their theirs it its this that these those he him his she her there such same also too else other others more
   sie ihr ihre ihnen es dies diese dieser dieses das dort auch er ihm ihn
   ils elles leur leurs eux il elle ce cela ça ceci celui celle ceux aussi
   ellos ellas su sus les lo la eso esto esta este ese esa también`.split(/\s+/),
);
/** Openings of a question that continues the previous one: "and …", "what about …". */
const CONTINUATION = /^\s*(?:and|but|also|so|what about|how about|und|aber|auch|was ist mit|und was|et|mais|aussi|et pour|y|pero|también|¿y|qué hay de)\b/iu;
/** A question this short ("why?", "when?") can only mean something with the earlier turn. */
const MAX_SELF_CONTAINED_SHORT_WORDS = 3;
/** How many organisations of the previous answer join the search. */
const MAX_CONTEXT_ORGANISATIONS = 2;

/** Does the question need the conversation to be understood? */
export function needsContext(question: string): boolean {
  const questionWords = words(question);
  if (questionWords.length <= MAX_SELF_CONTAINED_SHORT_WORDS) return true;
  return CONTINUATION.test(question) || questionWords.some((word) => ANAPHORA.has(word));
}

/**
 * The text to search for: the question alone, or — for a follow-up that needs
 * its context — the question followed by the previous question and the
 * organisations (from `knownOrganisations`) that the previous answer named.
 */
export function searchTextForTurn(question: string, history: readonly ConversationTurn[] | undefined, knownOrganisations: readonly string[] = []): string {
  return withContext(question, contextForTurn(question, history, knownOrganisations));
}

/** The question followed by its context (from contextForTurn), if any. */
export function withContext(question: string, context: string): string {
  return [question, context].filter((part) => part !== '').join(' ');
}

/** What a follow-up adds to its question for the search: the previous question and the organisations its answer named; '' for a question that stands alone. */
export function contextForTurn(question: string, history: readonly ConversationTurn[] | undefined, knownOrganisations: readonly string[] = []): string {
  if (!history || history.length === 0 || !needsContext(question)) return '';
  const previousQuestion = [...history].reverse().find((turn) => turn.role === 'user')?.content ?? '';
  const previousAnswer = [...history].reverse().find((turn) => turn.role === 'assistant')?.content ?? '';
  const organisations = organisationsNamed(previousAnswer, knownOrganisations).slice(0, MAX_CONTEXT_ORGANISATIONS);
  return [previousQuestion, ...organisations].filter((part) => part.trim() !== '').join(' ');
}

/** The known organisations a text names (whole words, as written), most mentioned first. */
export function organisationsNamed(text: string, knownOrganisations: readonly string[]): string[] {
  if (text === '') return [];
  const counts: { organisation: string; count: number }[] = [];
  for (const organisation of knownOrganisations) {
    if (organisation.length < 2) continue;
    const pattern = new RegExp(`(?<![\\p{Letter}\\p{Number}])${organisation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{Letter}\\p{Number}])`, 'gu');
    const count = text.match(pattern)?.length ?? 0;
    if (count > 0) counts.push({ organisation, count });
  }
  return counts.sort((a, b) => b.count - a.count).map((entry) => entry.organisation);
}
