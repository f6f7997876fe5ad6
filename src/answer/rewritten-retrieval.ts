import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Retriever, Understood } from '../search/retriever.js';
import { fuseRankings } from './fuse.js';
import type { Rewrite } from './query-rewrite.js';
import { ANSWER_PASSAGES, ANSWER_PASSAGES_PER_STATEMENT, retrieveForQuestion, type QuestionRetrieval } from './retrieval.js';
import { groupIntoSources } from './sources.js';
import { words } from './terms.js';
import type { AnswerRequest } from './types.js';

/**
 * How long an answer waits for its rewrite once the plain retrieval is done,
 * when that found something: the budget is the plain retrieval's time plus
 * this. The rewrite starts with the retrieval, which takes 7 ms at the median
 * on the UN corpus (300 ms for questions naming speakers: docs/benchmarks.md),
 * so the model has that long already. A hosted small model returns twenty
 * keywords in roughly half a second to a second, and the answer's own first
 * token comes about as long after its call: 300 ms more keeps the added wait
 * under a third of that, lets a fast server (local GPU, a warm connection)
 * make it, and a slow one adds no more than this — its rewrite lands in the
 * cache for the next ask instead (and the answer made without it is dropped
 * from the answer cache).
 */
export const DEFAULT_REWRITE_GRACE_MS = 300;

/**
 * Waits out the grace: resolves once `ms` have passed, and may stop (reject)
 * once `stop` aborts, when the rewrite came first. Injectable, so tests decide
 * when the grace runs out instead of racing a real timer.
 */
export type GraceTimer = (ms: number, stop: AbortSignal) => Promise<void>;

/** The grace in real time. */
export const realGraceTimer: GraceTimer = (ms, stop) => sleepFor(ms, undefined, { signal: stop });

export interface RewriteBudget {
  /**
   * Waited past the plain retrieval when that found something. When it found
   * nothing the answer waits for the rewrite whatever it takes (the rewriter
   * bounds it by its own timeout): without it the answer is "not covered",
   * and the rewrite — synonyms, the corpus's wording, a translation of a
   * question in another language than the statements — is the one thing that
   * could find something.
   */
  graceMs: number;
  /** Default realGraceTimer. */
  timer?: GraceTimer;
}

/** What became of the question's rewrite for this answer. */
export type RewriteUse = { status: 'used'; keywords: string[] } | { status: 'late'; pending: Promise<string[] | undefined> } | { status: 'none' };

const LATE = Symbol('late');

/**
 * The passages for a question, with its rewrite when there is one (started by
 * the caller, so the model works while this retrieves): the question is
 * searched as asked; if the rewrite's keywords are back within the budget,
 * they are searched too — within the same speakers and period, read from the
 * question — and the two rankings fused (fuse.ts); if not, the answer is made
 * from the plain retrieval and the rewrite goes on for the cache. When the
 * plain retrieval found nothing there is no grace: the answer waits for the
 * rewrite to settle (RewriteBudget).
 */
export async function retrieveWithRewrite(
  retriever: Retriever,
  request: AnswerRequest,
  options: { language: string; knownOrganisations?: readonly string[] },
  rewrite: Rewrite | undefined,
  budget: RewriteBudget,
): Promise<{ retrieval: QuestionRetrieval; rewrite: RewriteUse }> {
  const plain = await retrieveForQuestion(retriever, request, options);
  // Nothing searchable, or a question naming only who and when (browsed, newest first): keywords change nothing.
  if (!rewrite || plain.query === '') return { retrieval: plain, rewrite: { status: 'none' } };
  const grace = plain.hits === 0 ? undefined : (stop: AbortSignal) => (budget.timer ?? realGraceTimer)(budget.graceMs, stop);
  const keywords = rewrite.kind === 'cached' ? rewrite.keywords : await within(rewrite.done, grace, request.signal);
  if (keywords === LATE) return { retrieval: plain, rewrite: rewrite.kind === 'pending' ? { status: 'late', pending: rewrite.done } : { status: 'none' } };
  const searchFor = keywords ? withoutSpeakersAndPeriod(keywords, plain.understood) : [];
  if (!keywords?.length || searchFor.length === 0) return { retrieval: plain, rewrite: { status: 'none' } };
  const rewritten = await retrieveForQuestion(retriever, request, { ...options, searchFor: searchFor.join(' ') });
  return { retrieval: combine(plain, rewritten, keywords), rewrite: { status: 'used', keywords } };
}

/**
 * The plain and the reworded retrieval as one. Both read the same speakers and
 * period from the question; when only one of them found anything by those,
 * that one is kept whole, so the answer keeps to what it says it searched.
 */
function combine(plain: QuestionRetrieval, rewritten: QuestionRetrieval, keywords: readonly string[]): QuestionRetrieval {
  // The extractive fallback matches sentences against these words too: a translated question's, the reworded ones.
  const searched = { searchText: `${plain.searchText} ${keywords.join(' ')}`, query: plain.query, rewrittenQuery: rewritten.query };
  if (plain.understood?.use === 'fallback' && rewritten.understood?.use === 'filter') return { ...rewritten, ...searched };
  if (rewritten.hits === 0 || (plain.understood?.use === 'filter' && rewritten.understood?.use !== 'filter')) return { ...plain, ...searched };
  const passages = fuseRankings([plain.passages, rewritten.passages], { k: ANSWER_PASSAGES, perStatement: ANSWER_PASSAGES_PER_STATEMENT });
  return { ...plain, ...searched, passages, sources: groupIntoSources(passages), hits: passages.length };
}

/**
 * The keywords without the names of the speakers and the words of the period
 * the search first keeps to: within India's statements "India" is in every
 * passage (their organisation is indexed too), which tells nothing and makes
 * the search score them all — the question's own search leaves them out
 * likewise. Kept when explicit options overrode them (then they are words).
 */
function withoutSpeakersAndPeriod(keywords: readonly string[], understood: Understood | undefined): string[] {
  if (!understood || understood.use === 'overridden') return [...keywords];
  const named = new Set(words([...understood.speakers.flatMap((speaker) => [speaker.text, ...speaker.organisations]), understood.period?.text ?? ''].join(' ')));
  return keywords.filter((keyword) => !words(keyword).every((word) => named.has(word)));
}

/**
 * The promise's value if it settles before the grace (if any) runs out, else
 * LATE; rejects if the signal aborts first. The grace's timer is stopped once
 * the race is decided.
 */
function within<T>(promise: Promise<T>, grace: ((stop: AbortSignal) => Promise<void>) | undefined, signal: AbortSignal | undefined): Promise<T | typeof LATE> {
  const stop = new AbortController();
  const racers: Promise<T | typeof LATE>[] = [promise];
  // A timer stopped after the race is decided rejects into a settled race: ignored.
  if (grace) racers.push(grace(stop.signal).then((): typeof LATE => LATE));
  if (signal) {
    racers.push(
      new Promise<never>((_, reject) => {
        if (signal.aborted) return reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true, signal: stop.signal });
      }),
    );
  }
  return Promise.race(racers).finally(() => stop.abort());
}
