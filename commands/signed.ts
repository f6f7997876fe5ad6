import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { respondWithChoices, signatoryChoices } from '../src/discord/autocomplete.js';
import type { Command } from '../src/discord/command.js';
import { showSigned } from '../src/discord/signatory-pages.js';

export default {
  data: new SlashCommandBuilder()
    .setName('signed')
    .setDescription('The statements an organisation signed, and who co-signs with it most often.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) => option.setName('organisation').setDescription('Start typing a name or abbreviation').setRequired(true).setAutocomplete(true).setMinLength(1).setMaxLength(200))
    .toJSON(),

  async execute(interaction, context) {
    if (!interaction.isChatInputCommand()) return;
    await showSigned(interaction, context, interaction.options.getString('organisation', true));
  },

  async autocomplete(interaction, context) {
    await respondWithChoices(interaction, context, () => signatoryChoices(context, interaction.options.getFocused()));
  },
} satisfies Command;
