import assert from 'node:assert/strict';
import { createAnswerer, type AnswererOptions, type AnswerRequest, type AnswerResult, type Answerer } from '../../src/answer/answerer.js';
import { findMarkers } from '../../src/answer/citations.js';
import { findQuotations } from '../../src/answer/quotations.js';
import type { GraceTimer } from '../../src/answer/rewritten-retrieval.js';
import { normalised } from '../../src/answer/text-match.js';
import { tokenCounterFor } from '../../src/answer/tokens.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import type { Retriever } from '../../src/search/retriever.js';
import type { Database } from '../../src/store/database.js';
import type { StatementInput } from '../../src/store/records.js';
import { startOpenAIDouble, type OpenAIDouble } from '../doubles/openai-server.js';
import { seedDatabase, testConfig, testLog } from './fixtures.js';

export interface Harness {
  answerer: Answerer;
  /** The OpenAI double (present even without a model, to prove it gets no requests). */
  model: OpenAIDouble;
  db: Database;
  /** Ask, collecting every partial the answerer streamed. */
  ask(question: string, request?: Omit<AnswerRequest, 'question'>): Promise<{ result: AnswerResult; partials: string[] }>;
  close(): Promise<void>;
}

/**
 * The seed corpus in a fresh database, the OpenAI double on loopback, and an
 * answerer wired to it through OPENAI_BASE_URL — the real `openai` client.
 * Retries wait milliseconds, not seconds. Query rewrites are on, as in the
 * product: the double answers them with no keywords unless a test scripts them
 * (model.enqueueRewrite). Their grace never runs out unless a test says so
 * (rewrite: { timer: GRACE_RUNS_OUT }), so every answer sees its rewrite, however
 * loaded the machine. The tokenizer is loaded before the answerer is: its load
 * holds the event loop for a second or more (js-tiktoken parses its ranks at
 * once), which would otherwise stall the first question's rewrite — and the
 * double, in the same process — past the model's deadline. That deadline, and
 * the rewrite's, are a minute unless a test about deadlines sets them
 * (answerer-faults, first-token): a real timer of a few seconds is one a
 * loaded machine outruns.
 */
/** The model's and the rewrite's deadline for tests not about deadlines: the product's default answer deadline. */
const UNHURRIED_MS = '60000';

export async function startHarness(
  options: {
    withModel?: boolean;
    extra?: StatementInput[];
    config?: Record<string, string>;
    cache?: boolean;
    dbPath?: string;
    rewrite?: AnswererOptions['rewrite'];
    /** Wraps the corpus retriever (to see when a search is done). */
    retriever?: (inner: Retriever) => Retriever;
  } = {},
): Promise<Harness> {
  const model = await startOpenAIDouble();
  const db = await seedDatabase(options.extra ?? [], options.dbPath);
  const config = testConfig(options.withModel === false ? { ...options.config } : { OPENAI_BASE_URL: model.baseUrl, OPENAI_MODEL: 'gpt-4o-mini', OPENAI_TIMEOUT_MS: UNHURRIED_MS, ...options.config });
  if (options.withModel !== false) await tokenCounterFor(config.OPENAI_MODEL);
  const rewrite = options.rewrite === false ? false : { timer: GRACE_NEVER_RUNS_OUT, timeoutMs: Number(UNHURRIED_MS), ...options.rewrite };
  const answerer = createAnswerer({ db, retriever: (options.retriever ?? ((inner) => inner))(createCorpusRetriever(db)), config, log: testLog, options: { cache: options.cache ?? false, model: { retryBaseDelayMs: 5, maxRetryDelayMs: 20 }, rewrite } });
  return {
    answerer,
    model,
    db,
    async ask(question, request = {}) {
      const partials: string[] = [];
      const result = await answerer.answer({ question, ...request }, { onPartial: (text) => partials.push(text) });
      return { result, partials };
    },
    async close() {
      await model.close();
      await db.close();
    },
  };
}

/** A rewrite's grace that never runs out: the answer waits for its rewrite (the harness's default). */
export const GRACE_NEVER_RUNS_OUT: GraceTimer = (_ms, stop) => new Promise((_, reject) => stop.addEventListener('abort', () => reject(stop.reason), { once: true }));

/** A rewrite's grace that is over at once: any rewrite not already in the cache is late. */
export const GRACE_RUNS_OUT: GraceTimer = () => Promise.resolve();

/**
 * The contract's invariant, checked on what the user sees: an answer (other
 * than "not covered") cites at least one listed source; every [n] names a
 * listed source; sources are numbered 1… in order of first citation; every
 * quotation is in a passage of a listed source.
 */
export function assertGrounded(result: AnswerResult): void {
  if (result.mode === 'not-found') {
    assert.equal(result.sources.length, 0);
    return;
  }
  const cited = findMarkers(result.text).flatMap((marker) => marker.numbers);
  assert.ok(cited.length > 0, 'the answer cites something');
  const listed = result.sources.map((source) => source.n);
  for (const n of cited) assert.ok(listed.includes(n), `[${n}] is a listed source`);
  assert.deepEqual(listed, [...new Set(cited)], 'sources are numbered in order of first citation, and only cited ones are listed');
  const passages = result.sources.flatMap((source) => source.passages.map((passage) => normalised(passage.text)));
  for (const line of result.text.split('\n')) {
    const quoted = /^\s*>/.test(line) ? [line.replace(/^\s*>\s?/, '').replace(/\s*\[\d+\]/g, '')] : findQuotations(line).map((q) => q.text);
    for (const quote of quoted) {
      for (const fragment of quote.split(/\s*(?:…|\.\.\.)\s*/).map((f) => normalised(f).replace(/^[\s.,;:!?'"-]+|[\s.,;:!?'"-]+$/g, '')).filter(Boolean)) {
        assert.ok(passages.some((passage) => passage.includes(fragment)), `quotation ${JSON.stringify(fragment)} is in a cited passage`);
      }
    }
  }
}
