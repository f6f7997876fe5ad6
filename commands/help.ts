import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { renderHelp } from '../src/discord/render-help.js';
import { InteractionResponder } from '../src/discord/respond.js';

export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('How to ask questions and look statements up, with examples.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .toJSON(),

  async execute(interaction) {
    await InteractionResponder.for(interaction, { ephemeral: true }).send(renderHelp());
  },
} satisfies Command;
