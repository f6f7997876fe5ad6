import type { ButtonInteraction } from 'discord.js';
import type { TimelineQuote } from '../search/retriever.js';
import type { BotContext } from './context.js';
import { encodeButtonId } from './custom-id.js';
import { button } from './payload.js';
import { renderCitedPassages } from './render-passage.js';
import { InteractionResponder } from './respond.js';

/** Passages either side of a quoted one. */
const CONTEXT_NEIGHBOURS = 1;

/**
 * "Read [n]" under a timeline: one per quote that has a passage. The custom id
 * carries the passage's id, so the button works after a restart with no
 * stored state, for as long as the passage exists.
 */
export function timelineQuoteButtons(quotes: readonly TimelineQuote[]) {
  return quotes.flatMap((quote, i) => (quote.passageId === undefined ? [] : [button(encodeButtonId({ action: 'timeline-quote', key: String(quote.passageId), arg: String(i + 1) }), `Read [${i + 1}] ${quote.period}`, { emoji: '📖' })]));
}

/** A quote's passage with the text around it, only for the person who pressed. */
export async function showTimelineQuote(interaction: ButtonInteraction, context: BotContext, passageId: number, n: number): Promise<void> {
  const responder = InteractionResponder.for(interaction, { ephemeral: true, now: context.now });
  responder.armDeadline();
  const found = await context.retriever.getPassageInContext(passageId, CONTEXT_NEIGHBOURS);
  if (!found) return responder.error('That passage is no longer in the corpus (it was re-ingested or removed). Run /timeline again.');
  await responder.send(renderCitedPassages(n, [found], new Map()));
}
