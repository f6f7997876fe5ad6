import { ButtonStyle, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { UserFacingError } from '../../errors.js';
import type { BotContext } from '../context.js';
import { encodeButtonId } from '../custom-id.js';
import { MAX_EMBED_TITLE_CHARS } from '../limits.js';
import { button, buttonRows, COLOUR, textPayload, type MessagePayload } from '../payload.js';
import { InteractionResponder } from '../respond.js';
import { escapeHeaderText, escapeMarkdownText, fitRendered } from '../safe-markdown.js';
import { corpusAdminOf, refuseUnlessCorpusAdmin } from './guard.js';
import { corpusActor } from './permission.js';

/** A statement from the web comes back with the next refresh if a followed source still lists it. */
const FROM_THE_WEB = '\nIt came from the web: if a feed, sitemap or page in the sources file lists it, the next refresh adds it again — take it out of sources.yaml too.';

/**
 * `/corpus remove statement:…` — removal is deliberate: the statement is
 * named exactly (autocomplete gives its id; a slug works too, a guess doesn't),
 * shown, and removed only when the same administrator presses "Remove" under it.
 */
export async function askToRemove(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  if (await refuseUnlessCorpusAdmin(interaction, context)) return;
  const responder = InteractionResponder.for(interaction, { ephemeral: true, now: context.now });
  responder.armDeadline();
  const chosen = interaction.options.getString('statement', true).trim();
  const statement = chosen === '' ? undefined : await context.retriever.getStatement(chosen);
  if (!statement) throw new UserFacingError('no_statement', 'No statement has that id or slug. Start typing a title or organisation and pick one from the list.');
  const fromTheWeb = /^https?:\/\//.test(statement.source);
  const about = [statement.organisation || 'Unknown organisation', statement.date ?? 'undated', `${statement.passageCount} passages`].map((part) => fitRendered(part, 300, escapeMarkdownText)).join(' · ');
  const confirm: MessagePayload = {
    content: '',
    embeds: [
      {
        title: fitRendered(`Remove “${statement.title || 'Untitled statement'}”?`, MAX_EMBED_TITLE_CHARS, escapeHeaderText),
        description: `${about}\n\nIts passages leave the search and answers at once; the removal is recorded with your name. Re-adding it later gives it a new id.${fromTheWeb ? FROM_THE_WEB : ''}`,
        color: COLOUR.error,
        footer: { text: `#${statement.id} · ${statement.slug}`.slice(0, 200) },
      },
    ],
    components: buttonRows([button(encodeButtonId({ action: 'corpus-remove', key: String(statement.id), arg: 'confirm' }), 'Remove', { emoji: '🗑️', style: ButtonStyle.Danger })])[0]!,
  };
  await responder.send(confirm);
}

/** "Remove" pressed: checked again, removed, recorded; the question becomes the answer. */
export async function confirmRemove(interaction: ButtonInteraction, context: BotContext, statementId: number): Promise<void> {
  if (await refuseUnlessCorpusAdmin(interaction, context)) return;
  const admin = corpusAdminOf(context);
  const responder = InteractionResponder.for(interaction, { ephemeral: true, mode: 'update', now: context.now });
  responder.armDeadline();
  const { title } = await admin.remove(statementId, corpusActor(interaction));
  context.log.info({ statementId, userId: interaction.user.id }, 'statement removed');
  await responder.send(textPayload(`Removed “${fitRendered(title || 'Untitled statement', 300, escapeMarkdownText)}” (#${statementId}) from the corpus. The removal is recorded; see /corpus status.`));
}
