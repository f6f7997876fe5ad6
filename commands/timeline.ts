import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { organisationChoices, respondWithChoices } from '../src/discord/autocomplete.js';
import type { Command } from '../src/discord/command.js';
import { MAX_TIMELINE_TOPIC_CHARS, showTimeline } from '../src/discord/timeline-reply.js';
import { filterValues, fromOption, organisationOption, toOption } from './filter-options.js';

export default {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('How often a topic comes up over time, as a chart, with quoted sentences.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) => option.setName('topic').setDescription('A word or a few, e.g. apartheid; "quotes" for an exact phrase').setRequired(true).setMinLength(1).setMaxLength(MAX_TIMELINE_TOPIC_CHARS))
    .addStringOption((option) => organisationOption(option))
    .addStringOption(fromOption)
    .addStringOption(toOption)
    .toJSON(),

  async execute(interaction, context) {
    if (!interaction.isChatInputCommand()) return;
    await showTimeline(interaction, context, {
      topic: interaction.options.getString('topic', true),
      ...filterValues(interaction),
    });
  },

  async autocomplete(interaction, context) {
    await respondWithChoices(interaction, context, () => organisationChoices(context, interaction.options.getFocused()));
  },
} satisfies Command;
