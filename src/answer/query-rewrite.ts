import type { Logger } from '../log.js';
import { normaliseQuestion } from './cache.js';
import { LruMap } from '../lru-map.js';
import { ModelError, type ModelClient } from './model-client.js';
import { MAX_REWRITE_REPLY_CHARS, MAX_REWRITE_REPLY_TOKENS, parseRewriteKeywords, rewriteMessages, type RewriteLanguages } from './rewrite-keywords.js';

/**
 * A question rewritten into search keywords by the model: one call per
 * question, bounded by its own timeout (retries included, under the model
 * client's usual retry rules), its reply parsed as untrusted
 * (rewrite-keywords.ts), and remembered.
 *
 * The cache is in memory, a bounded LRU keyed by the normalised question, the
 * model and the languages asked for — not in SQLite beside the answer cache:
 * that would need a migration for data that is cheap to make again, and the
 * answer cache already keeps repeated questions across restarts. What this
 * cache is for is the next ask in the same process: a rewrite that came too
 * late for its answer, the same question with other filters or in a thread.
 * A rewrite doesn't depend on the corpus's contents, only on its languages,
 * so an ingest doesn't empty it. Concurrent asks of one question share a call.
 */

/** Rewrites remembered; the least recently used go first. Each is at most MAX_REWRITE_KEYWORDS short words. */
export const MAX_CACHED_REWRITES = 2_000;
/** The rewrite's own deadline, retries included: past it the call is given up (and not cached). */
export const DEFAULT_REWRITE_TIMEOUT_MS = 4_000;

/** Keywords at once (cached), or a call on its way; `done` never rejects — undefined when the call failed. */
export type Rewrite = { kind: 'cached'; keywords: string[] } | { kind: 'pending'; done: Promise<string[] | undefined> };

export interface QueryRewriter {
  rewrite(question: string, languages: RewriteLanguages): Rewrite;
  /** Resolves once no rewrite is on its way (for shutdown, and for tests of rewrites that finish after their answer). */
  idle(): Promise<void>;
}

export function createQueryRewriter(deps: { model: ModelClient; log: Logger; timeoutMs?: number }): QueryRewriter {
  const { model, log } = deps;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_REWRITE_TIMEOUT_MS;
  const cache = new LruMap<string, string[]>(MAX_CACHED_REWRITES);
  const inFlight = new Map<string, Promise<string[] | undefined>>();

  async function call(question: string, languages: RewriteLanguages): Promise<string[] | undefined> {
    const started = performance.now();
    const tooLong = new AbortController();
    let reply = '';
    try {
      const outcome = await model.streamChat(rewriteMessages(question, languages), {
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), tooLong.signal]),
        maxTokens: MAX_REWRITE_REPLY_TOKENS,
        onText: (delta) => {
          reply += delta;
          // A server ignoring max_tokens can't make us read on: what came is enough, and parsed as cut.
          if (reply.length > MAX_REWRITE_REPLY_CHARS) tooLong.abort();
        },
      });
      const keywords = parseRewriteKeywords(outcome.text, { cut: outcome.finishReason === 'length' });
      log.debug({ keywords: keywords.length, ms: Math.round(performance.now() - started) }, 'question rewritten');
      return keywords;
    } catch (error) {
      if (tooLong.signal.aborted) return parseRewriteKeywords(reply, { cut: true });
      if (!(error instanceof ModelError)) {
        log.error({ err: error }, 'query rewrite failed');
        return undefined;
      }
      log.warn({ failure: error.failure, ms: Math.round(performance.now() - started) }, 'query rewrite failed; searching the question as asked');
      // A refusal would come again: remembered as no keywords. Anything else may work next time.
      return error.transient ? undefined : [];
    }
  }

  return {
    rewrite(question, languages) {
      const key = JSON.stringify([normaliseQuestion(question), model.model, languages.question ?? '', [...languages.statements]]);
      const cached = cache.get(key);
      if (cached) return { kind: 'cached', keywords: cached };
      let done = inFlight.get(key);
      if (!done) {
        done = call(question, languages).then((keywords) => {
          if (keywords) cache.set(key, keywords);
          return keywords;
        });
        const pending = done;
        inFlight.set(key, pending);
        void pending.finally(() => inFlight.delete(key));
      }
      return { kind: 'pending', done };
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
    },
  };
}
