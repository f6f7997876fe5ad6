import type { AnswerRequest, AnswerResult, ConversationTurn } from '../answer/types.js';
import { isUserFacingError } from '../errors.js';
import type { BotContext } from './context.js';
import { validateAskInput, type AskInput } from './ask-request.js';
import { textPayload, type MessagePayload } from './payload.js';
import { queuePositionMessage } from './quotas.js';
import { renderAnswer, renderPartialAnswer } from './render-answer.js';
import { isExpiredTokenError } from './respond.js';
import { createStreamEditor } from './stream-editor.js';

export const GENERIC_ANSWER_ERROR = 'Something went wrong while answering. It has been logged; please try again in a moment.';
export const DMS_OFF_MESSAGE = 'I only answer questions in servers, not in direct messages.';
export const SHUTDOWN_MESSAGE = 'The bot is restarting, so this answer was stopped. Please ask again in a minute.';

/**
 * Where a question came from and where its answer goes: a slash command or
 * context menu (an interaction) or a message mentioning the bot (a thread).
 * The flow below is the same for all of them.
 */
export interface AnswerSurface {
  readonly userId: string;
  /** null in direct messages. */
  readonly guildId: string | null;
  /** Refuse before anything was acknowledged (privately where the surface allows). */
  refuse(message: string): Promise<void>;
  /** Acknowledge: defer the interaction, or start the thread and the typing indicator. */
  acknowledge(): Promise<void>;
  /** Replace the response: queue notice, then partial answers, then the answer's first message. */
  show(payload: MessagePayload): Promise<void>;
  /** Another message after the response. */
  more(payload: MessagePayload): Promise<void>;
  /** Tell the asker, as privately as the surface allows, that something went wrong after acknowledging. */
  problem(message: string): Promise<void>;
  /** The response can't take the answer (interaction token expired, or the edit and a follow-up failed): post elsewhere, or give up and log. */
  deliverLate(messages: MessagePayload[]): Promise<void>;
  /** Finished either way: stop the typing indicator. */
  done(): void;
}

/** What the answer's buttons need after a restart: stored under the key the buttons carry. */
export interface AnswerState {
  question: string;
  text: string;
  mode: AnswerResult['mode'];
  userId: string;
  guildId: string | null;
  sources: { n: number; statementId: number; slug: string; title: string; organisation: string; date: string | null; url: string | null; passages: { passageId: number; text: string; quotes: string[] }[] }[];
}

export interface AskOptions {
  history?: ConversationTurn[];
  /** The asker's Discord locale, used when the question's own language isn't clear. */
  language?: string;
}

/**
 * Ask a question on a surface: validate, check quotas, acknowledge, wait for a
 * model slot (showing the queue position), stream the verified answer (throttled
 * edits), then show the full answer with its sources and buttons. Never throws:
 * every failure ends in a message to the asker and a log line.
 */
export async function runAsk(context: BotContext, input: AskInput, surface: AnswerSurface, options: AskOptions = {}): Promise<void> {
  const { log } = context;
  let request: AnswerRequest;
  try {
    request = { ...validateAskInput(input), ...(options.history?.length ? { history: options.history } : {}), ...(options.language ? { language: options.language } : {}), signal: context.signal };
  } catch (error) {
    if (!isUserFacingError(error)) throw error;
    await surface.refuse(error.message).catch((err: unknown) => log.warn({ err }, 'could not refuse a question'));
    return surface.done();
  }

  if (surface.guildId === null && !context.config.DISCORD_ALLOW_DMS) {
    await surface.refuse(DMS_OFF_MESSAGE).catch((err: unknown) => log.warn({ err }, 'could not refuse a question'));
    return surface.done();
  }

  const admission = context.quotas.admit({ userId: surface.userId, guildId: surface.guildId });
  if (!admission.ok) {
    log.info({ userId: surface.userId, guildId: surface.guildId, reason: admission.reason }, 'question refused by quota');
    await surface.refuse(admission.message).catch((err: unknown) => log.warn({ err }, 'could not refuse a question'));
    return surface.done();
  }

  const { ticket } = admission;
  const editor = createStreamEditor<MessagePayload>({
    edit: (payload) => surface.show(payload),
    intervalMs: context.editIntervalMs,
    onPartialError: (err) => log.warn({ err }, 'a streamed edit failed; streaming goes on'),
  });
  let delivered: MessagePayload[] | undefined;
  let shown = 0;
  try {
    await surface.acknowledge();
    const charge = await context.quotas.chargeDailyQuestion(surface.userId);
    if (!charge.ok) {
      await surface.problem(charge.message);
      return;
    }
    if (ticket.position() > 0) {
      editor.update(textPayload(queuePositionMessage(ticket.position())));
      ticket.onPosition((position) => editor.update(textPayload(queuePositionMessage(position))));
      await untilGrantedOrAborted(ticket.granted, context.signal);
    }

    const result = await context.answerer.answer(request, { onPartial: (text) => editor.update(renderPartialAnswer(request.question, text)) });
    ticket.release(); // the model is done: let the next question in while we render and send
    const key = result.mode === 'not-found' ? undefined : await context.state.saveButtonState('answer', answerState(request.question, result, surface));
    delivered = renderAnswer(result, { question: request.question, ...(key ? { answerKey: key } : {}) });
    const [first, ...rest] = delivered;
    await editor.finish(first!);
    shown = 1;
    for (const message of rest) {
      await surface.more(message);
      shown += 1;
    }
    log.info({ userId: surface.userId, guildId: surface.guildId, mode: result.mode, sources: result.sources.length, messages: delivered.length, edits: editor.edits, ms: Math.round(result.timings.totalMs), cached: result.cached }, 'answered');
  } catch (error) {
    await editor.stop();
    if (delivered && (await deliverElsewhere(surface, delivered.slice(shown), error, { log, followUp: shown === 0 && !isExpiredTokenError(error) }))) return;
    const message = context.signal.aborted ? SHUTDOWN_MESSAGE : isUserFacingError(error) ? error.message : GENERIC_ANSWER_ERROR;
    if (!isUserFacingError(error) && !context.signal.aborted) log.error({ err: error, userId: surface.userId, guildId: surface.guildId, question: request.question }, 'answering failed');
    await surface.problem(message).catch((err: unknown) => log.warn({ err, expired: isExpiredTokenError(err) }, 'could not tell the asker about a problem'));
  } finally {
    ticket.release();
    surface.done();
  }
}

/**
 * The answer is finished but Discord refused to show it (the edit failed after
 * discord.js's own retries, a follow-up failed, or the token expired): send
 * what the asker hasn't seen another way rather than throw it away — as a
 * follow-up when the reply itself failed, else (or when that fails too) as a
 * message in the channel. True once delivered; false and logged when every
 * way failed (the caller then tells the asker something went wrong).
 */
export async function deliverElsewhere(surface: AnswerSurface, unseen: MessagePayload[], error: unknown, { log, followUp }: { log: BotContext['log']; followUp: boolean }): Promise<boolean> {
  const remaining = [...unseen];
  let failure = error;
  if (followUp) {
    log.warn({ err: failure, userId: surface.userId }, 'the reply could not be edited; sending the answer as a follow-up');
    try {
      while (remaining.length > 0) {
        await surface.more(remaining[0]!);
        remaining.shift();
      }
      return true;
    } catch (followUpError) {
      failure = followUpError;
    }
  }
  log.warn({ err: failure, userId: surface.userId, expired: isExpiredTokenError(failure) }, 'the answer could not be shown in the reply; delivering it late');
  try {
    await surface.deliverLate(remaining);
    return true;
  } catch (lateError) {
    log.error({ err: lateError, userId: surface.userId }, 'could not deliver a finished answer');
    return false;
  }
}

function answerState(question: string, result: AnswerResult, surface: AnswerSurface): AnswerState {
  return {
    question,
    text: result.text,
    mode: result.mode,
    userId: surface.userId,
    guildId: surface.guildId,
    sources: result.sources.map(({ n, statementId, slug, title, organisation, date, url, passages }) => ({ n, statementId, slug, title, organisation, date, url, passages })),
  };
}

export function untilGrantedOrAborted(granted: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    void granted.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
