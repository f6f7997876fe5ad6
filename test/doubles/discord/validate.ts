/**
 * Discord's limits on what a bot sends, checked the way Discord checks them: a
 * body over a limit gets 400 `Invalid Form Body` (code 50035) with the path of
 * each problem, an empty message 50006. The double enforces them so a bot that
 * would fail in production fails in its tests too.
 */

/** Discord's documented limits, in characters (UTF-16 code units, as JavaScript counts) or items. */
export const LIMITS = {
  contentChars: 2000,
  embedsPerMessage: 10,
  embedTitleChars: 256,
  embedDescriptionChars: 4096,
  embedFields: 25,
  embedFieldNameChars: 256,
  embedFieldValueChars: 1024,
  embedFooterChars: 2048,
  embedAuthorNameChars: 256,
  embedTotalChars: 6000,
  actionRowsPerMessage: 5,
  componentsPerRow: 5,
  buttonLabelChars: 80,
  customIdChars: 100,
  selectOptions: 25,
  selectOptionChars: 100,
  selectPlaceholderChars: 150,
  autocompleteChoices: 25,
  choiceNameChars: 100,
  choiceValueChars: 100,
  modalTitleChars: 45,
  textInputLabelChars: 45,
  componentsV2Total: 40,
} as const;

/** One reason Discord would refuse a body, at a path like `embeds.0.description`. */
export interface FormProblem {
  path: (string | number)[];
  code: string;
  message: string;
}

/** The JSON error Discord answers with, and the status to answer it with. */
export interface DiscordErrorReply {
  status: number;
  body: { code: number; message: string; errors?: unknown };
}

const MESSAGE_FLAG_COMPONENTS_V2 = 1 << 15;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function maxLength(problems: FormProblem[], path: FormProblem['path'], value: unknown, max: number): void {
  if (typeof value === 'string' && value.length > max) {
    problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
}

function required(problems: FormProblem[], path: FormProblem['path'], value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) {
    problems.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  }
}

function embedProblems(embeds: unknown[], problems: FormProblem[]): void {
  if (embeds.length > LIMITS.embedsPerMessage) {
    problems.push({ path: ['embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.embedsPerMessage} or fewer in length.` });
  }
  let total = 0;
  embeds.forEach((embed, i) => {
    if (!isObject(embed)) return;
    maxLength(problems, ['embeds', i, 'title'], embed.title, LIMITS.embedTitleChars);
    maxLength(problems, ['embeds', i, 'description'], embed.description, LIMITS.embedDescriptionChars);
    total += text(embed.title).length + text(embed.description).length;
    if (isObject(embed.footer)) {
      maxLength(problems, ['embeds', i, 'footer', 'text'], embed.footer.text, LIMITS.embedFooterChars);
      total += text(embed.footer.text).length;
    }
    if (isObject(embed.author)) {
      maxLength(problems, ['embeds', i, 'author', 'name'], embed.author.name, LIMITS.embedAuthorNameChars);
      total += text(embed.author.name).length;
    }
    const fields = Array.isArray(embed.fields) ? embed.fields : [];
    if (fields.length > LIMITS.embedFields) {
      problems.push({ path: ['embeds', i, 'fields'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.embedFields} or fewer in length.` });
    }
    fields.forEach((field: unknown, j: number) => {
      if (!isObject(field)) return;
      required(problems, ['embeds', i, 'fields', j, 'name'], field.name);
      required(problems, ['embeds', i, 'fields', j, 'value'], field.value);
      maxLength(problems, ['embeds', i, 'fields', j, 'name'], field.name, LIMITS.embedFieldNameChars);
      maxLength(problems, ['embeds', i, 'fields', j, 'value'], field.value, LIMITS.embedFieldValueChars);
      total += text(field.name).length + text(field.value).length;
    });
  });
  if (total > LIMITS.embedTotalChars) {
    problems.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of ${LIMITS.embedTotalChars}` });
  }
}

/** Checks one interactive component (button, select, text input) wherever it sits. */
function leafProblems(component: Json, path: FormProblem['path'], problems: FormProblem[], customIds: Set<string>): void {
  if (typeof component.custom_id === 'string') {
    required(problems, [...path, 'custom_id'], component.custom_id);
    maxLength(problems, [...path, 'custom_id'], component.custom_id, LIMITS.customIdChars);
    if (customIds.has(component.custom_id)) {
      problems.push({ path: [...path, 'custom_id'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
    }
    customIds.add(component.custom_id);
  }
  if (component.type === 2) {
    maxLength(problems, [...path, 'label'], component.label, LIMITS.buttonLabelChars);
    const isLink = component.style === 5;
    const isPremium = component.style === 6;
    if (isLink && typeof component.url !== 'string') required(problems, [...path, 'url'], component.url);
    if (!isLink && !isPremium && typeof component.custom_id !== 'string') required(problems, [...path, 'custom_id'], component.custom_id);
    if (component.label === undefined && component.emoji === undefined && !isPremium) {
      problems.push({ path: [...path, 'label'], code: 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', message: 'A label or emoji is required' });
    }
  }
  if (component.type === 3 || (typeof component.type === 'number' && component.type >= 5 && component.type <= 8)) {
    maxLength(problems, [...path, 'placeholder'], component.placeholder, LIMITS.selectPlaceholderChars);
    const options = Array.isArray(component.options) ? component.options : [];
    if (options.length > LIMITS.selectOptions) {
      problems.push({ path: [...path, 'options'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.selectOptions} or fewer in length.` });
    }
    options.forEach((option: unknown, k: number) => {
      if (!isObject(option)) return;
      maxLength(problems, [...path, 'options', k, 'label'], option.label, LIMITS.selectOptionChars);
      maxLength(problems, [...path, 'options', k, 'value'], option.value, LIMITS.selectOptionChars);
      maxLength(problems, [...path, 'options', k, 'description'], option.description, LIMITS.selectOptionChars);
    });
  }
}

function countComponents(components: unknown[]): number {
  let count = 0;
  for (const component of components) {
    if (!isObject(component)) continue;
    count += 1;
    if (Array.isArray(component.components)) count += countComponents(component.components);
    if (isObject(component.component)) count += 1;
    if (isObject(component.accessory)) count += 1;
  }
  return count;
}

function walkComponents(components: unknown[], path: FormProblem['path'], problems: FormProblem[], customIds: Set<string>): void {
  components.forEach((component, i) => {
    if (!isObject(component)) return;
    leafProblems(component, [...path, i], problems, customIds);
    if (Array.isArray(component.components)) walkComponents(component.components, [...path, i, 'components'], problems, customIds);
    if (isObject(component.component)) leafProblems(component.component, [...path, i, 'component'], problems, customIds);
    if (isObject(component.accessory)) leafProblems(component.accessory, [...path, i, 'accessory'], problems, customIds);
  });
}

function componentProblems(components: unknown[], flags: number, problems: FormProblem[]): void {
  const customIds = new Set<string>();
  if (flags & MESSAGE_FLAG_COMPONENTS_V2) {
    if (countComponents(components) > LIMITS.componentsV2Total) {
      problems.push({ path: ['components'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.componentsV2Total} or fewer in length.` });
    }
  } else {
    if (components.length > LIMITS.actionRowsPerMessage) {
      problems.push({ path: ['components'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.actionRowsPerMessage} or fewer in length.` });
    }
    components.forEach((row, i) => {
      if (!isObject(row)) return;
      if (row.type !== 1) {
        problems.push({ path: ['components', i, 'type'], code: 'UNION_TYPE_CHOICES', message: 'Top-level components must be action rows unless the message has the IS_COMPONENTS_V2 flag' });
      }
      const children = Array.isArray(row.components) ? row.components : [];
      if (children.length === 0 || children.length > LIMITS.componentsPerRow) {
        problems.push({ path: ['components', i, 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between 1 and ${LIMITS.componentsPerRow} in length.` });
      }
    });
  }
  walkComponents(components, ['components'], problems, customIds);
}

function allowedMentionsProblems(allowed: unknown, problems: FormProblem[]): void {
  if (!isObject(allowed)) return;
  const parse = Array.isArray(allowed.parse) ? allowed.parse : [];
  for (const [i, kind] of parse.entries()) {
    if (kind !== 'users' && kind !== 'roles' && kind !== 'everyone') {
      problems.push({ path: ['allowed_mentions', 'parse', i], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of {"users", "roles", "everyone"}.' });
    }
  }
  for (const kind of ['users', 'roles'] as const) {
    if (parse.includes(kind) && Array.isArray(allowed[kind]) && (allowed[kind] as unknown[]).length > 0) {
      problems.push({ path: ['allowed_mentions', kind], code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.` });
    }
  }
}

/** Problems with a message body (create or edit); `existing` is what an edit applies to. */
export function messageBodyProblems(body: Json, existing?: Json): FormProblem[] {
  const problems: FormProblem[] = [];
  maxLength(problems, ['content'], body.content, LIMITS.contentChars);
  if (Array.isArray(body.embeds)) embedProblems(body.embeds, problems);
  const flags = Number(body.flags ?? existing?.flags ?? 0);
  if (Array.isArray(body.components)) componentProblems(body.components, flags, problems);
  allowedMentionsProblems(body.allowed_mentions, problems);
  return problems;
}

/** Whether a message (after applying the body to what existed) would show nothing. */
export function isEmptyMessage(body: Json, existing?: Json, uploadedFiles = 0): boolean {
  if (uploadedFiles > 0) return false;
  const pick = (key: string): unknown => (key in body ? body[key] : existing?.[key]);
  const nonEmpty = (value: unknown): boolean => (typeof value === 'string' ? value.length > 0 : Array.isArray(value) && value.length > 0);
  return !['content', 'embeds', 'components', 'attachments', 'sticker_ids'].some((key) => nonEmpty(pick(key))) && pick('poll') === undefined;
}

/** Problems with an autocomplete result (callback type 8). */
export function autocompleteProblems(data: Json): FormProblem[] {
  const problems: FormProblem[] = [];
  const choices = Array.isArray(data.choices) ? data.choices : [];
  if (choices.length > LIMITS.autocompleteChoices) {
    problems.push({ path: ['data', 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.autocompleteChoices} or fewer in length.` });
  }
  choices.forEach((choice: unknown, i: number) => {
    if (!isObject(choice)) return;
    required(problems, ['data', 'choices', i, 'name'], choice.name);
    maxLength(problems, ['data', 'choices', i, 'name'], choice.name, LIMITS.choiceNameChars);
    if (typeof choice.value === 'string') maxLength(problems, ['data', 'choices', i, 'value'], choice.value, LIMITS.choiceValueChars);
    else if (typeof choice.value !== 'number') required(problems, ['data', 'choices', i, 'value'], choice.value);
  });
  return problems;
}

/** Problems with a modal (callback type 9). */
export function modalProblems(data: Json): FormProblem[] {
  const problems: FormProblem[] = [];
  required(problems, ['data', 'title'], data.title);
  maxLength(problems, ['data', 'title'], data.title, LIMITS.modalTitleChars);
  required(problems, ['data', 'custom_id'], data.custom_id);
  maxLength(problems, ['data', 'custom_id'], data.custom_id, LIMITS.customIdChars);
  const components = Array.isArray(data.components) ? data.components : [];
  if (components.length === 0 || components.length > 5) {
    problems.push({ path: ['data', 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 5 in length.' });
  }
  return problems;
}

/** Discord's nested `errors` object: `{ embeds: { 0: { description: { _errors: [...] } } } }`. */
function nestErrors(problems: FormProblem[]): Json {
  const root: Json = {};
  for (const problem of problems) {
    let node = root;
    for (const key of problem.path) {
      const name = String(key);
      node[name] ??= {};
      node = node[name] as Json;
    }
    const list = (node._errors ??= []) as unknown[];
    list.push({ code: problem.code, message: problem.message });
  }
  return root;
}

/** The 400 reply for a list of form problems. */
export function invalidFormBody(problems: FormProblem[]): DiscordErrorReply {
  return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: nestErrors(problems) } };
}

/** Discord's JSON errors the double answers with, by name. */
export const DISCORD_ERRORS = {
  unauthorized: { status: 401, body: { code: 0, message: '401: Unauthorized' } },
  notFound: { status: 404, body: { code: 0, message: '404: Not Found' } },
  unknownChannel: { status: 404, body: { code: 10003, message: 'Unknown Channel' } },
  unknownMessage: { status: 404, body: { code: 10008, message: 'Unknown Message' } },
  unknownWebhook: { status: 404, body: { code: 10015, message: 'Unknown Webhook' } },
  unknownInteraction: { status: 404, body: { code: 10062, message: 'Unknown interaction' } },
  unknownUser: { status: 404, body: { code: 10013, message: 'Unknown User' } },
  unknownMember: { status: 404, body: { code: 10007, message: 'Unknown Member' } },
  unknownGuild: { status: 404, body: { code: 10004, message: 'Unknown Guild' } },
  invalidWebhookToken: { status: 401, body: { code: 50027, message: 'Invalid Webhook Token' } },
  emptyMessage: { status: 400, body: { code: 50006, message: 'Cannot send an empty message' } },
  alreadyAcknowledged: { status: 400, body: { code: 40060, message: 'Interaction has already been acknowledged.' } },
  threadAlreadyCreated: { status: 400, body: { code: 160004, message: 'A thread has already been created for this message' } },
  cannotEditOthersMessage: { status: 403, body: { code: 50005, message: 'Cannot edit a message authored by another user' } },
} satisfies Record<string, DiscordErrorReply>;
