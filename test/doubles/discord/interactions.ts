import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIAttachment,
  type APIChannel,
  type APIChatInputApplicationCommandInteraction,
  type APIGuildMember,
  type APIInteractionDataResolved,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type APIMessageComponentSelectMenuInteraction,
  type APIModalInteractionResponseCallbackData,
  type APIModalSubmissionComponent,
  type APIModalSubmitInteraction,
  type APIRole,
  type APIUser,
  type Permissions,
} from 'discord-api-types/v10';

/** Discord's default upload limit for a guild without boosts, in bytes. */
const ATTACHMENT_SIZE_LIMIT_BYTES = 10 * 1024 * 1024;

/** Where an interaction happens and who makes it: a guild channel (or thread) with a member, or a DM. */
export interface InteractionPlace {
  applicationId: string;
  user: APIUser;
  channel: APIChannel;
  /** Absent for a DM. */
  guild?: { id: string; member: APIGuildMember; memberPermissions: Permissions; locale: Locale };
  appPermissions: Permissions;
  locale: Locale;
}

/** Lookups the option builder needs to fill `resolved` for user, channel and role options, and where attached files go. */
export interface Directory {
  user(id: string): APIUser | undefined;
  member(guildId: string, userId: string): APIGuildMember | undefined;
  channel(id: string): APIChannel | undefined;
  role(guildId: string, roleId: string): APIRole | undefined;
  /** Store a file attached in `channelId` (served on the double's CDN path) and describe it. */
  attach(channelId: string, input: AttachmentInput): APIAttachment;
}

/** A file attached to an attachment option: its bytes are served at the attachment's `url`. */
export interface AttachmentInput {
  filename: string;
  content: string | Uint8Array;
  /** What the uploader's client declares (`content_type`); absent when it declares nothing. */
  contentType?: string;
  /** The size Discord reports, when a test wants it to differ from the bytes (size limits). */
  size?: number;
}

/** A value for a command option: inferred from its JS type, typed explicitly, or a file to attach. */
export type OptionInput = string | number | boolean | { type: ApplicationCommandOptionType; value: string | number | boolean } | { attachment: AttachmentInput };

/** Thrown when a test asks for an interaction Discord's client could not send (unknown option, value outside its limits…). */
export class ImpossibleInteractionError extends Error {
  override name = 'ImpossibleInteractionError';
}

/** The fields every interaction carries, from where it happens. */
function placeFields(place: InteractionPlace, id: string, token: string) {
  const common = {
    id,
    application_id: place.applicationId,
    token,
    version: 1 as const,
    channel: place.channel,
    channel_id: place.channel.id,
    app_permissions: place.appPermissions,
    locale: place.locale,
    entitlements: [],
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT_BYTES,
  };
  if (place.guild) {
    return {
      ...common,
      guild_id: place.guild.id,
      guild: { id: place.guild.id, locale: place.guild.locale, features: [] },
      guild_locale: place.guild.locale,
      member: { ...place.guild.member, user: place.user, permissions: place.guild.memberPermissions },
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: place.guild.id },
      context: InteractionContextType.Guild,
    };
  }
  return {
    ...common,
    user: place.user,
    // A guild-installed app used in its bot's DM: Discord sends "0" as the guild.
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
    context: InteractionContextType.BotDM,
  };
}

function inferType(value: Exclude<OptionInput, { attachment: AttachmentInput }>): { type: ApplicationCommandOptionType; value: string | number | boolean } {
  if (typeof value === 'object') return value;
  if (typeof value === 'boolean') return { type: ApplicationCommandOptionType.Boolean, value };
  if (typeof value === 'number') {
    return { type: Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number, value };
  }
  return { type: ApplicationCommandOptionType.String, value };
}

/** Checks a value against its registered definition the way Discord's client does before sending. */
function checkAgainstDefinition(definition: APIApplicationCommandOption, value: string | number | boolean, commandName: string): void {
  const where = `/${commandName} ${definition.name}`;
  if ('choices' in definition && definition.choices && definition.choices.length > 0) {
    if (!definition.choices.some((choice) => choice.value === value)) {
      throw new ImpossibleInteractionError(`${where}: ${JSON.stringify(value)} is not one of its choices`);
    }
  }
  if (definition.type === ApplicationCommandOptionType.String && typeof value === 'string') {
    const max = definition.max_length ?? 6000;
    const min = definition.min_length ?? 0;
    if (value.length > max) throw new ImpossibleInteractionError(`${where}: ${value.length} characters is over its max_length ${max}`);
    if (value.length < min) throw new ImpossibleInteractionError(`${where}: ${value.length} characters is under its min_length ${min}`);
  }
  if ((definition.type === ApplicationCommandOptionType.Integer || definition.type === ApplicationCommandOptionType.Number) && typeof value === 'number') {
    if (definition.max_value !== undefined && value > definition.max_value) throw new ImpossibleInteractionError(`${where}: ${value} is over its max_value`);
    if (definition.min_value !== undefined && value < definition.min_value) throw new ImpossibleInteractionError(`${where}: ${value} is under its min_value`);
  }
}

/** What to build command options from. */
export interface OptionRequest {
  command: APIApplicationCommand | undefined;
  commandName: string;
  subcommandGroup?: string;
  subcommand?: string;
  values: Record<string, OptionInput>;
  /** The option being typed in, for autocomplete. */
  focused?: string;
  /** Skip the checks Discord's client makes (for tests of a hostile or broken client). */
  unchecked?: boolean;
  guildId?: string;
  /** Where the command is used (attached files are stored under it). */
  channelId?: string;
}

/**
 * The `options` (and `resolved`) of a chat-input interaction. When the bot has
 * registered the command, option types come from its definition and values are
 * checked against it (required, choices, lengths, ranges); otherwise types are
 * inferred (string, boolean, integer, number).
 */
export function buildCommandOptions(request: OptionRequest, directory: Directory): {
  options: APIApplicationCommandInteractionDataOption[];
  resolved?: APIInteractionDataResolved;
} {
  let definitions: APIApplicationCommandOption[] | undefined = request.command?.options ?? (request.command ? [] : undefined);
  const path: { name: string; type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup }[] = [];
  if (request.subcommandGroup) path.push({ name: request.subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup });
  if (request.subcommand) path.push({ name: request.subcommand, type: ApplicationCommandOptionType.Subcommand });
  for (const step of path) {
    if (definitions) {
      const found = definitions.find((option) => option.name === step.name && option.type === step.type);
      if (!found && !request.unchecked) throw new ImpossibleInteractionError(`/${request.commandName} has no ${step.name}`);
      definitions = found && 'options' in found ? ((found.options ?? []) as APIApplicationCommandOption[]) : undefined;
    }
  }

  const resolved: APIInteractionDataResolved = {};
  const leaves: APIApplicationCommandInteractionDataOption[] = [];
  for (const [name, input] of Object.entries(request.values)) {
    const definition = definitions?.find((option) => option.name === name);
    if (definitions && !definition && !request.unchecked) {
      throw new ImpossibleInteractionError(`/${request.commandName} has no option "${name}"`);
    }
    const focused = request.focused === name;
    if (focused && definition && !request.unchecked && !('autocomplete' in definition && definition.autocomplete)) {
      throw new ImpossibleInteractionError(`/${request.commandName} ${name} has no autocomplete, so Discord would not ask for suggestions`);
    }
    if (typeof input === 'object' && 'attachment' in input) {
      if (definition && !request.unchecked && definition.type !== ApplicationCommandOptionType.Attachment) throw new ImpossibleInteractionError(`/${request.commandName} ${name} takes no file`);
      const attachment = directory.attach(request.channelId ?? '0', input.attachment);
      leaves.push({ name, type: ApplicationCommandOptionType.Attachment, value: attachment.id });
      (resolved.attachments ??= {})[attachment.id] = attachment;
      continue;
    }
    const inferred = inferType(input);
    const type = typeof input === 'object' ? input.type : (definition?.type ?? inferred.type);
    let value = inferred.value;
    if (!focused && !request.unchecked && definition) checkAgainstDefinition(definition, value, request.commandName);
    if (focused) value = String(value);
    leaves.push({ name, type, value, ...(focused ? { focused: true } : {}) } as APIApplicationCommandInteractionDataOption);
    fillResolved(resolved, type, String(value), request.guildId, directory);
  }
  if (definitions && !request.unchecked && request.focused === undefined) {
    for (const option of definitions) {
      if ('required' in option && option.required && !(option.name in request.values)) {
        throw new ImpossibleInteractionError(`/${request.commandName} needs its required option "${option.name}"`);
      }
    }
  }

  let options: APIApplicationCommandInteractionDataOption[] = leaves;
  for (const step of [...path].reverse()) {
    options = [{ name: step.name, type: step.type, options } as APIApplicationCommandInteractionDataOption];
  }
  return Object.keys(resolved).length > 0 ? { options, resolved } : { options };
}

function fillResolved(resolved: APIInteractionDataResolved, type: ApplicationCommandOptionType, id: string, guildId: string | undefined, directory: Directory): void {
  if (type === ApplicationCommandOptionType.User || type === ApplicationCommandOptionType.Mentionable) {
    const user = directory.user(id);
    if (user) {
      (resolved.users ??= {})[id] = user;
      const member = guildId ? directory.member(guildId, id) : undefined;
      if (member && guildId) {
        const { user: _user, ...rest } = member;
        (resolved.members ??= {})[id] = { ...rest, permissions: '0' };
      }
    }
  }
  if (type === ApplicationCommandOptionType.Role || type === ApplicationCommandOptionType.Mentionable) {
    const role = guildId ? directory.role(guildId, id) : undefined;
    if (role) (resolved.roles ??= {})[id] = role;
  }
  if (type === ApplicationCommandOptionType.Channel) {
    const channel = directory.channel(id);
    if (channel && 'name' in channel) {
      (resolved.channels ??= {})[id] = { id, type: channel.type, name: channel.name ?? null, permissions: '0' } as never;
    }
  }
}

/** A slash command (interaction type 2, command type 1). */
export function slashCommandPayload(
  place: InteractionPlace,
  ids: { id: string; token: string; commandId: string },
  name: string,
  built: ReturnType<typeof buildCommandOptions>,
): APIChatInputApplicationCommandInteraction {
  return {
    ...placeFields(place, ids.id, ids.token),
    type: InteractionType.ApplicationCommand,
    data: {
      id: ids.commandId,
      name,
      type: ApplicationCommandType.ChatInput,
      options: built.options,
      ...(built.resolved ? { resolved: built.resolved } : {}),
      ...(place.guild ? { guild_id: place.guild.id } : {}),
    },
  } satisfies APIChatInputApplicationCommandInteraction;
}

/** An autocomplete request (interaction type 4) while the user types into the focused option. */
export function autocompletePayload(
  place: InteractionPlace,
  ids: { id: string; token: string; commandId: string },
  name: string,
  built: ReturnType<typeof buildCommandOptions>,
): APIApplicationCommandAutocompleteInteraction {
  return {
    ...placeFields(place, ids.id, ids.token),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: ids.commandId,
      name,
      type: ApplicationCommandType.ChatInput,
      options: built.options,
      ...(place.guild ? { guild_id: place.guild.id } : {}),
    },
  } satisfies APIApplicationCommandAutocompleteInteraction;
}

/** A button click (interaction type 3) on a message the bot posted. */
export function buttonPayload(place: InteractionPlace, ids: { id: string; token: string }, message: APIMessage, customId: string): APIMessageComponentButtonInteraction {
  return {
    ...placeFields(place, ids.id, ids.token),
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: customId, component_type: ComponentType.Button },
  } satisfies APIMessageComponentButtonInteraction;
}

/** A string-select choice (interaction type 3) on a message the bot posted. */
export function stringSelectPayload(
  place: InteractionPlace,
  ids: { id: string; token: string },
  message: APIMessage,
  customId: string,
  values: string[],
): APIMessageComponentSelectMenuInteraction {
  return {
    ...placeFields(place, ids.id, ids.token),
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: customId, component_type: ComponentType.StringSelect, values },
  } satisfies APIMessageComponentSelectMenuInteraction;
}

/** A message context-menu command (interaction type 2, command type 3) on a target message. */
export function messageCommandPayload(
  place: InteractionPlace,
  ids: { id: string; token: string; commandId: string },
  name: string,
  target: APIMessage,
): APIMessageApplicationCommandInteraction {
  return {
    ...placeFields(place, ids.id, ids.token),
    type: InteractionType.ApplicationCommand,
    data: {
      id: ids.commandId,
      name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
      ...(place.guild ? { guild_id: place.guild.id } : {}),
    },
  } satisfies APIMessageApplicationCommandInteraction;
}

/**
 * The submission of a modal the bot showed, mirroring its layout: an action row
 * of text inputs comes back as an action row, a label as a label. Every text
 * input gets `values[custom_id]` (or '').
 */
export function modalSubmitPayload(
  place: InteractionPlace,
  ids: { id: string; token: string },
  modal: APIModalInteractionResponseCallbackData,
  values: Record<string, string>,
  message?: APIMessage,
): APIModalSubmitInteraction {
  const components: APIModalSubmissionComponent[] = [];
  for (const component of modal.components) {
    if (component.type === ComponentType.ActionRow) {
      components.push({
        type: ComponentType.ActionRow,
        components: component.components.map((input) => ({ type: ComponentType.TextInput, custom_id: input.custom_id, value: values[input.custom_id] ?? '' })),
      });
    } else if (component.type === ComponentType.Label && component.component.type === ComponentType.TextInput) {
      const input = component.component;
      components.push({ type: ComponentType.Label, component: { type: ComponentType.TextInput, custom_id: input.custom_id, value: values[input.custom_id] ?? '' } });
    } else if (component.type === ComponentType.TextDisplay) {
      components.push({ type: ComponentType.TextDisplay });
    }
  }
  return {
    ...placeFields(place, ids.id, ids.token),
    type: InteractionType.ModalSubmit,
    data: { custom_id: modal.custom_id, components },
    ...(message ? { message } : {}),
  } satisfies APIModalSubmitInteraction;
}

export { Locale };
