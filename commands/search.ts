import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { MAX_ORGANISATION_CHARS } from '../src/discord/ask-request.js';
import { organisationChoices, respondWithChoices } from '../src/discord/autocomplete.js';
import type { Command } from '../src/discord/command.js';
import { MAX_SEARCH_QUERY_CHARS, startSearch } from '../src/discord/search-pages.js';
import { DATE_OPTION_CHARS } from './ask.js';

export default {
  data: new SlashCommandBuilder()
    .setName('search')
    .setDescription('Find statements by words; the matching words are shown in bold.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) => option.setName('query').setDescription('Words to look for, e.g. imperialist intervention').setRequired(true).setMinLength(1).setMaxLength(MAX_SEARCH_QUERY_CHARS))
    .addStringOption((option) => option.setName('organisation').setDescription('Only statements by this organisation').setAutocomplete(true).setMaxLength(MAX_ORGANISATION_CHARS))
    .addStringOption((option) => option.setName('from').setDescription('Only statements from this date on (YYYY-MM-DD)').setMinLength(DATE_OPTION_CHARS.min).setMaxLength(DATE_OPTION_CHARS.max))
    .addStringOption((option) => option.setName('to').setDescription('Only statements up to this date (YYYY-MM-DD)').setMinLength(DATE_OPTION_CHARS.min).setMaxLength(DATE_OPTION_CHARS.max))
    .toJSON(),

  async execute(interaction, context) {
    if (!interaction.isChatInputCommand()) return;
    await startSearch(interaction, context, {
      query: interaction.options.getString('query', true),
      organisation: interaction.options.getString('organisation'),
      from: interaction.options.getString('from'),
      to: interaction.options.getString('to'),
    });
  },

  async autocomplete(interaction, context) {
    await respondWithChoices(interaction, context, () => organisationChoices(context, interaction.options.getFocused()));
  },
} satisfies Command;
