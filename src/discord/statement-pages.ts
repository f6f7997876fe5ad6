import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { UserFacingError } from '../errors.js';
import { EXPIRED_BUTTON_MESSAGE } from './answer-buttons.js';
import type { BotContext } from './context.js';
import { renderStatementPage, STATEMENT_PAGE_CHARS } from './render-statement.js';
import { InteractionResponder } from './respond.js';

interface StatementView {
  statementId: number;
  page: number;
}

/**
 * `/statement`: the chosen statement's metadata and first page. The option is
 * normally an id from autocomplete; typed text is tried as a slug, then as the
 * best title/organisation match.
 */
export async function showStatement(interaction: ChatInputCommandInteraction, context: BotContext, chosen: string): Promise<void> {
  const responder = InteractionResponder.for(interaction, { ephemeral: false, now: context.now });
  responder.armDeadline();
  const typed = chosen.trim();
  if (typed === '') throw new UserFacingError('empty_statement', 'Start typing a title or organisation and pick a statement from the list.');
  let found = await context.retriever.getStatementPage(typed, 1, STATEMENT_PAGE_CHARS);
  if (!found) {
    const [best] = await context.retriever.suggestStatements(typed, 1);
    if (best) found = await context.retriever.getStatementPage(best.id, 1, STATEMENT_PAGE_CHARS);
  }
  if (!found) throw new UserFacingError('no_statement', `No statement matches "${typed.slice(0, 100)}". Start typing and pick one from the list, or try /search.`);
  const key = found.pageCount > 1 ? await context.state.saveButtonState('statement', { statementId: found.statement.id, page: 1 } satisfies StatementView) : undefined;
  await responder.send(renderStatementPage(found, key));
}

/** Previous/Next under a statement, updating the message in place. */
export async function turnStatementPage(interaction: ButtonInteraction, context: BotContext, key: string, direction: 'prev' | 'next'): Promise<void> {
  const responder = InteractionResponder.for(interaction, { ephemeral: false, mode: 'update', now: context.now });
  responder.armDeadline();
  const view = await context.state.getButtonState<StatementView>(key, 'statement');
  const found = view && (await context.retriever.getStatementPage(view.statementId, view.page + (direction === 'next' ? 1 : -1), STATEMENT_PAGE_CHARS));
  if (!view || !found) return responder.error(EXPIRED_BUTTON_MESSAGE.replace('the answer it belongs to', 'the statement it belongs to'));
  await context.state.updateButtonState(key, { statementId: view.statementId, page: found.page } satisfies StatementView);
  await responder.send(renderStatementPage(found, key));
}
