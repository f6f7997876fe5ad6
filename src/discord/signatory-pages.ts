import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { UserFacingError } from '../errors.js';
import { MAX_SEARCH_OFFSET } from '../search/retriever.js';
import { findStatementSignatories } from '../search/statement-signatories.js';
import { EXPIRED_BUTTON_MESSAGE } from './answer-buttons.js';
import type { BotContext } from './context.js';
import { pagesOf, renderSignatoriesPage, renderSignedPage, SIGNATORIES_PAGE_SIZE, SIGNED_PAGE_SIZE } from './render-signatories.js';
import { InteractionResponder } from './respond.js';

interface SignatoriesView {
  statementId: number;
  page: number;
}

interface SignedView {
  organisation: string;
  page: number;
}

const MAX_SIGNED_PAGE = Math.floor(MAX_SEARCH_OFFSET / SIGNED_PAGE_SIZE) + 1;

/** `/signatories`: the statement's first page of signatories, with Previous/Next when there are more. */
export async function showSignatories(interaction: ChatInputCommandInteraction, context: BotContext, chosen: string): Promise<void> {
  const responder = InteractionResponder.for(interaction, { ephemeral: false, now: context.now });
  responder.armDeadline();
  const typed = chosen.trim();
  if (typed === '') throw new UserFacingError('empty_statement', 'Start typing a title or organisation and pick a statement from the list.');
  const found = await findStatementSignatories(context.retriever, typed);
  if (!found) throw new UserFacingError('no_statement', `No statement matches "${typed.slice(0, 100)}". Start typing and pick one from the list, or try /search.`);
  const pages = pagesOf(found.signatories.length, SIGNATORIES_PAGE_SIZE);
  const key = pages > 1 ? await context.state.saveButtonState('signatories', { statementId: found.statement.id, page: 1 } satisfies SignatoriesView) : undefined;
  await responder.send(renderSignatoriesPage(found, 1, key));
}

/** Previous/Next under a statement's signatories: the page lives in SQLite, so the buttons work after a restart. */
export async function turnSignatoriesPage(interaction: ButtonInteraction, context: BotContext, key: string, direction: 'prev' | 'next'): Promise<void> {
  const responder = InteractionResponder.for(interaction, { ephemeral: false, mode: 'update', now: context.now });
  responder.armDeadline();
  const view = await context.state.getButtonState<SignatoriesView>(key, 'signatories');
  const found = view && (await context.retriever.signatories(view.statementId));
  if (!view || !found) return responder.error(EXPIRED_BUTTON_MESSAGE.replace('the answer it belongs to', 'the statement it belongs to'));
  const page = Math.min(pagesOf(found.signatories.length, SIGNATORIES_PAGE_SIZE), Math.max(1, view.page + (direction === 'next' ? 1 : -1)));
  await context.state.updateButtonState(key, { ...view, page } satisfies SignatoriesView);
  await responder.send(renderSignatoriesPage(found, page, key));
}

async function signedPage(context: BotContext, view: SignedView) {
  return context.retriever.signedBy(view.organisation, { limit: SIGNED_PAGE_SIZE, offset: (view.page - 1) * SIGNED_PAGE_SIZE });
}

/** `/signed`: the statements an organisation signed, a page at a time, and who co-signs with it most. */
export async function showSigned(interaction: ChatInputCommandInteraction, context: BotContext, organisation: string): Promise<void> {
  const responder = InteractionResponder.for(interaction, { ephemeral: false, now: context.now });
  responder.armDeadline();
  const typed = organisation.trim();
  if (typed === '') throw new UserFacingError('empty_organisation', 'Start typing an organisation and pick it from the list.');
  const view: SignedView = { organisation: typed.slice(0, 200), page: 1 };
  const result = await signedPage(context, view);
  const key = pagesOf(result.total, SIGNED_PAGE_SIZE) > 1 ? await context.state.saveButtonState('signed', view) : undefined;
  await responder.send(renderSignedPage(view.organisation, result, 1, key));
}

export async function turnSignedPage(interaction: ButtonInteraction, context: BotContext, key: string, direction: 'prev' | 'next'): Promise<void> {
  const responder = InteractionResponder.for(interaction, { ephemeral: false, mode: 'update', now: context.now });
  responder.armDeadline();
  const view = await context.state.getButtonState<SignedView>(key, 'signed');
  if (!view) return responder.error(EXPIRED_BUTTON_MESSAGE.replace('the answer it belongs to', 'the list it belongs to'));
  const next: SignedView = { ...view, page: Math.min(MAX_SIGNED_PAGE, Math.max(1, view.page + (direction === 'next' ? 1 : -1))) };
  const result = await signedPage(context, next);
  await context.state.updateButtonState(key, next);
  await responder.send(renderSignedPage(next.organisation, result, next.page, key));
}
