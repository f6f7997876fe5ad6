import type { RepliableInteraction } from 'discord.js';
import type { CorpusAdmin } from '../../corpus/admin/corpus-admin.js';
import { UserFacingError } from '../../errors.js';
import type { BotContext } from '../context.js';
import { InteractionResponder } from '../respond.js';
import { CORPUS_REFUSAL, mayAdministerCorpus } from './permission.js';

/**
 * Refuse anyone who may not administer the corpus, privately and saying why;
 * true when refused (the caller stops). Every /corpus command, button and form
 * goes through here before it reads or writes anything.
 */
export async function refuseUnlessCorpusAdmin(interaction: RepliableInteraction, context: BotContext): Promise<boolean> {
  if (mayAdministerCorpus(interaction, context.config)) return false;
  context.log.info({ userId: interaction.user.id, guildId: interaction.guildId }, 'corpus administration refused');
  await InteractionResponder.for(interaction, { ephemeral: true, now: context.now }).error(CORPUS_REFUSAL);
  return true;
}

/** The corpus administration this bot was started with. */
export function corpusAdminOf(context: BotContext): CorpusAdmin {
  if (!context.corpusAdmin) throw new UserFacingError('no_corpus_admin', 'This bot was started without corpus administration, so /corpus is not available here.');
  return context.corpusAdmin;
}
