import assert from 'node:assert/strict';
import { createAnswerer, type AnswererOptions, type AnswerRequest, type AnswerResult, type Answerer } from '../../src/answer/answerer.js';
import { findMarkers } from '../../src/answer/citations.js';
import { findQuotations } from '../../src/answer/quotations.js';
import { normalised } from '../../src/answer/text-match.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
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
 * (model.enqueueRewrite).
 */
export async function startHarness(
  options: { withModel?: boolean; extra?: StatementInput[]; config?: Record<string, string>; cache?: boolean; dbPath?: string; rewrite?: AnswererOptions['rewrite'] } = {},
): Promise<Harness> {
  const model = await startOpenAIDouble();
  const db = await seedDatabase(options.extra ?? [], options.dbPath);
  const config = testConfig(options.withModel === false ? { ...options.config } : { OPENAI_BASE_URL: model.baseUrl, OPENAI_MODEL: 'gpt-4o-mini', ...options.config });
  const answerer = createAnswerer({ db, retriever: createCorpusRetriever(db), config, log: testLog, options: { cache: options.cache ?? false, model: { retryBaseDelayMs: 5, maxRetryDelayMs: 20 }, ...(options.rewrite === undefined ? {} : { rewrite: options.rewrite }) } });
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
