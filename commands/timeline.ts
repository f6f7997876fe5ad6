import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { MAX_ORGANISATION_CHARS } from '../src/discord/ask-request.js';
import { organisationChoices, respondWithChoices } from '../src/discord/autocomplete.js';
import type { Command } from '../src/discord/command.js';
import { MAX_TIMELINE_TOPIC_CHARS, showTimeline } from '../src/discord/timeline-reply.js';
import { DATE_OPTION_CHARS } from './ask.js';

export default {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('How often a topic comes up over time, as a chart, with quoted sentences.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) => option.setName('topic').setDescription('A word or a few, e.g. apartheid; "quotes" for an exact phrase').setRequired(true).setMinLength(1).setMaxLength(MAX_TIMELINE_TOPIC_CHARS))
    .addStringOption((option) => option.setName('organisation').setDescription('Only statements by this organisation').setAutocomplete(true).setMaxLength(MAX_ORGANISATION_CHARS))
    .addStringOption((option) => option.setName('from').setDescription('From this date on (YYYY, YYYY-MM or YYYY-MM-DD)').setMinLength(DATE_OPTION_CHARS.min).setMaxLength(DATE_OPTION_CHARS.max))
    .addStringOption((option) => option.setName('to').setDescription('Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)').setMinLength(DATE_OPTION_CHARS.min).setMaxLength(DATE_OPTION_CHARS.max))
    .toJSON(),

  async execute(interaction, context) {
    if (!interaction.isChatInputCommand()) return;
    await showTimeline(interaction, context, {
      topic: interaction.options.getString('topic', true),
      organisation: interaction.options.getString('organisation'),
      from: interaction.options.getString('from'),
      to: interaction.options.getString('to'),
    });
  },

  async autocomplete(interaction, context) {
    await respondWithChoices(interaction, context, () => organisationChoices(context, interaction.options.getFocused()));
  },
} satisfies Command;
