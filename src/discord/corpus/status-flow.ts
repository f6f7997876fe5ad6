import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { InteractionResponder } from '../respond.js';
import { corpusAdminOf, refuseUnlessCorpusAdmin } from './guard.js';
import { RECENT_CHANGES_SHOWN, renderCorpusStatus } from './render-status.js';

/** `/corpus status`, privately: the administration's view of the corpus. */
export async function showCorpusStatus(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  if (await refuseUnlessCorpusAdmin(interaction, context)) return;
  const admin = corpusAdminOf(context);
  const responder = InteractionResponder.for(interaction, { ephemeral: true, now: context.now });
  responder.armDeadline();
  await responder.send(renderCorpusStatus(await admin.status(RECENT_CHANGES_SHOWN)));
}
