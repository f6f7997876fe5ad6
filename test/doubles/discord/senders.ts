import {
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  InteractionContextType,
  type APIApplicationCommand,
  type APIChannel,
  type APIInteraction,
  type APIMessage,
  type APIThreadChannel,
  type APIUser,
  type Locale,
} from 'discord-api-types/v10';
import { FIXTURE_IDS, type FixtureUserName } from './fixtures.js';
import type { GatewayServer } from './gateway.js';
import { interactionToken } from './ids.js';
import {
  autocompletePayload,
  buildCommandOptions,
  buttonPayload,
  ImpossibleInteractionError,
  messageCommandPayload,
  modalSubmitPayload,
  slashCommandPayload,
  stringSelectPayload,
  type InteractionPlace,
  type OptionInput,
} from './interactions.js';
import type { DoubleMessage } from './messages.js';
import { stripDoubleFields } from './routes-interactions.js';
import type { World } from './world.js';

/** Who acts and where: a fixture user (default Alice) in a channel (default #general), a thread, or their DM. */
export interface Actor {
  user?: FixtureUserName | APIUser | string;
  /** A guild text channel, a thread, or a DM channel id. Default: #general of the main guild. */
  channelId?: string;
  /** Act in the user's DM with the bot instead. */
  dm?: boolean;
  locale?: Locale;
}

/** A slash command to send. Option types come from the registered definition when there is one. */
export interface SlashCommandInput extends Actor {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: Record<string, OptionInput>;
  /** Skip the checks Discord's client makes (unknown options, lengths, choices, required). */
  unchecked?: boolean;
}

/** An autocomplete request: `focused` names the option being typed; its value is the partial text. */
export interface AutocompleteInput extends SlashCommandInput {
  focused: string;
}

/** A click on a button of a message the bot posted (found by its custom id). */
export interface ButtonInput {
  message: string | APIMessage;
  customId: string;
  user?: FixtureUserName | APIUser | string;
  locale?: Locale;
}

/** A choice in a string select of a message the bot posted. */
export interface SelectInput extends ButtonInput {
  values: string[];
}

/** A message context-menu command on a target message. */
export interface MessageCommandInput {
  name: string;
  target: string | APIMessage;
  user?: FixtureUserName | APIUser | string;
  unchecked?: boolean;
  locale?: Locale;
}

/** The submission of the modal the bot showed in answer to `interactionId`. */
export interface ModalSubmitInput {
  interactionId: string;
  /** Text input values by custom id. */
  values: Record<string, string>;
}

/** A message a person (or another bot) posts. */
export interface UserMessageInput extends Actor {
  content: string;
  /** Prefix the content with a mention of the bot (`<@bot> …`). */
  mentionBot?: boolean;
  /** Reply to this message id. */
  replyTo?: string;
}

/** A thread a person starts, from one of their messages or on its own. */
export interface ThreadInput {
  name: string;
  /** The text channel (default #general). */
  channelId?: string;
  user?: FixtureUserName | APIUser | string;
  fromMessage?: string;
  private?: boolean;
}

/** An interaction the double sent: what the client received. */
export interface SentInteraction {
  id: string;
  token: string;
  payload: APIInteraction;
}

function findComponent(components: unknown, customId: string): Record<string, unknown> | undefined {
  if (!Array.isArray(components)) return undefined;
  for (const component of components as Record<string, unknown>[]) {
    if (component.custom_id === customId) return component;
    const nested = findComponent(component.components, customId) ?? findComponent(component.component ? [component.component] : [], customId) ?? findComponent(component.accessory ? [component.accessory] : [], customId);
    if (nested) return nested;
  }
  return undefined;
}

function customIdsOf(components: unknown): string[] {
  if (!Array.isArray(components)) return [];
  return (components as Record<string, unknown>[]).flatMap((component) => [
    ...(typeof component.custom_id === 'string' ? [component.custom_id] : []),
    ...customIdsOf(component.components),
    ...customIdsOf(component.component ? [component.component] : []),
    ...customIdsOf(component.accessory ? [component.accessory] : []),
  ]);
}

/**
 * What people do that reaches the bot: interactions (built from the fixture
 * world and, when registered, the bot's command definitions) and messages.
 * Each method dispatches at once and returns what it sent.
 */
export class Inbound {
  readonly #world: World;
  readonly #gateway: GatewayServer;

  constructor(
    world: World,
    gateway: GatewayServer,
    private readonly changed: () => void,
  ) {
    this.#world = world;
    this.#gateway = gateway;
  }

  #channelFor(user: APIUser, actor: Actor): APIChannel {
    if (actor.dm) return this.#world.dmChannelFor(user);
    const id = actor.channelId ?? FIXTURE_IDS.general;
    const channel = this.#world.channels.get(id);
    if (!channel) throw new Error(`No channel ${id} in the double`);
    return channel;
  }

  /**
   * The registered command a user could pick here, as Discord's client decides:
   * guild commands only in their guild, `contexts`/`dm_permission` for DMs, and
   * `default_member_permissions` against the member's permissions.
   */
  #command(name: string, type: ApplicationCommandType, place: InteractionPlace, unchecked: boolean | undefined): APIApplicationCommand | undefined {
    const command = this.#world.findCommand(name, type, place.guild?.id);
    if (unchecked) return command;
    const anyRegistered = this.#world.globalCommands.length > 0 || [...this.#world.guildCommands.values()].some((list) => list.length > 0);
    const where = place.guild ? 'in this guild' : 'in DMs';
    if (!command) {
      if (anyRegistered) throw new ImpossibleInteractionError(`The bot registered no command "${name}" of type ${type} usable ${where}, so Discord would not offer it`);
      return undefined;
    }
    const context = place.guild ? InteractionContextType.Guild : InteractionContextType.BotDM;
    if ((command.contexts && !command.contexts.includes(context)) || (!place.guild && command.dm_permission === false)) {
      throw new ImpossibleInteractionError(`"${name}" is not offered ${where} (contexts ${JSON.stringify(command.contexts)})`);
    }
    if (place.guild && command.default_member_permissions !== null && command.default_member_permissions !== undefined) {
      const needed = BigInt(command.default_member_permissions);
      if ((BigInt(place.guild.memberPermissions) & needed) !== needed) {
        throw new ImpossibleInteractionError(`${place.user.username} lacks the permissions "${name}" needs (default_member_permissions ${command.default_member_permissions})`);
      }
    }
    return command;
  }

  #dispatchInteraction(payload: APIInteraction, sourceMessageId?: string): SentInteraction {
    const record = this.#world.recordInteraction(payload, sourceMessageId);
    const taken = this.#gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload, payload.guild_id);
    if (taken === 0) {
      this.#world.interactions.delete(record.id);
      this.#world.interactionsByToken.delete(record.token);
      throw new Error('No gateway session would receive this INTERACTION_CREATE: wait for the client\'s clientReady first');
    }
    return { id: payload.id, token: payload.token, payload };
  }

  #newIds(): { id: string; token: string } {
    return { id: this.#world.ids.next(), token: interactionToken() };
  }

  /** Sends a slash command (INTERACTION_CREATE type 2) as `user` in `channelId` (default Alice in #general). */
  sendSlashCommand(input: SlashCommandInput): SentInteraction {
    const user = this.#world.userOf(input.user);
    const channel = this.#channelFor(user, input);
    const place = this.#world.placeFor(user, channel, input.locale);
    const command = this.#command(input.name, ApplicationCommandType.ChatInput, place, input.unchecked);
    const built = buildCommandOptions(
      {
        command,
        commandName: input.name,
        values: input.options ?? {},
        ...(input.subcommand ? { subcommand: input.subcommand } : {}),
        ...(input.subcommandGroup ? { subcommandGroup: input.subcommandGroup } : {}),
        ...(input.unchecked ? { unchecked: true } : {}),
        ...(place.guild ? { guildId: place.guild.id } : {}),
        channelId: channel.id,
      },
      this.#world.directory,
    );
    const ids = { ...this.#newIds(), commandId: command?.id ?? this.#world.ids.next() };
    return this.#dispatchInteraction(slashCommandPayload(place, ids, input.name, built));
  }

  /** Sends an autocomplete request (type 4) while the user types `options[focused]`. */
  sendAutocomplete(input: AutocompleteInput): SentInteraction {
    const user = this.#world.userOf(input.user);
    const channel = this.#channelFor(user, input);
    const place = this.#world.placeFor(user, channel, input.locale);
    const command = this.#command(input.name, ApplicationCommandType.ChatInput, place, input.unchecked);
    if (!(input.focused in (input.options ?? {}))) throw new Error(`autocomplete: options has no value for the focused option "${input.focused}"`);
    const built = buildCommandOptions(
      {
        command,
        commandName: input.name,
        values: input.options ?? {},
        focused: input.focused,
        ...(input.subcommand ? { subcommand: input.subcommand } : {}),
        ...(input.subcommandGroup ? { subcommandGroup: input.subcommandGroup } : {}),
        ...(input.unchecked ? { unchecked: true } : {}),
        ...(place.guild ? { guildId: place.guild.id } : {}),
      },
      this.#world.directory,
    );
    const ids = { ...this.#newIds(), commandId: command?.id ?? this.#world.ids.next() };
    return this.#dispatchInteraction(autocompletePayload(place, ids, input.name, built));
  }

  #messageFor(message: string | APIMessage): DoubleMessage {
    const id = typeof message === 'string' ? message : message.id;
    const found = this.#world.messages.get(id);
    if (!found) throw new Error(`No message ${id} in the double`);
    return found;
  }

  #componentOn(message: DoubleMessage, customId: string, type: ComponentType): void {
    const component = findComponent(message.components, customId);
    if (!component || component.type !== type) {
      throw new ImpossibleInteractionError(`Message ${message.id} has no ${ComponentType[type]} "${customId}" (it has: ${customIdsOf(message.components).join(', ') || 'none'})`);
    }
    if (component.disabled) throw new ImpossibleInteractionError(`The ${ComponentType[type]} "${customId}" is disabled`);
  }

  /** Clicks a button (type 3) on a message the bot posted; the button must be there and enabled. */
  clickButton(input: ButtonInput): SentInteraction {
    const message = this.#messageFor(input.message);
    this.#componentOn(message, input.customId, ComponentType.Button);
    const user = this.#world.userOf(input.user);
    const place = this.#world.placeFor(user, this.#world.channels.get(message.channel_id)!, input.locale);
    return this.#dispatchInteraction(buttonPayload(place, this.#newIds(), stripDoubleFields(message), input.customId), message.id);
  }

  /** Picks values in a string select (type 3) on a message the bot posted. */
  selectOption(input: SelectInput): SentInteraction {
    const message = this.#messageFor(input.message);
    this.#componentOn(message, input.customId, ComponentType.StringSelect);
    const user = this.#world.userOf(input.user);
    const place = this.#world.placeFor(user, this.#world.channels.get(message.channel_id)!, input.locale);
    return this.#dispatchInteraction(stringSelectPayload(place, this.#newIds(), stripDoubleFields(message), input.customId, input.values), message.id);
  }

  /** Runs a message context-menu command (type 2, command type 3) on a message. */
  sendMessageCommand(input: MessageCommandInput): SentInteraction {
    const target = this.#messageFor(input.target);
    const user = this.#world.userOf(input.user);
    const place = this.#world.placeFor(user, this.#world.channels.get(target.channel_id)!, input.locale);
    const command = this.#command(input.name, ApplicationCommandType.Message, place, input.unchecked);
    const ids = { ...this.#newIds(), commandId: command?.id ?? this.#world.ids.next() };
    return this.#dispatchInteraction(messageCommandPayload(place, ids, input.name, stripDoubleFields(target)));
  }

  /** Submits the modal the bot showed (callback type 9) in answer to `interactionId`, as the same user. */
  submitModal(input: ModalSubmitInput): SentInteraction {
    const shown = this.#world.interactions.get(input.interactionId);
    if (!shown) throw new Error(`No interaction ${input.interactionId} was sent by the double`);
    if (!shown.modal) throw new ImpossibleInteractionError(`Interaction ${input.interactionId} was not answered with a modal`);
    const payload = shown.payload as { member?: { user: APIUser }; user?: APIUser; channel_id?: string; locale?: Locale };
    const user = payload.member?.user ?? payload.user!;
    const place = this.#world.placeFor(user, this.#world.channels.get(payload.channel_id!)!, payload.locale);
    const source = shown.sourceMessageId ? this.#world.messages.get(shown.sourceMessageId) : undefined;
    return this.#dispatchInteraction(modalSubmitPayload(place, this.#newIds(), shown.modal, input.values, source ? stripDoubleFields(source) : undefined), shown.sourceMessageId);
  }

  /**
   * Posts a message as a person (default Alice in #general) and dispatches
   * MESSAGE_CREATE. `mentionBot` prefixes `<@bot>` so `mentions` includes the bot.
   */
  postUserMessage(input: UserMessageInput): DoubleMessage {
    const user = this.#world.userOf(input.user);
    const channel = this.#channelFor(user, input);
    const content = input.mentionBot ? `<@${this.#world.botUser.id}> ${input.content}` : input.content;
    const message = this.#world.createMessage(channel.id, user, { content, ...(input.replyTo ? { message_reference: { message_id: input.replyTo } } : {}) });
    this.changed();
    return structuredClone(message);
  }

  /**
   * Starts a thread as a person (default Alice) in a text channel (default
   * #general), from one of its messages or on its own; dispatches THREAD_CREATE.
   * For tests of messages in threads the bot did not start.
   */
  startThread(input: ThreadInput): APIThreadChannel {
    const owner = this.#world.userOf(input.user);
    const parent = this.#world.channels.get(input.channelId ?? FIXTURE_IDS.general);
    if (!parent) throw new Error(`No channel ${input.channelId}`);
    const fromMessage = input.fromMessage ? this.#messageFor(input.fromMessage) : undefined;
    const thread = this.#world.createThread(parent, input.name, {
      owner,
      ...(fromMessage ? { fromMessage } : {}),
      ...(input.private ? { type: ChannelType.PrivateThread } : {}),
    });
    this.changed();
    return structuredClone(thread);
  }

  /** Archives (or locks) a thread as a moderator would; dispatches THREAD_UPDATE. */
  archiveThread(threadId: string, options: { locked?: boolean } = {}): void {
    this.#world.updateThread(threadId, { archived: true, ...(options.locked ? { locked: true } : {}) });
    this.changed();
  }
}
