import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { organisationChoices, respondWithChoices } from '../src/discord/autocomplete.js';
import type { Command } from '../src/discord/command.js';
import { MAX_SEARCH_QUERY_CHARS, startSearch } from '../src/discord/search-pages.js';
import { filterValues, fromOption, organisationOption, toOption } from './filter-options.js';

export default {
  data: new SlashCommandBuilder()
    .setName('search')
    .setDescription('Find statements by words; the matching words are shown in bold.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) => option.setName('query').setDescription('Words to look for, e.g. imperialist intervention').setRequired(true).setMinLength(1).setMaxLength(MAX_SEARCH_QUERY_CHARS))
    .addStringOption((option) => organisationOption(option))
    .addStringOption(fromOption)
    .addStringOption(toOption)
    .toJSON(),

  async execute(interaction, context) {
    if (!interaction.isChatInputCommand()) return;
    await startSearch(interaction, context, {
      query: interaction.options.getString('query', true),
      ...filterValues(interaction),
    });
  },

  async autocomplete(interaction, context) {
    await respondWithChoices(interaction, context, () => organisationChoices(context, interaction.options.getFocused()));
  },
} satisfies Command;
