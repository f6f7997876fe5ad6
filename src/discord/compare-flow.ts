import { checkTopic } from '../answer/compare/comparer.js';
import type { ComparisonResult } from '../answer/compare/types.js';
import { isUserFacingError } from '../errors.js';
import { validateFilters } from '../search/filters.js';
import { deliverElsewhere, DMS_OFF_MESSAGE, GENERIC_ANSWER_ERROR, SHUTDOWN_MESSAGE, untilGrantedOrAborted, type AnswerState, type AnswerSurface } from './ask-flow.js';
import type { BotContext } from './context.js';
import { textPayload, type MessagePayload } from './payload.js';
import { queuePositionMessage } from './quotas.js';
import { renderComparison } from './render-compare.js';
import { isExpiredTokenError } from './respond.js';

export interface CompareInput {
  topic: string;
  /** The organisation options as given (unset ones null); with none, the topic names them. */
  organisations: (string | null)[];
  from?: string | null;
  to?: string | null;
}

/**
 * `/compare` on a surface, as /ask runs (ask-flow.ts): checked before it costs
 * anything, then the same quotas — a comparison is one model call, so it
 * takes a model slot (showing the queue position) and counts as a question
 * of the day — then the comparison, its buttons' state stored so they work
 * after a restart, and its messages. Never throws: every failure ends in a
 * message to the asker and a log line.
 */
export async function runCompare(context: BotContext, input: CompareInput, surface: AnswerSurface, options: { language?: string } = {}): Promise<void> {
  const { log } = context;
  let request: { topic: string; organisations: string[]; from?: string; to?: string };
  try {
    request = checkCompareInput(input);
  } catch (error) {
    if (!isUserFacingError(error)) throw error;
    await surface.refuse(error.message).catch((err: unknown) => log.warn({ err }, 'could not refuse a comparison'));
    return surface.done();
  }
  if (surface.guildId === null && !context.config.DISCORD_ALLOW_DMS) {
    await surface.refuse(DMS_OFF_MESSAGE).catch((err: unknown) => log.warn({ err }, 'could not refuse a comparison'));
    return surface.done();
  }
  const admission = context.quotas.admit({ userId: surface.userId, guildId: surface.guildId });
  if (!admission.ok) {
    log.info({ userId: surface.userId, guildId: surface.guildId, reason: admission.reason }, 'comparison refused by quota');
    await surface.refuse(admission.message).catch((err: unknown) => log.warn({ err }, 'could not refuse a comparison'));
    return surface.done();
  }

  const { ticket } = admission;
  let delivered: MessagePayload[] | undefined;
  let shown = 0;
  try {
    await surface.acknowledge();
    // An organisation mistyped costs no question of the day.
    await context.comparer.check(request);
    const charge = await context.quotas.chargeDailyQuestion(surface.userId);
    if (!charge.ok) return void (await surface.problem(charge.message));
    if (ticket.position() > 0) {
      await surface.show(textPayload(queuePositionMessage(ticket.position())));
      ticket.onPosition((position) => void surface.show(textPayload(queuePositionMessage(position))).catch((err: unknown) => log.warn({ err }, 'could not show the queue position')));
      await untilGrantedOrAborted(ticket.granted, context.signal);
    }
    const result = await context.comparer.compare({ ...request, ...(options.language ? { language: options.language } : {}), signal: context.signal });
    ticket.release();
    const key = await context.state.saveButtonState('answer', comparisonState(result, surface));
    delivered = renderComparison(result, { answerKey: key });
    for (const message of delivered) {
      await (shown === 0 ? surface.show(message) : surface.more(message));
      shown += 1;
    }
    log.info({ userId: surface.userId, guildId: surface.guildId, mode: result.mode, organisations: result.sections.length, sources: result.sources.length, messages: delivered.length, ms: Math.round(result.timings.totalMs) }, 'compared');
  } catch (error) {
    if (delivered && (await deliverElsewhere(surface, delivered.slice(shown), error, { log, followUp: shown === 0 && !isExpiredTokenError(error) }))) return;
    const message = context.signal.aborted ? SHUTDOWN_MESSAGE : isUserFacingError(error) ? error.message : GENERIC_ANSWER_ERROR;
    if (!isUserFacingError(error) && !context.signal.aborted) log.error({ err: error, userId: surface.userId, topic: request.topic }, 'comparing failed');
    await surface.problem(message).catch((err: unknown) => log.warn({ err, expired: isExpiredTokenError(err) }, 'could not tell the asker about a problem'));
  } finally {
    ticket.release();
    surface.done();
  }
}

/** What can be checked without the corpus: a topic of sensible length, at most five organisations, dates. */
export function checkCompareInput(input: CompareInput): { topic: string; organisations: string[]; from?: string; to?: string } {
  const topic = checkTopic(input.topic);
  const organisations = input.organisations.map((name) => name?.trim() ?? '').filter(Boolean);
  const { from, to } = validateFilters({ organisations, from: input.from ?? undefined, to: input.to ?? undefined });
  return { topic, organisations, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The comparison as the source and vote buttons read it back (answer-buttons.ts): the same state as an answer's. */
function comparisonState(result: ComparisonResult, surface: AnswerSurface): AnswerState {
  const text = [...result.sections.map((section) => `${section.organisation}:\n${section.text}`), ...(result.closing ? [result.closing] : [])].join('\n\n');
  return { question: `Compare: ${result.topic}`, text, mode: result.mode, userId: surface.userId, guildId: surface.guildId, sources: result.sources };
}
