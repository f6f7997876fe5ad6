import type { AutocompleteInteraction, ChatInputCommandInteraction, MessageContextMenuCommandInteraction, RESTPostAPIApplicationCommandsJSONBody, UserContextMenuCommandInteraction } from 'discord.js';
import type { BotContext } from './context.js';

/**
 * A command: what Discord is told about it (`data`, as registered by
 * `npm run deploy-commands`) and what it does. One module each in commands/,
 * `export default { … } satisfies Command`, listed in commands/index.ts.
 */
/** A slash command or a context-menu command being used. */
export type CommandInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | UserContextMenuCommandInteraction;

export interface Command {
  data: RESTPostAPIApplicationCommandsJSONBody;
  execute(interaction: CommandInteraction, context: BotContext): Promise<void>;
  /** Suggestions for options declared with `setAutocomplete(true)`. */
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}
