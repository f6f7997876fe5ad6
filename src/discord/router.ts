import type { Interaction } from 'discord.js';
import { isUserFacingError } from '../errors.js';
import { handleButton } from './buttons.js';
import { handleModalSubmit } from './modals.js';
import type { Command } from './command.js';
import type { BotContext } from './context.js';
import { InteractionResponder, isExpiredTokenError } from './respond.js';

export const GENERIC_ERROR = 'Something went wrong on our side. It has been logged; please try again in a moment.';
export const SHUTTING_DOWN = 'The bot is restarting. Please try again in a minute.';

/**
 * Every interaction comes through here: commands, autocomplete and buttons go
 * to their handlers, and this is the one catch for the interaction surface —
 * a UserFacingError is shown as it is, anything else is logged and answered
 * with a short generic message, always ephemeral, never "This interaction failed".
 */
export async function routeInteraction(interaction: Interaction, context: BotContext, commands: ReadonlyMap<string, Command>): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      const command = commands.get(interaction.commandName);
      if (command?.autocomplete) await command.autocomplete(interaction, context);
      else await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    if (context.isClosing()) {
      await InteractionResponder.for(interaction, { ephemeral: true }).error(SHUTTING_DOWN);
      return;
    }
    if (interaction.isChatInputCommand() || interaction.isContextMenuCommand()) {
      const command = commands.get(interaction.commandName);
      if (!command) {
        context.log.warn({ command: interaction.commandName }, 'unknown command (deploy-commands out of date?)');
        await InteractionResponder.for(interaction, { ephemeral: true }).error('This command is not available any more.');
        return;
      }
      await command.execute(interaction, context);
    } else if (interaction.isButton()) {
      await handleButton(interaction, context);
    } else if (interaction.isModalSubmit()) {
      await handleModalSubmit(interaction, context);
    }
  } catch (error) {
    await reportInteractionError(interaction, context, error);
  }
}

async function reportInteractionError(interaction: Interaction, context: BotContext, error: unknown): Promise<void> {
  const where = { interactionId: interaction.id, type: interaction.type, command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined, customId: interaction.isButton() || interaction.isModalSubmit() ? interaction.customId : undefined, userId: interaction.user.id };
  if (!isUserFacingError(error)) context.log.error({ err: error, ...where }, 'interaction failed');
  if (!interaction.isRepliable()) return;
  try {
    await InteractionResponder.for(interaction, { ephemeral: true }).error(isUserFacingError(error) ? error.message : GENERIC_ERROR);
  } catch (replyError) {
    context.log.warn({ err: replyError, expired: isExpiredTokenError(replyError), ...where }, 'could not tell the user about an error');
  }
}
