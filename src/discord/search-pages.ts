import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { UserFacingError } from '../errors.js';
import { MAX_SEARCH_OFFSET } from '../search/retriever.js';
import { EXPIRED_BUTTON_MESSAGE } from './answer-buttons.js';
import type { BotContext } from './context.js';
import { pageCount, renderSearchPage, SEARCH_PAGE_SIZE, type SearchView } from './render-search.js';
import { InteractionResponder } from './respond.js';

/** Longest search accepted: a few words or a phrase, not a document. */
export const MAX_SEARCH_QUERY_CHARS = 200;
/** The search module pages no deeper than this. */
const MAX_PAGE = Math.floor(MAX_SEARCH_OFFSET / SEARCH_PAGE_SIZE) + 1;

/** The view's organisation is what the user typed: a prefix. */
async function searchPage(context: BotContext, view: SearchView) {
  const { organisation, from, to } = view.filters;
  return context.retriever.search(view.query, { organisationPrefix: organisation, from, to, limit: SEARCH_PAGE_SIZE, offset: (view.page - 1) * SEARCH_PAGE_SIZE, understand: true });
}

/** `/search`: the first page, publicly, with Previous/Next when there are more. */
export async function startSearch(interaction: ChatInputCommandInteraction, context: BotContext, input: { query: string; organisation?: string | null; from?: string | null; to?: string | null }): Promise<void> {
  const responder = InteractionResponder.for(interaction, { ephemeral: false, now: context.now });
  responder.armDeadline();
  const query = input.query.trim();
  if (query === '') throw new UserFacingError('empty_query', 'Please type something to search for, e.g. imperialist intervention.');
  if (query.length > MAX_SEARCH_QUERY_CHARS) throw new UserFacingError('query_too_long', `Please keep a search under ${MAX_SEARCH_QUERY_CHARS} characters (this one has ${query.length}).`);
  const filters = {
    ...(input.organisation?.trim() ? { organisation: input.organisation.trim() } : {}),
    ...(input.from?.trim() ? { from: input.from.trim() } : {}),
    ...(input.to?.trim() ? { to: input.to.trim() } : {}),
  };
  const view: SearchView = { query, filters, page: 1 };
  const result = await searchPage(context, view);
  const key = pageCount(result.total) > 1 ? await context.state.saveButtonState('search', view) : undefined;
  await responder.send(renderSearchPage(view, result, key));
}

/** Previous/Next under a search: the message is updated in place; the page lives in SQLite. */
export async function turnSearchPage(interaction: ButtonInteraction, context: BotContext, key: string, direction: 'prev' | 'next'): Promise<void> {
  const responder = InteractionResponder.for(interaction, { ephemeral: false, mode: 'update', now: context.now });
  responder.armDeadline();
  const view = await context.state.getButtonState<SearchView>(key, 'search');
  if (!view) return responder.error(EXPIRED_BUTTON_MESSAGE.replace('the answer', 'the search'));
  const page = Math.min(MAX_PAGE, Math.max(1, view.page + (direction === 'next' ? 1 : -1)));
  const next: SearchView = { ...view, page };
  const result = await searchPage(context, next);
  await context.state.updateButtonState(key, next);
  await responder.send(renderSearchPage(next, result, key));
}
