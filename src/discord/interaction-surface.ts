import { escapeMarkdown, type RepliableInteraction } from 'discord.js';
import type { AnswerSurface } from './ask-flow.js';
import type { BotContext } from './context.js';
import { messageOptions, InteractionResponder } from './respond.js';

/**
 * A question asked by slash command or context menu. Refusals are ephemeral
 * replies; the answer is the deferred reply, edited as it streams; when the
 * 15-minute token has run out before the answer is ready, a public answer is
 * posted in the channel instead (a private one can only be logged).
 */
export function interactionSurface(interaction: RepliableInteraction, context: BotContext, { ephemeral }: { ephemeral: boolean }): AnswerSurface {
  const responder = InteractionResponder.for(interaction, { ephemeral, now: context.now });
  return {
    userId: interaction.user.id,
    guildId: interaction.guildId,
    refuse: (message) => responder.error(message),
    acknowledge: () => responder.defer(),
    show: (payload) => responder.send(payload),
    more: (payload) => responder.followUp(payload),
    problem: (message) => responder.error(message),
    async deliverLate(messages) {
      const channel = interaction.channel;
      if (ephemeral || !channel?.isSendable()) {
        context.log.warn({ userId: interaction.user.id, ephemeral }, 'answer ready after the interaction token expired; nowhere to post it');
        return;
      }
      const [first, ...rest] = messages;
      if (first) await channel.send(messageOptions({ ...first, content: `Answer for ${escapeMarkdown(interaction.user.displayName)} (the original reply could no longer be edited):` }));
      for (const message of rest) await channel.send(messageOptions(message));
    },
    done: () => undefined,
  };
}
