import type { ModalSubmitInteraction } from 'discord.js';
import type { BotContext } from './context.js';
import { submitMetadataForm } from './corpus/metadata-form.js';
import { parseButtonId, statementIdOf } from './custom-id.js';
import { InteractionResponder } from './respond.js';

/** Route a submitted form by its custom id (the same `action:key:arg` as buttons) to what it does. */
export async function handleModalSubmit(interaction: ModalSubmitInteraction, context: BotContext): Promise<void> {
  const id = parseButtonId(interaction.customId);
  const statementId = id ? statementIdOf(id.key) : undefined;
  if (id?.action === 'corpus-edit' && id.arg === 'form' && statementId) return submitMetadataForm(interaction, context, statementId);
  context.log.warn({ customId: interaction.customId }, 'unknown form');
  await InteractionResponder.for(interaction, { ephemeral: true }).error('This form no longer does anything. Run the command again.');
}
