import { hasModel, type Config } from '../config.js';
import { log as defaultLog, type Logger } from '../log.js';
import type { Database } from '../store/database.js';
import { extractiveAnswer } from './extractive.js';
import { needsContext } from './follow-up.js';
import { answerLanguage } from './language.js';
import { notCoveredText } from './messages.js';
import { retrieveForQuestion, type QuestionRetrieval } from './retrieval.js';
import type { AnswerHandlers, AnswerRequest, AnswerResult, Answerer } from './types.js';

export type { AnswerHandlers, AnswerMode, AnswerRequest, AnswerResult, Answerer, CitedSource, ConversationTurn } from './types.js';

/** Tuning the answerer; the defaults are the product's, tests shorten the waits. */
export interface AnswererOptions {
  /** Answer cache in SQLite (default true). */
  cache?: boolean;
}

/**
 * The answerer: question in, grounded answer out. With a model configured it
 * streams the model's answer through the grounding checks; without one (and
 * whenever the model fails) it answers extractively with verbatim quotes; when
 * the corpus has nothing it says so and shows what it searched.
 */
export function createAnswerer(deps: { db: Database; config: Config; log?: Logger; options?: AnswererOptions }): Answerer {
  const { db, config } = deps;
  const log = deps.log ?? defaultLog;
  const useModel = hasModel(config);
  let organisationsCache: { version: number; organisations: string[] } | undefined;

  async function knownOrganisations(): Promise<string[]> {
    const { corpusVersion } = await import('../store/statement-writes.js');
    const version = await corpusVersion(db);
    if (organisationsCache?.version !== version) {
      const rows = await db.all<{ organisation: string }>(`SELECT DISTINCT organisation FROM statements WHERE organisation <> ''`);
      organisationsCache = { version, organisations: rows.map((row) => row.organisation) };
    }
    return organisationsCache.organisations;
  }

  return {
    async answer(request: AnswerRequest, handlers: AnswerHandlers = {}): Promise<AnswerResult> {
      void handlers;
      const started = performance.now();
      request.signal?.throwIfAborted();
      const language = answerLanguage(request.question, request.language);
      const isFollowUp = (request.history?.length ?? 0) > 0 && needsContext(request.question);
      const retrieval = await retrieveForQuestion(db, request, { language, knownOrganisations: isFollowUp ? await knownOrganisations() : [] });
      const retrievalMs = performance.now() - started;
      request.signal?.throwIfAborted();
      const base = baseResult(request, retrieval, retrievalMs);

      if (retrieval.hits === 0) {
        return finish(started, { ...base, mode: 'not-found', text: notCoveredText(base.searched, language, 'no-match') });
      }
      if (!useModel) {
        const extractive = extractiveAnswer(retrieval.searchText, retrieval.sources, language, 'no-model');
        if (!extractive) return finish(started, { ...base, mode: 'not-found', text: notCoveredText(base.searched, language, 'not-answered') });
        return finish(started, { ...base, mode: 'extractive', ...extractive });
      }
      log.warn('model answers are not wired yet; answering extractively');
      const extractive = extractiveAnswer(retrieval.searchText, retrieval.sources, language, 'fallback');
      if (!extractive) return finish(started, { ...base, mode: 'not-found', text: notCoveredText(base.searched, language, 'not-answered') });
      return finish(started, { ...base, mode: 'fallback', fallbackReason: 'model not wired', ...extractive });
    },
  };
}

function baseResult(request: AnswerRequest, retrieval: QuestionRetrieval, retrievalMs: number): Omit<AnswerResult, 'mode' | 'text'> {
  const filters: AnswerResult['searched']['filters'] = {};
  if (request.organisation) filters.organisation = request.organisation;
  if (request.from) filters.from = request.from;
  if (request.to) filters.to = request.to;
  return {
    sources: [],
    searched: { query: retrieval.query, filters, hits: retrieval.hits },
    timings: { retrievalMs, totalMs: 0 },
    cached: false,
  };
}

function finish(started: number, result: AnswerResult): AnswerResult {
  return { ...result, timings: { ...result.timings, totalMs: performance.now() - started } };
}
