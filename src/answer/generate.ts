import type { Logger } from '../log.js';
import { AnswerGrounder, type GroundedAnswer } from './grounder.js';
import { ModelError, type ModelClient } from './model-client.js';
import { buildMessages } from './prompt.js';
import type { NumberedSource } from './sources.js';
import type { ConversationTurn } from './types.js';

export type Generation =
  | { kind: 'answer'; grounded: GroundedAnswer; usage?: Usage; firstTokenMs?: number }
  | { kind: 'not-in-sources'; usage?: Usage; firstTokenMs?: number }
  | { kind: 'failed'; reason: string; transient: boolean; usage?: Usage };

type Usage = { promptTokens: number; completionTokens: number };

/**
 * Ask the model and ground its answer while it streams. `onPartial` gets the
 * verified text so far, and only once it holds a valid citation. An answer
 * with no valid citation (none named a source, or no cited sentence was
 * supported by its source) gets one stricter retry; then it has failed (the
 * caller answers extractively). A stream cut off midway fails too: the user
 * must get a complete answer, and half of one with a cited first sentence is
 * not that. Aborting rethrows the abort.
 */
export async function generateGroundedAnswer(args: {
  client: ModelClient;
  question: string;
  history?: readonly ConversationTurn[];
  sources: readonly NumberedSource[];
  language: string;
  signal?: AbortSignal;
  onPartial?: (text: string) => void;
  log: Logger;
}): Promise<Generation> {
  let usage: Usage | undefined;
  let firstTokenMs: number | undefined;
  let unsupported = false;
  const started = performance.now();
  for (const strict of [false, true]) {
    const messages = buildMessages({ question: args.question, history: args.history, sources: args.sources, language: args.language, strict });
    const grounder = new AnswerGrounder(args.sources, {
      language: args.language,
      question: args.question,
      instructions: messages[0]!.content,
      onUnsupported: (sentence, verdict) => args.log.debug({ reason: verdict.reason, detail: verdict.detail, chars: sentence.length }, 'sentence not supported by its sources; dropped'),
    });
    const emit = (grew: boolean) => {
      if (grew && grounder.hasCitation) args.onPartial?.(grounder.verifiedText);
    };
    const attemptStarted = performance.now();
    try {
      const outcome = await args.client.streamChat(messages, {
        signal: args.signal,
        onText: (delta) => emit(grounder.push(delta)),
      });
      if (outcome.usage) usage = { promptTokens: (usage?.promptTokens ?? 0) + outcome.usage.promptTokens, completionTokens: (usage?.completionTokens ?? 0) + outcome.usage.completionTokens };
      if (firstTokenMs === undefined && outcome.firstTokenMs !== undefined) firstTokenMs = attemptStarted - started + outcome.firstTokenMs;
      emit(grounder.end(outcome.finishReason === 'length'));
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      if (error.failure === 'aborted') {
        args.signal?.throwIfAborted();
        throw error;
      }
      args.log.warn({ failure: error.failure, message: error.message }, 'model failed; answering extractively');
      return { kind: 'failed', reason: error.reason, transient: error.transient, usage };
    }
    const grounded = grounder.result();
    if (grounded.notInSources) return { kind: 'not-in-sources', usage, firstTokenMs };
    if (grounder.hasCitation) return { kind: 'answer', grounded, usage, firstTokenMs };
    args.log.warn({ strict, dropped: grounded.dropped }, 'model answer had no valid citation');
    unsupported = grounded.dropped.unsupported > 0;
  }
  // Said so in the reply's footer: "The model's answer could not be used (…)".
  return { kind: 'failed', reason: unsupported ? 'no sentence supported by its sources' : 'no valid citation', transient: false, usage };
}
