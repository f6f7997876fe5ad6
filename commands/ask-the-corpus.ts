import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import { MAX_QUESTION_CHARS } from '../src/discord/ask-request.js';
import { runAsk } from '../src/discord/ask-flow.js';
import type { Command } from '../src/discord/command.js';
import { interactionSurface } from '../src/discord/interaction-surface.js';
import { InteractionResponder } from '../src/discord/respond.js';
import { splitMessage } from '../src/discord/split.js';

/**
 * Right-click a message → Apps → "Ask the corpus": its text is the question.
 * The answer is private — a right-click shouldn't post publicly in someone
 * else's conversation. A long message is cut to the question limit at a sentence.
 */
export default {
  data: new ContextMenuCommandBuilder().setName('Ask the corpus').setType(ApplicationCommandType.Message).setContexts(InteractionContextType.Guild, InteractionContextType.BotDM).toJSON(),

  async execute(interaction, context) {
    if (!interaction.isMessageContextMenuCommand()) return;
    const text = interaction.targetMessage.content.trim();
    if (text === '') {
      await InteractionResponder.for(interaction, { ephemeral: true }).error('That message has no text to ask about.');
      return;
    }
    const question = splitMessage(text, MAX_QUESTION_CHARS)[0]!;
    await runAsk(context, { question }, interactionSurface(interaction, context, { ephemeral: true }), { language: interaction.locale });
  },
} satisfies Command;
