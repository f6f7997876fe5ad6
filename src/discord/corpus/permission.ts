import { PermissionFlagsBits, type RepliableInteraction } from 'discord.js';
import type { Config } from '../../config.js';
import type { CorpusActor } from '../../store/corpus-changes.js';

/** The permission /corpus asks Discord to require by default (server settings may widen or narrow who sees it). */
export const CORPUS_ADMIN_PERMISSION = PermissionFlagsBits.ManageGuild;

export const CORPUS_REFUSAL =
  'Only server managers (the Manage Server permission) and the people the bot\'s operator named in CORPUS_ADMIN_USER_IDS may change the corpus or see its administration. Nothing was changed.';

/**
 * Whether this person may administer the corpus: Manage Server where they are
 * (a server's command settings can offer /corpus to anyone, so Discord's
 * default permission alone is not enough), or named in CORPUS_ADMIN_USER_IDS —
 * the only way in a DM, where there is no server to manage. Checked again on
 * every button and form, not only on the command.
 */
export function mayAdministerCorpus(interaction: RepliableInteraction, config: Pick<Config, 'CORPUS_ADMIN_USER_IDS'>): boolean {
  if (config.CORPUS_ADMIN_USER_IDS.includes(interaction.user.id)) return true;
  return interaction.inGuild() && interaction.memberPermissions?.has(CORPUS_ADMIN_PERMISSION) === true;
}

/** Who is acting, as the change record keeps it. */
export function corpusActor(interaction: RepliableInteraction): CorpusActor {
  return { id: interaction.user.id, name: interaction.user.tag };
}
