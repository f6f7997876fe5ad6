import type { ButtonInteraction } from 'discord.js';
import { recordVote, showCitedSource } from './answer-buttons.js';
import type { BotContext } from './context.js';
import { openMetadataForm } from './corpus/metadata-form.js';
import { confirmRemove } from './corpus/remove-flow.js';
import { parseButtonId, statementIdOf } from './custom-id.js';
import { InteractionResponder } from './respond.js';
import { turnConcordancePage } from './kwic-pages.js';
import { turnSearchPage } from './search-pages.js';
import { turnSignatoriesPage, turnSignedPage } from './signatory-pages.js';
import { turnStatementPage } from './statement-pages.js';
import { showTimelineQuote } from './timeline-buttons.js';

/** Route a button press by its custom id (`action:key:arg`) to what it does. */
export async function handleButton(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const id = parseButtonId(interaction.customId);
  const direction = id?.arg === 'prev' || id?.arg === 'next' ? id.arg : undefined;
  switch (id?.action) {
    case 'source':
      return showCitedSource(interaction, context, id.key, Number(id.arg));
    case 'vote':
      return recordVote(interaction, context, id.key, id.arg === 'down' ? -1 : 1);
    case 'search-page':
      if (direction) return turnSearchPage(interaction, context, id.key, direction);
      break;
    case 'statement-page':
      if (direction) return turnStatementPage(interaction, context, id.key, direction);
      break;
    case 'kwic-page':
      if (/^\d{1,9}$/.test(id.arg)) return turnConcordancePage(interaction, context, id.key, Number(id.arg));
      break;
    case 'signatories-page':
      if (direction) return turnSignatoriesPage(interaction, context, id.key, direction);
      break;
    case 'signed-page':
      if (direction) return turnSignedPage(interaction, context, id.key, direction);
      break;
    case 'timeline-quote':
      if (/^\d+$/.test(id.key) && /^\d+$/.test(id.arg)) return showTimelineQuote(interaction, context, Number(id.key), Number(id.arg));
      break;
    case 'corpus-edit':
      if (id.arg === 'open' && statementIdOf(id.key)) return openMetadataForm(interaction, context, statementIdOf(id.key)!);
      break;
    case 'corpus-remove':
      if (id.arg === 'confirm' && statementIdOf(id.key)) return confirmRemove(interaction, context, statementIdOf(id.key)!);
      break;
  }
  context.log.warn({ customId: interaction.customId }, 'unknown button');
  await InteractionResponder.for(interaction, { ephemeral: true }).error('This button no longer does anything. Run the command again.');
}
