import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { respondWithChoices, statementChoices } from '../src/discord/autocomplete.js';
import type { Command } from '../src/discord/command.js';
import { showSignatories } from '../src/discord/signatory-pages.js';

export default {
  data: new SlashCommandBuilder()
    .setName('signatories')
    .setDescription('Who signed a statement: the list of signatories it ends with.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) => option.setName('statement').setDescription('Start typing a title or organisation').setRequired(true).setAutocomplete(true).setMinLength(1).setMaxLength(200))
    .toJSON(),

  async execute(interaction, context) {
    if (!interaction.isChatInputCommand()) return;
    await showSignatories(interaction, context, interaction.options.getString('statement', true));
  },

  async autocomplete(interaction, context) {
    await respondWithChoices(interaction, context, () => statementChoices(context, interaction.options.getFocused()));
  },
} satisfies Command;
