import { hasModel, type Config } from '../config.js';
import { detectLanguage } from '../language/detect.js';
import { log as defaultLog, type Logger } from '../log.js';
import type { Retriever } from '../search/retriever.js';
import type { Database } from '../store/database.js';
import { AnswerCache, cacheKey } from './cache.js';
import { isForeignQuestion, statementLanguages } from './corpus-languages.js';
import { needsContext } from './follow-up.js';
import { generateGroundedAnswer } from './generate.js';
import { answerLanguage } from './language.js';
import { notCoveredText, questionLanguageOnlyLine } from './messages.js';
import { createModelClient, type ModelClient, type ModelClientOptions } from './model-client.js';
import { fitSources } from './prompt.js';
import { createQueryRewriter } from './query-rewrite.js';
import type { QuestionRetrieval } from './retrieval.js';
import { DEFAULT_REWRITE_GRACE_MS, retrieveWithRewrite, type GraceTimer, type RewriteBudget, type RewriteUse } from './rewritten-retrieval.js';
import type { SourcePassage } from './sources.js';
import { tokenCounterFor } from './tokens.js';
import type { AnswerHandlers, AnswerRequest, AnswerResult, Answerer } from './types.js';
import { answeringWhoSigned } from './signatory-answer.js';
import { quotedAnswer } from './verbatim-answer.js';

export type { AnswerHandlers, AnswerMode, AnswerRequest, AnswerResult, Answerer, CitedSource, ConversationTurn } from './types.js';

/** Tuning the answerer; the defaults are the product's, tests shorten the waits. */
export interface AnswererOptions {
  /** Answer cache in SQLite (default true). */
  cache?: boolean;
  /** Retry backoff and answer length of the model client. */
  model?: Omit<ModelClientOptions, 'log'>;
  /**
   * The query rewrite, with a model (query-rewrite.ts): `false` turns it off;
   * by default the answer waits DEFAULT_REWRITE_GRACE_MS past the plain
   * retrieval for it, and when that found nothing, until it settles (within
   * `timeoutMs`, the rewrite's own deadline). Tests inject the grace's timer.
   */
  rewrite?: false | { graceMs?: number; timeoutMs?: number; timer?: GraceTimer };
}

/** Passage token counts remembered (by passage id); emptied when full. */
const MAX_CACHED_PASSAGE_COUNTS = 50_000;

/**
 * The answerer: question in, grounded answer out. With a model configured it
 * streams the model's answer through the grounding checks, from passages the
 * question found as asked and as the model reworded it (rewritten-retrieval.ts);
 * without one, and whenever the model fails, it answers extractively with
 * verbatim quotes — the closest passages, marked, when no sentence matches
 * closely; when the corpus has nothing it says so and shows what it searched,
 * without asking the model to answer. Answers are cached per corpus version.
 * "Who signed …?" is answered from the statement's list of signatories when
 * it has one (signatory-answer.ts).
 */
export function createAnswerer(deps: {
  /** Where the answer cache lives. */
  db: Database;
  /** Where the passages come from. */
  retriever: Retriever;
  config: Config;
  log?: Logger;
  options?: AnswererOptions;
  /** The model; by default the `openai` client for the configured server. The benchmark passes an in-process one. */
  modelClient?: ModelClient;
}): Answerer {
  const { db, retriever, config } = deps;
  const log = deps.log ?? defaultLog;
  const useModel = deps.modelClient !== undefined || hasModel(config);
  const model = deps.modelClient ?? (useModel ? createModelClient(config, { ...deps.options?.model, log }) : undefined);
  const modelName = model?.model ?? 'extractive';
  const cache = deps.options?.cache === false ? undefined : new AnswerCache(db, log);
  // Loading the tokenizer takes seconds: start now, so the first question rarely waits for it.
  const counter = model ? tokenCounterFor(model.model, (error) => log.warn({ err: error }, 'tokenizer unavailable; estimating tokens')) : undefined;
  const passageTokens = new Map<number, number>();
  let organisations: { version: number; names: string[] } | undefined;
  let languages: { version: number; codes: string[] } | undefined;
  const rewriteOptions = deps.options?.rewrite === false ? undefined : (deps.options?.rewrite ?? {});
  const rewriter = model && rewriteOptions ? createQueryRewriter({ model, log, timeoutMs: rewriteOptions.timeoutMs }) : undefined;
  const budget: RewriteBudget = { graceMs: rewriteOptions?.graceMs ?? DEFAULT_REWRITE_GRACE_MS, ...(rewriteOptions?.timer ? { timer: rewriteOptions.timer } : {}) };
  /** Work an answer left running: a late rewrite, and what its landing does to the answer cache. */
  const background = new Set<Promise<unknown>>();

  async function knownOrganisations(version: number): Promise<string[]> {
    if (organisations?.version !== version) {
      organisations = { version, names: (await retriever.organisations()).map((row) => row.organisation) };
    }
    return organisations.names;
  }

  async function corpusLanguages(version: number): Promise<string[]> {
    if (languages?.version !== version) languages = { version, codes: statementLanguages(await retriever.languages()) };
    return languages.codes;
  }

  /**
   * An answer made while its rewrite was on the way is cached like any other;
   * once the rewrite lands with keywords it is dropped, so the next ask is
   * answered with them (the rewrite is in the rewrite cache by then).
   */
  function forgetWhenRewritten(key: string, pending: Promise<string[] | undefined>): void {
    const task = pending.then(async (keywords) => {
      if (keywords?.length) await cache!.delete(key);
    });
    background.add(task);
    void task.finally(() => background.delete(task));
  }

  const answerer: Answerer = {
    async answer(request: AnswerRequest, handlers: AnswerHandlers = {}): Promise<AnswerResult> {
      const started = performance.now();
      request.signal?.throwIfAborted();
      const language = answerLanguage(request.question, request.language);
      const version = await retriever.corpusVersion();
      // A follow-up means what its conversation makes it mean: not cached.
      const key = cache && !(request.history?.length) ? cacheKey({ question: request.question, organisation: request.organisation, organisations: request.organisations, from: request.from, to: request.to, language, model: modelName, corpusVersion: version }) : undefined;
      if (key) {
        const cached = await cache!.get(key);
        if (cached) {
          const { usage: _usage, ...rest } = cached;
          const result: AnswerResult = { ...rest, cached: true, timings: { retrievalMs: 0, totalMs: performance.now() - started } };
          log.debug({ mode: result.mode, cached: true, totalMs: result.timings.totalMs }, 'answered');
          return result;
        }
      }

      const isFollowUp = (request.history?.length ?? 0) > 0 && needsContext(request.question);
      const statements = await corpusLanguages(version);
      const questionLanguage = detectLanguage(request.question);
      // Started before retrieving, so the model works while the corpus is searched. A follow-up leans on its conversation: not rewritten.
      const rewrite = rewriter && !isFollowUp ? rewriter.rewrite(request.question, { ...(questionLanguage ? { question: questionLanguage } : {}), statements }) : undefined;
      const { retrieval, rewrite: rewriteUse } = await retrieveWithRewrite(retriever, request, { language, knownOrganisations: isFollowUp ? await knownOrganisations(version) : [] }, rewrite, budget);
      const base = baseResult(request, retrieval, performance.now() - started);
      if (isForeignQuestion(questionLanguage, statements) && rewriteUse.status !== 'used') {
        base.onlyQuestionLanguage = { question: questionLanguage, statements, line: questionLanguageOnlyLine(questionLanguage, statements, language) };
      }
      request.signal?.throwIfAborted();

      let result: AnswerResult;
      let cacheable = true;
      if (retrieval.hits === 0) {
        result = { ...base, mode: 'not-found', text: notCoveredText(base.searched, language, 'no-match') };
      } else if (!model) {
        const quoted = quotedAnswer(retrieval, language, 'no-model');
        result = quoted ? { ...base, mode: 'extractive', ...quoted } : { ...base, mode: 'not-found', text: notCoveredText(base.searched, language, 'not-answered') };
      } else {
        const tokens = await counter!;
        const countPassage = (passage: SourcePassage) => {
          let count = passageTokens.get(passage.id);
          if (count === undefined) {
            if (passageTokens.size >= MAX_CACHED_PASSAGE_COUNTS) passageTokens.clear();
            count = tokens.count(passage.text);
            passageTokens.set(passage.id, count);
          }
          return count;
        };
        const sources = fitSources(retrieval.sources, config.OPENAI_CONTEXT_TOKENS, countPassage, tokens);
        const modelStarted = performance.now();
        const generation = await generateGroundedAnswer({ client: model, question: request.question, history: request.history, sources, language, signal: request.signal, onPartial: handlers.onPartial, log });
        const usage = generation.usage ? { usage: generation.usage } : {};
        if (generation.kind === 'answer') {
          const firstTokenMs = generation.firstTokenMs === undefined ? undefined : modelStarted - started + generation.firstTokenMs;
          result = { ...base, ...usage, mode: 'llm', text: generation.grounded.text, sources: generation.grounded.sources, timings: { ...base.timings, ...(firstTokenMs === undefined ? {} : { firstTokenMs }) } };
        } else if (generation.kind === 'not-in-sources') {
          result = { ...base, ...usage, mode: 'not-found', text: notCoveredText(base.searched, language, 'not-answered') };
        } else {
          cacheable = !generation.transient;
          const quoted = quotedAnswer(retrieval, language, 'fallback');
          result = quoted
            ? { ...base, ...usage, mode: 'fallback', fallbackReason: generation.reason, ...quoted }
            : { ...base, ...usage, mode: 'not-found', fallbackReason: generation.reason, text: notCoveredText(base.searched, language, 'not-answered') };
        }
      }
      result.timings.totalMs = performance.now() - started;
      if (key && cacheable) {
        await cache!.put(key, version, result);
        if (rewriteUse.status === 'late') forgetWhenRewritten(key, rewriteUse.pending);
      }
      log.debug({ mode: result.mode, fallbackReason: result.fallbackReason, hits: retrieval.hits, rewrite: rewriteStatus(rewriteUse), sources: result.sources.length, ...result.timings, usage: result.usage }, 'answered');
      return result;
    },
    async settled() {
      await rewriter?.idle();
      while (background.size > 0) await Promise.allSettled([...background]);
    },
  };
  return answeringWhoSigned(answerer, retriever);
}

function rewriteStatus(use: RewriteUse): string {
  return use.status === 'used' ? `used (${use.keywords.length} keywords)` : use.status;
}

function baseResult(request: AnswerRequest, retrieval: QuestionRetrieval, retrievalMs: number): Omit<AnswerResult, 'mode' | 'text'> {
  const filters: AnswerResult['searched']['filters'] = {};
  if (request.organisation) filters.organisation = request.organisation;
  if (request.organisations?.length) filters.organisations = request.organisations;
  if (request.from) filters.from = request.from;
  if (request.to) filters.to = request.to;
  // What the question named and the search kept to is part of what was searched.
  const understood = retrieval.understood;
  if (understood?.use === 'filter') {
    if (!filters.organisation && !filters.organisations && understood.speakers.length > 0) filters.organisations = [...new Set(understood.speakers.flatMap((s) => s.organisations))];
    if (!request.from && !request.to && understood.period) {
      if (understood.period.from) filters.from = understood.period.from;
      if (understood.period.to) filters.to = understood.period.to;
    }
  }
  return {
    sources: [],
    searched: { query: retrieval.query, ...(retrieval.rewrittenQuery ? { rewritten: retrieval.rewrittenQuery } : {}), filters, hits: retrieval.hits },
    ...(retrieval.understood ? { understood: retrieval.understood } : {}),
    timings: { retrievalMs, totalMs: 0 },
    cached: false,
  };
}
