import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { organisationChoices, respondWithChoices } from '../src/discord/autocomplete.js';
import type { Command } from '../src/discord/command.js';
import { KWIC_SORT_CHOICES, MAX_KWIC_PHRASE_CHARS, startConcordance } from '../src/discord/kwic-pages.js';
import { filterValues, fromOption, organisationOption, toOption } from './filter-options.js';

export default {
  data: new SlashCommandBuilder()
    .setName('kwic')
    .setDescription('Keyword in context: every occurrence of a word or phrase, with the words around it.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) => option.setName('phrase').setDescription('A word or phrase, e.g. refugee; in "quotes" for the exact words').setRequired(true).setMinLength(1).setMaxLength(MAX_KWIC_PHRASE_CHARS))
    .addStringOption((option) => organisationOption(option))
    .addStringOption(fromOption)
    .addStringOption(toOption)
    .addStringOption((option) => option.setName('sort').setDescription('Order of the lines (default: date)').addChoices(...KWIC_SORT_CHOICES))
    .toJSON(),

  async execute(interaction, context) {
    if (!interaction.isChatInputCommand()) return;
    await startConcordance(interaction, context, {
      phrase: interaction.options.getString('phrase', true),
      ...filterValues(interaction),
      sort: interaction.options.getString('sort'),
    });
  },

  async autocomplete(interaction, context) {
    await respondWithChoices(interaction, context, () => organisationChoices(context, interaction.options.getFocused()));
  },
} satisfies Command;
