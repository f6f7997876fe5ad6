import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { renderOverview } from '../src/discord/render-overview.js';
import { InteractionResponder } from '../src/discord/respond.js';

export default {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('What the corpus holds: statements per organisation, dates, last update.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .toJSON(),

  async execute(interaction, context) {
    const responder = InteractionResponder.for(interaction, { ephemeral: false, now: context.now });
    responder.armDeadline();
    await responder.send(renderOverview(await context.retriever.corpusOverview()));
  },
} satisfies Command;
