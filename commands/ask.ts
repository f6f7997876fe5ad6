import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_CHARS } from '../src/discord/ask-request.js';
import { runAsk } from '../src/discord/ask-flow.js';
import { organisationChoices, respondWithChoices } from '../src/discord/autocomplete.js';
import type { Command } from '../src/discord/command.js';
import { interactionSurface } from '../src/discord/interaction-surface.js';
import { filterValues, fromOption, organisationOption, toOption } from './filter-options.js';

/** YYYY-MM-DD is 10 characters; YYYY and YYYY-MM are accepted too. */

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question; the answer cites the statements it comes from.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) => option.setName('question').setDescription('Your question, e.g. What do the statements say about the Taliban?').setRequired(true).setMinLength(1).setMaxLength(MAX_QUESTION_CHARS))
    .addStringOption((option) => organisationOption(option))
    .addStringOption(fromOption)
    .addStringOption(toOption)
    .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer'))
    .toJSON(),

  async execute(interaction, context) {
    if (!interaction.isChatInputCommand()) return;
    const input = {
      question: interaction.options.getString('question', true),
      ...filterValues(interaction),
    };
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    await runAsk(context, input, interactionSurface(interaction, context, { ephemeral }), { language: interaction.locale });
  },

  async autocomplete(interaction, context) {
    await respondWithChoices(interaction, context, () => organisationChoices(context, interaction.options.getFocused()));
  },
} satisfies Command;
