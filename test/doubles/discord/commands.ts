import { ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, type APIApplicationCommand } from 'discord-api-types/v10';
import type { SnowflakeSource } from './ids.js';
import type { FormProblem } from './validate.js';

/** Discord's limits on command definitions. */
export const COMMAND_LIMITS = {
  chatInputCommands: 100,
  contextMenuCommandsPerType: 15,
  nameChars: 32,
  descriptionChars: 100,
  options: 25,
  choices: 25,
  choiceNameChars: 100,
  choiceValueChars: 100,
  stringOptionMaxLength: 6000,
  totalCharsPerCommand: 4000,
} as const;

/** Chat-input and option names: lower-case letters, digits, `-`, `_`, `'`, 1–32 long. */
const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Json = Record<string, unknown>;

function checkName(name: unknown, path: FormProblem['path'], problems: FormProblem[]): void {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name) || name !== name.toLowerCase()) {
    problems.push({ path: [...path, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: `Command name is invalid: ${JSON.stringify(name)}` });
  }
}

function checkDescription(description: unknown, path: FormProblem['path'], problems: FormProblem[]): void {
  if (typeof description !== 'string' || description.length < 1 || description.length > COMMAND_LIMITS.descriptionChars) {
    problems.push({ path: [...path, 'description'], code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between 1 and ${COMMAND_LIMITS.descriptionChars} in length.` });
  }
}

/** Characters Discord counts toward a command's 4,000: names, descriptions, choice names and values. */
function countChars(node: Json): number {
  let total = String(node.name ?? '').length + String(node.description ?? '').length;
  for (const choice of (node.choices as Json[] | undefined) ?? []) total += String(choice.name ?? '').length + String(choice.value ?? '').length;
  for (const option of (node.options as Json[] | undefined) ?? []) total += countChars(option);
  return total;
}

function checkOptions(options: unknown, path: FormProblem['path'], problems: FormProblem[]): void {
  if (options === undefined) return;
  if (!Array.isArray(options)) {
    problems.push({ path, code: 'BASE_TYPE_ARRAY', message: 'Must be an array' });
    return;
  }
  if (options.length > COMMAND_LIMITS.options) problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${COMMAND_LIMITS.options} or fewer in length.` });
  let sawOptional = false;
  const names = new Set<string>();
  options.forEach((option: Json, i: number) => {
    const at = [...path, i];
    checkName(option.name, at, problems);
    checkDescription(option.description, at, problems);
    if (names.has(String(option.name))) problems.push({ path: [...at, 'name'], code: 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', message: 'Option names must be unique' });
    names.add(String(option.name));
    const type = option.type as ApplicationCommandOptionType;
    if (type === ApplicationCommandOptionType.Subcommand || type === ApplicationCommandOptionType.SubcommandGroup) {
      checkOptions(option.options, [...at, 'options'], problems);
      return;
    }
    if (option.required) {
      if (sawOptional) problems.push({ path: at, code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
    } else {
      sawOptional = true;
    }
    const choices = Array.isArray(option.choices) ? (option.choices as Json[]) : [];
    if (choices.length > COMMAND_LIMITS.choices) problems.push({ path: [...at, 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${COMMAND_LIMITS.choices} or fewer in length.` });
    if (choices.length > 0 && option.autocomplete) problems.push({ path: [...at, 'autocomplete'], code: 'AUTOCOMPLETE_AND_CHOICES', message: 'Autocomplete cannot be enabled on options with choices' });
    choices.forEach((choice, j) => {
      const name = String(choice.name ?? '');
      if (name.length < 1 || name.length > COMMAND_LIMITS.choiceNameChars) problems.push({ path: [...at, 'choices', j, 'name'], code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between 1 and ${COMMAND_LIMITS.choiceNameChars} in length.` });
      if (typeof choice.value === 'string' && choice.value.length > COMMAND_LIMITS.choiceValueChars) problems.push({ path: [...at, 'choices', j, 'value'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${COMMAND_LIMITS.choiceValueChars} or fewer in length.` });
    });
    for (const key of ['min_length', 'max_length'] as const) {
      const value = option[key];
      if (value !== undefined && (typeof value !== 'number' || value < (key === 'max_length' ? 1 : 0) || value > COMMAND_LIMITS.stringOptionMaxLength)) {
        problems.push({ path: [...at, key], code: 'NUMBER_TYPE_MAX', message: `${key} must be between ${key === 'max_length' ? 1 : 0} and ${COMMAND_LIMITS.stringOptionMaxLength}` });
      }
    }
  });
}

/** Problems with one command definition, as Discord would report them. */
function commandProblems(command: Json, i: number, problems: FormProblem[]): void {
  const type = (command.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
  if (type === ApplicationCommandType.ChatInput) {
    checkName(command.name, [i], problems);
    checkDescription(command.description, [i], problems);
    checkOptions(command.options, [i, 'options'], problems);
    if (countChars(command) > COMMAND_LIMITS.totalCharsPerCommand) {
      problems.push({ path: [i], code: 'APPLICATION_COMMAND_TOO_LARGE', message: `Command exceeds maximum size (${COMMAND_LIMITS.totalCharsPerCommand})` });
    }
  } else {
    const name = command.name;
    if (typeof name !== 'string' || name.length < 1 || name.length > COMMAND_LIMITS.nameChars) {
      problems.push({ path: [i, 'name'], code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between 1 and ${COMMAND_LIMITS.nameChars} in length.` });
    }
    if (command.description !== undefined && command.description !== '') {
      problems.push({ path: [i, 'description'], code: 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', message: 'Context menu commands cannot have a description' });
    }
    if (command.options !== undefined && (command.options as unknown[]).length > 0) {
      problems.push({ path: [i, 'options'], code: 'APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS', message: 'Context menu commands cannot have options' });
    }
  }
}

/** Problems with a whole `PUT .../commands` body: each definition, duplicates and per-type counts. */
export function commandListProblems(body: unknown): FormProblem[] {
  if (!Array.isArray(body)) return [{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array' }];
  const problems: FormProblem[] = [];
  const seen = new Set<string>();
  const perType = new Map<number, number>();
  body.forEach((command: Json, i) => {
    commandProblems(command, i, problems);
    const type = Number(command.type ?? ApplicationCommandType.ChatInput);
    const key = `${type}:${String(command.name)}`;
    if (seen.has(key)) problems.push({ path: [i, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: `Application command names must be unique: ${String(command.name)}` });
    seen.add(key);
    perType.set(type, (perType.get(type) ?? 0) + 1);
  });
  for (const [type, count] of perType) {
    const max = type === ApplicationCommandType.ChatInput ? COMMAND_LIMITS.chatInputCommands : COMMAND_LIMITS.contextMenuCommandsPerType;
    if (count > max) problems.push({ path: [], code: 'BASE_TYPE_MAX_LENGTH', message: `At most ${max} commands of type ${type}` });
  }
  return problems;
}

/** Stores a registered list the way Discord does: ids kept for a command that keeps its name and type. */
export function registerCommands(
  body: Json[],
  existing: readonly APIApplicationCommand[],
  ids: SnowflakeSource,
  applicationId: string,
  guildId?: string,
): APIApplicationCommand[] {
  return body.map((command) => {
    const type = (command.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
    const previous = existing.find((c) => c.name === command.name && (c.type ?? 1) === type);
    return {
      id: previous?.id ?? ids.next(),
      application_id: applicationId,
      version: ids.next(),
      type,
      name: String(command.name),
      name_localizations: (command.name_localizations as APIApplicationCommand['name_localizations']) ?? null,
      description: String(command.description ?? ''),
      description_localizations: (command.description_localizations as APIApplicationCommand['description_localizations']) ?? null,
      ...(command.options ? { options: structuredClone(command.options) as APIApplicationCommand['options'] } : {}),
      default_member_permissions: (command.default_member_permissions as string | null | undefined) ?? null,
      contexts: (command.contexts as APIApplicationCommand['contexts']) ?? null,
      integration_types: (command.integration_types as ApplicationIntegrationType[] | undefined) ?? [ApplicationIntegrationType.GuildInstall],
      nsfw: Boolean(command.nsfw),
      ...(guildId ? { guild_id: guildId } : {}),
    } as APIApplicationCommand;
  });
}
