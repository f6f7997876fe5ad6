import type { ChatInputCommandInteraction, SlashCommandStringOption } from 'discord.js';
import { MAX_ORGANISATION_CHARS } from '../src/discord/ask-request.js';

/** "2021" to "2021-09-10": what the filters accept (src/search/filters.ts). */
export const DATE_OPTION_CHARS = { min: 4, max: 10 } as const;

/**
 * The options every command that reads the corpus filters by, spelt one way:
 * `.addStringOption(organisationOption)` and so on. The organisation is
 * suggested as it is typed (the command's autocomplete answers with
 * organisationChoices).
 */
export function organisationOption(option: SlashCommandStringOption, name = 'organisation', description = 'Only statements by this organisation'): SlashCommandStringOption {
  return option.setName(name).setDescription(description).setAutocomplete(true).setMaxLength(MAX_ORGANISATION_CHARS);
}

export function fromOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option.setName('from').setDescription('Only statements from this date on (YYYY, YYYY-MM or YYYY-MM-DD)').setMinLength(DATE_OPTION_CHARS.min).setMaxLength(DATE_OPTION_CHARS.max);
}

export function toOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option.setName('to').setDescription('Only statements up to this date (YYYY, YYYY-MM or YYYY-MM-DD)').setMinLength(DATE_OPTION_CHARS.min).setMaxLength(DATE_OPTION_CHARS.max);
}

/** What was given in the options above (null where nothing was), as the commands pass them on. */
export function filterValues(interaction: ChatInputCommandInteraction): { organisation: string | null; from: string | null; to: string | null } {
  return { organisation: interaction.options.getString('organisation'), from: interaction.options.getString('from'), to: interaction.options.getString('to') };
}
