import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { UserFacingError } from '../errors.js';
import { MAX_KWIC_PHRASE_CHARS } from '../search/kwic/kwic-query.js';
import type { ConcordanceSort } from '../search/retriever.js';
import { EXPIRED_BUTTON_MESSAGE } from './answer-buttons.js';
import type { BotContext } from './context.js';
import { KWIC_PAGE_SIZE, renderKwicPage, type KwicView } from './render-kwic.js';
import { InteractionResponder } from './respond.js';

/** Longest phrase the command accepts (a phrase, not a passage). */
export { MAX_KWIC_PHRASE_CHARS };

/** The view's organisation is what the user typed: a prefix, as in /search. */
function concordancePage(context: BotContext, view: KwicView, page: number) {
  const { organisation, from, to } = view.filters;
  return context.retriever.concordance(view.phrase, { organisationPrefix: organisation, from, to, sort: view.sort, page, pageSize: KWIC_PAGE_SIZE });
}

/** `/kwic`: the first page, publicly, with Previous/Next when there are more. */
export async function startConcordance(interaction: ChatInputCommandInteraction, context: BotContext, input: { phrase: string; organisation?: string | null; from?: string | null; to?: string | null; sort?: string | null }): Promise<void> {
  const responder = InteractionResponder.for(interaction, { ephemeral: false, now: context.now });
  responder.armDeadline();
  const phrase = input.phrase.trim();
  if (phrase === '') throw new UserFacingError('empty_query', 'Please give a word or a phrase, e.g. refugee, or "right of return" in quotes for the exact words.');
  if (phrase.length > MAX_KWIC_PHRASE_CHARS) throw new UserFacingError('query_too_long', `Please keep the phrase under ${MAX_KWIC_PHRASE_CHARS} characters.`);
  const view: KwicView = {
    phrase,
    filters: {
      ...(input.organisation?.trim() ? { organisation: input.organisation.trim() } : {}),
      ...(input.from?.trim() ? { from: input.from.trim() } : {}),
      ...(input.to?.trim() ? { to: input.to.trim() } : {}),
    },
    sort: input.sort === 'organisation' ? 'organisation' : 'date',
  };
  const result = await concordancePage(context, view, 1);
  // The phrase and filters can be longer than a custom id holds: they live in SQLite, the page in the button.
  const key = result.pageCount > 1 ? await context.state.saveButtonState('kwic', view) : undefined;
  await responder.send(renderKwicPage(view, result, key));
}

/** Previous/Next under a concordance: the button names the page it shows; the message is updated in place. */
export async function turnConcordancePage(interaction: ButtonInteraction, context: BotContext, key: string, page: number): Promise<void> {
  const responder = InteractionResponder.for(interaction, { ephemeral: false, mode: 'update', now: context.now });
  responder.armDeadline();
  const view = await context.state.getButtonState<KwicView>(key, 'kwic');
  if (!view) return responder.error(EXPIRED_BUTTON_MESSAGE.replace('the answer it belongs to', 'the concordance it belongs to').replace('Ask again with /ask', 'Run /kwic again'));
  const result = await concordancePage(context, view, Number.isSafeInteger(page) ? page : 1);
  await responder.send(renderKwicPage(view, result, key));
}

export const KWIC_SORT_CHOICES: { name: string; value: ConcordanceSort }[] = [
  { name: 'date', value: 'date' },
  { name: 'organisation', value: 'organisation' },
];
