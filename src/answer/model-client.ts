import OpenAI, { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from 'openai';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';

/**
 * The model, through the `openai` package: any OpenAI-compatible server
 * (OpenAI, Ollama, llama.cpp, vLLM) by OPENAI_BASE_URL, streamed.
 *
 * Retries are ours, not the client's (it gets maxRetries 0): the client's
 * timeout stops at the response headers, while an answer must also finish
 * streaming in time; and our backoff is configurable (short in tests), capped,
 * and honours retry-after only when it is short enough to be worth waiting.
 * A failure after text has streamed is not retried — the text is already
 * being grounded and shown — it fails the attempt, and the answerer falls back.
 *
 * Two deadlines: OPENAI_TIMEOUT_MS for each attempt's whole answer, and
 * OPENAI_FIRST_TOKEN_TIMEOUT_MS from the call (retries included) to the first
 * token. A server that accepts the question and then says nothing would
 * otherwise keep the asker watching "thinking…" for the whole answer's time.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface StreamOutcome {
  text: string;
  finishReason: string;
  usage?: { promptTokens: number; completionTokens: number };
  /** Since the call started, including retries. */
  firstTokenMs?: number;
  attempts: number;
}

/** Why a model call failed; `transient` failures are not cached as answers. */
export type ModelFailure = 'timeout' | 'first-token-timeout' | 'rate-limited' | 'server-error' | 'stream-interrupted' | 'connection' | 'refused' | 'aborted';

export class ModelError extends Error {
  /** Why, as the asker reads it in "the model's answer could not be used (…)": the failure, or a phrase where the code alone says too little. */
  readonly reason: string;

  constructor(
    readonly failure: ModelFailure,
    message: string,
    options?: { cause?: unknown; reason?: string },
  ) {
    super(message, options);
    this.name = 'ModelError';
    this.reason = options?.reason ?? failure;
  }

  /** Would the same call likely succeed later? (Then its fallback isn't cached.) */
  get transient(): boolean {
    return this.failure !== 'refused';
  }
}

export interface ModelClientOptions {
  /** First retry waits about this long, doubling each time (jittered). Default 500 ms. */
  retryBaseDelayMs?: number;
  /** No retry waits longer than this. Default 8 s. */
  maxRetryDelayMs?: number;
  /** A retry-after longer than this gives up at once instead of making the user wait. Default 20 s. */
  maxRetryAfterMs?: number;
  /** Upper bound on the answer's length. Default 800 tokens. */
  maxAnswerTokens?: number;
  log?: Logger;
}

export interface ModelClient {
  readonly model: string;
  /**
   * Stream a chat completion; `onText` gets each delta. Rejects with a `ModelError`.
   * `maxTokens` caps a short reply (a query rewrite) below the answer's cap.
   */
  streamChat(messages: ChatMessage[], options: { signal?: AbortSignal; onText: (delta: string) => void; maxTokens?: number }): Promise<StreamOutcome>;
}

const DEFAULT_RETRY_BASE_DELAY_MS = 500;
const DEFAULT_MAX_RETRY_DELAY_MS = 8_000;
const DEFAULT_MAX_RETRY_AFTER_MS = 20_000;
const DEFAULT_MAX_ANSWER_TOKENS = 800;
/** OpenAI-compatible servers reached by base URL alone (Ollama …) ignore the key, but the client needs one. */
const PLACEHOLDER_API_KEY = 'no-key-needed';

export function createModelClient(config: Config, options: ModelClientOptions = {}): ModelClient {
  const client = new OpenAI({
    apiKey: config.OPENAI_API_KEY ?? PLACEHOLDER_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    timeout: config.OPENAI_TIMEOUT_MS,
    maxRetries: 0,
  });
  const model = config.OPENAI_MODEL;
  const maxRetries = config.OPENAI_MAX_RETRIES;
  const baseDelay = options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS;
  const maxDelay = options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
  const maxRetryAfter = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const maxTokens = options.maxAnswerTokens ?? DEFAULT_MAX_ANSWER_TOKENS;
  // OpenAI's newer models take max_completion_tokens and only the default temperature; compatible servers know max_tokens.
  const official = config.OPENAI_BASE_URL === undefined;
  const reasoningModel = /^(?:o\d|gpt-5)/i.test(model);

  async function attempt(messages: ChatMessage[], signal: AbortSignal | undefined, firstToken: FirstTokenDeadline, started: number, onText: (delta: string) => void, state: { streamed: boolean; firstTokenMs?: number }, replyTokens: number) {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), config.OPENAI_TIMEOUT_MS);
    const combined = AbortSignal.any([...(signal ? [signal] : []), deadline.signal, firstToken.signal]);
    let text = '';
    let finishReason: string | undefined;
    let usage: StreamOutcome['usage'];
    try {
      const stream = await client.chat.completions.create(
        {
          model,
          messages,
          stream: true,
          stream_options: { include_usage: true },
          ...(official ? { max_completion_tokens: replyTokens } : { max_tokens: replyTokens }),
          ...(reasoningModel ? {} : { temperature: 0.2 }),
        },
        { signal: combined },
      );
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        const delta = choice?.delta?.content;
        if (delta) {
          if (!state.streamed) {
            state.firstTokenMs = performance.now() - started;
            firstToken.met();
          }
          state.streamed = true;
          text += delta;
          onText(delta);
        }
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
      }
    } catch (error) {
      if (firstToken.signal.aborted && signal?.aborted !== true) throw firstToken.error(error);
      throw classify(error, { aborted: signal?.aborted === true, timedOut: deadline.signal.aborted, streamed: state.streamed });
    } finally {
      clearTimeout(timer);
    }
    // The client ends the stream quietly when its signal aborts mid-stream: say why it ended.
    if (signal?.aborted) throw new ModelError('aborted', 'The question was cancelled.');
    if (firstToken.signal.aborted) throw firstToken.error();
    if (deadline.signal.aborted) throw new ModelError('timeout', 'The model took too long to answer.');
    if (finishReason === undefined) throw new ModelError('stream-interrupted', 'The model stream ended without finishing.');
    if (finishReason === 'content_filter') throw new ModelError('refused', 'The model refused (content filter).');
    return { text, finishReason, usage };
  }

  return {
    model,
    async streamChat(messages, { signal, onText, maxTokens: cap }) {
      const started = performance.now();
      // Reasoning models spend completion tokens thinking: a small cap would leave nothing for the reply.
      const replyTokens = cap === undefined || reasoningModel ? maxTokens : Math.min(cap, maxTokens);
      const state: { streamed: boolean; firstTokenMs?: number } = { streamed: false };
      const firstToken = firstTokenDeadline(config.OPENAI_FIRST_TOKEN_TIMEOUT_MS);
      try {
        for (let attemptNumber = 1; ; attemptNumber++) {
          try {
            const outcome = await attempt(messages, signal, firstToken, started, onText, state, replyTokens);
            return { ...outcome, firstTokenMs: state.firstTokenMs, attempts: attemptNumber };
          } catch (error) {
            const failure = error as ModelError;
            const retryable = !state.streamed && attemptNumber <= maxRetries && ['rate-limited', 'server-error', 'connection'].includes(failure.failure);
            const wait = retryable ? retryDelay(failure, attemptNumber) : undefined;
            options.log?.warn({ failure: failure.failure, attempt: attemptNumber, willRetry: wait !== undefined, waitMs: wait }, 'model call failed');
            if (wait === undefined) throw failure;
            await sleep(wait, AbortSignal.any([...(signal ? [signal] : []), firstToken.signal])).catch((sleepError: unknown) => {
              throw firstToken.signal.aborted && signal?.aborted !== true ? firstToken.error() : sleepError;
            });
          }
        }
      } finally {
        firstToken.met();
      }
    },
  };

  /** Exponential backoff with jitter; the server's retry-after when it gives one (and it is short enough). */
  function retryDelay(failure: ModelError, attemptNumber: number): number | undefined {
    const retryAfter = retryAfterMs(failure.cause);
    if (retryAfter !== undefined) return retryAfter <= maxRetryAfter ? retryAfter : undefined;
    const exponential = Math.min(maxDelay, baseDelay * 2 ** (attemptNumber - 1));
    return exponential * (0.75 + Math.random() * 0.5);
  }
}

/** The first-token deadline of one streamChat call: aborts its signal when no token came in time. */
interface FirstTokenDeadline {
  readonly signal: AbortSignal;
  /** A token came (or the call ended): the deadline no longer applies. */
  met(): void;
  error(cause?: unknown): ModelError;
}

function firstTokenDeadline(ms: number): FirstTokenDeadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const waited = ms < 1_000 ? `${ms} ms` : `${Number((ms / 1_000).toFixed(1))} s`;
  return {
    signal: controller.signal,
    met: () => clearTimeout(timer),
    error: (cause) => new ModelError('first-token-timeout', `The model sent nothing within ${waited}.`, { cause, reason: `no reply within ${waited}` }),
  };
}

function classify(error: unknown, { aborted, timedOut, streamed }: { aborted: boolean; timedOut: boolean; streamed: boolean }): ModelError {
  if (error instanceof ModelError) return error;
  if (aborted) return new ModelError('aborted', 'The question was cancelled.', { cause: error });
  if (timedOut) return new ModelError('timeout', 'The model took too long to answer.', { cause: error });
  if (error instanceof APIConnectionTimeoutError) return new ModelError('timeout', 'The model took too long to answer.', { cause: error });
  if (error instanceof APIUserAbortError) return new ModelError('aborted', 'The model call was aborted.', { cause: error });
  if (error instanceof APIConnectionError) return new ModelError(streamed ? 'stream-interrupted' : 'connection', `Could not reach the model: ${error.message}`, { cause: error });
  if (error instanceof APIError && error.status !== undefined) {
    if (error.status === 429) return new ModelError('rate-limited', 'The model is rate limited.', { cause: error });
    if (error.status >= 500 || error.status === 408 || error.status === 409) return new ModelError('server-error', `The model server failed (${error.status}).`, { cause: error });
    return new ModelError('refused', `The model server refused the request (${error.status}).`, { cause: error });
  }
  // undici's "terminated" and friends: the connection dropped while reading the stream.
  return new ModelError(streamed ? 'stream-interrupted' : 'connection', `The model connection failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

function retryAfterMs(cause: unknown): number | undefined {
  if (!(cause instanceof APIError) || !cause.headers) return undefined;
  const ms = Number.parseFloat(cause.headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const seconds = Number.parseFloat(cause.headers.get('retry-after') ?? '');
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  return undefined;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ModelError('aborted', 'The question was cancelled.'));
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(new ModelError('aborted', 'The question was cancelled.'));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
