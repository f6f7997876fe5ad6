import { EventEmitter } from 'node:events';
import {
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  InteractionContextType,
  InteractionResponseType,
  Locale,
  type APIApplicationCommand,
  type APIChannel,
  type APIInteraction,
  type APIMessage,
  type APIThreadChannel,
  type APIUser,
} from 'discord-api-types/v10';
import { FIXTURE_IDS, USERS, type FixtureUserName } from './fixtures.js';
import { GatewayServer, waitUntil, type DropOptions } from './gateway.js';
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
import type { DoubleMessage, MessageVersion } from './messages.js';
import { FaultPlan, toPredicate, type RecordedRequest, type RequestMatcher, type ScriptedFault } from './requests.js';
import { applicationRoutes } from './routes-application.js';
import { channelRoutes, type TypingRecord } from './routes-channels.js';
import { interactionRoutes, stripDoubleFields } from './routes-interactions.js';
import { RestServer } from './server.js';
import { interactionToken } from './ids.js';
import { DEFAULT_OPTIONS, World, type DiscordDoubleOptions, type InteractionCallbackRecord, type InteractionRecord } from './world.js';

/** Default wait of the waiting helpers, in ms: long enough for a loaded CI machine, short enough to fail fast. */
const DEFAULT_WAIT_MS = 5000;

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

/** An interaction the double sent: what the client received. */
export interface SentInteraction {
  id: string;
  token: string;
  payload: APIInteraction;
}

/** A body of a request that creates or edits a message, with the request it came in. */
export interface SentMessageBody {
  request: RecordedRequest;
  body: Record<string, unknown>;
}

/** What `assertClean` may be told to tolerate. */
export type CleanlinessCheck = 'problems' | 'failedInteractions' | 'unusedFaults';

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

/** Request routes whose body creates or edits a message. */
const MESSAGE_BODY_ROUTES = new Set([
  'POST /channels/:channel/messages',
  'PATCH /channels/:channel/messages/:message',
  'POST /webhooks/:app/:token',
  'PATCH /webhooks/:app/:token/messages/:message',
]);

/**
 * A fake Discord on 127.0.0.1 for the real discord.js client. See index.ts for
 * the tour; every method has its own TSDoc.
 */
export class DiscordDouble extends EventEmitter {
  /** Fixed ids of the fixture world (guild, channels, users, roles, DMs). */
  readonly ids = FIXTURE_IDS;
  /** The fixture users: bot, alice, bob, otherBot. */
  readonly users = USERS;
  readonly #world: World;
  readonly #gateway: GatewayServer;
  readonly #server: RestServer;
  readonly #faults = new FaultPlan();
  readonly #typing: TypingRecord[] = [];

  private constructor(options: DiscordDoubleOptions) {
    super();
    this.setMaxListeners(0);
    const resolved = { ...DEFAULT_OPTIONS, ...options };
    this.#world = new World(resolved);
    const world = this.#world;
    this.#gateway = new GatewayServer(
      {
        token: resolved.token,
        botUser: world.botUser,
        applicationId: world.applicationId,
        guildIds: () => world.guilds.map((guild) => guild.id),
        guildCreate: (id) => world.guildCreate(id),
        members: (id) => world.guild(id)?.members ?? [],
      },
      resolved.heartbeatIntervalMs,
    );
    world.gateway = this.#gateway;
    const changed = (): void => void this.emit('change');
    this.#gateway.on('change', changed);
    this.#server = new RestServer(
      [...interactionRoutes(world, changed), ...channelRoutes(world, this.#typing, changed), ...applicationRoutes(world, changed)],
      resolved.token,
      this.#faults,
      this.#gateway,
    );
    this.#server.on('request', (request: RecordedRequest) => {
      this.emit('request', request);
      changed();
    });
  }

  /** Starts a double on a free port of 127.0.0.1. */
  static async start(options: DiscordDoubleOptions = {}): Promise<DiscordDouble> {
    const double = new DiscordDouble(options);
    const port = await double.#server.listen();
    double.#gateway.setUrl(`ws://127.0.0.1:${port}`);
    return double;
  }

  /** The bot token the double accepts. */
  get token(): string {
    return this.#world.options.token;
  }

  /** What to pass as discord.js `rest.api`: `http://127.0.0.1:PORT/api`. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.#server.port}/api`;
  }

  /** The gateway URL `GET /gateway/bot` answers. */
  get gatewayUrl(): string {
    return this.#gateway.url;
  }

  /** Environment for the bot's config: token, client id, guild id, API base. */
  get env(): Record<'DISCORD_TOKEN' | 'DISCORD_CLIENT_ID' | 'DISCORD_GUILD_ID' | 'DISCORD_API_BASE', string> {
    return { DISCORD_TOKEN: this.token, DISCORD_CLIENT_ID: FIXTURE_IDS.application, DISCORD_GUILD_ID: FIXTURE_IDS.guild, DISCORD_API_BASE: this.apiBase };
  }

  /** The gateway: its sessions (intents, events, resumes) and connections (path, outcome, heartbeats). */
  get gateway(): GatewayServer {
    return this.#gateway;
  }

  /** Every REST request so far, in order of arrival. */
  get requests(): readonly RecordedRequest[] {
    return this.#server.requests;
  }

  /** Requests no route of the double knows (each answered 404). */
  get unknownRequests(): RecordedRequest[] {
    return this.#server.requests.filter((request) => request.route === undefined && !request.fault);
  }

  /** Requests the double judged bot mistakes (unknown, invalid body, late or double acknowledgement…). */
  get problemRequests(): RecordedRequest[] {
    return this.#server.requests.filter((request) => request.problem !== undefined);
  }

  // ---- Sending things to the bot -------------------------------------------------------------

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
    const shown = this.interaction(input.interactionId);
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
    this.emit('change');
    return structuredClone(message);
  }

  /**
   * Starts a thread as a person (default Alice) in a text channel (default
   * #general), from one of its messages or on its own; dispatches THREAD_CREATE.
   * For tests of messages in threads the bot did not start.
   */
  startThread(input: { name: string; channelId?: string; user?: FixtureUserName | APIUser | string; fromMessage?: string; private?: boolean }): APIThreadChannel {
    const owner = this.#world.userOf(input.user);
    const parent = this.#world.channels.get(input.channelId ?? FIXTURE_IDS.general);
    if (!parent) throw new Error(`No channel ${input.channelId}`);
    const fromMessage = input.fromMessage ? this.#messageFor(input.fromMessage) : undefined;
    const thread = this.#world.createThread(parent, input.name, {
      owner,
      ...(fromMessage ? { fromMessage } : {}),
      ...(input.private ? { type: ChannelType.PrivateThread } : {}),
    });
    this.emit('change');
    return structuredClone(thread);
  }

  /** Archives (or locks) a thread as a moderator would; dispatches THREAD_UPDATE. */
  archiveThread(threadId: string, options: { locked?: boolean } = {}): void {
    this.#world.updateThread(threadId, { archived: true, ...(options.locked ? { locked: true } : {}) });
    this.emit('change');
  }

  // ---- Reading what the user sees ---------------------------------------------------------------

  /** Everything the double knows of an interaction it sent (callback, original, follow-ups, modal, choices). */
  interaction(id: string): InteractionRecord {
    const record = this.#world.interactions.get(id);
    if (!record) throw new Error(`No interaction ${id} was sent by the double`);
    return record;
  }

  /** The message `@original` of an interaction token shows now (content, embeds, components, flags), or undefined. */
  originalResponse(token: string): DoubleMessage | undefined {
    const record = this.#world.interactionsByToken.get(token);
    const message = record?.originalMessageId ? this.#world.messages.get(record.originalMessageId) : undefined;
    return message ? structuredClone(message) : undefined;
  }

  /** The follow-up messages of an interaction token, oldest first. */
  followUps(token: string): DoubleMessage[] {
    const record = this.#world.interactionsByToken.get(token);
    return (record?.followUpIds ?? []).flatMap((id) => {
      const message = this.#world.messages.get(id);
      return message ? [structuredClone(message)] : [];
    });
  }

  /** Every message in a channel or thread, oldest first, ephemeral ones included (check `flags & 64`). */
  messagesIn(channelId: string): DoubleMessage[] {
    return structuredClone(this.#world.messages.inChannel(channelId));
  }

  /** One message by id, as it is now. */
  message(id: string): DoubleMessage | undefined {
    const message = this.#world.messages.get(id);
    return message ? structuredClone(message) : undefined;
  }

  /** Every version a message went through (creation, then each edit), with times: for streaming tests. */
  messageVersions(id: string): MessageVersion[] {
    return structuredClone(this.#world.messages.versions(id));
  }

  /** A channel, thread or DM channel as the double holds it. */
  channel(id: string): APIChannel | undefined {
    return this.#world.channels.get(id);
  }

  /** Threads started in a channel, oldest first. */
  threadsIn(parentId: string): APIThreadChannel[] {
    return [...this.#world.channels.values()].filter((channel): channel is APIThreadChannel => 'parent_id' in channel && channel.parent_id === parentId && 'thread_metadata' in channel);
  }

  /** Typing indicators the bot triggered, optionally in one channel. */
  typingIn(channelId?: string): TypingRecord[] {
    return this.#typing.filter((record) => channelId === undefined || record.channelId === channelId);
  }

  /** Commands the bot registered: global, or of one guild. */
  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return structuredClone(guildId ? (this.#world.guildCommands.get(guildId) ?? []) : this.#world.globalCommands);
  }

  /**
   * Every message body the bot sent — replies and updates in callbacks (types 4 and 7),
   * follow-ups, edits of `@original`, channel posts and edits — for checks like
   * "allowed_mentions on every message body". Refused and faulted requests included.
   */
  sentMessageBodies(): SentMessageBody[] {
    return this.#server.requests.flatMap((request) => {
      const body = request.body as Record<string, unknown> | undefined;
      if (!body || !request.route) return [];
      if (request.route === 'POST /interactions/:interaction/:token/callback') {
        const type = body.type as InteractionResponseType;
        const carriesMessage = type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.UpdateMessage;
        return carriesMessage && body.data ? [{ request, body: body.data as Record<string, unknown> }] : [];
      }
      return MESSAGE_BODY_ROUTES.has(request.route) ? [{ request, body }] : [];
    });
  }

  /** Interactions the user saw fail: acknowledged late, or not at all and past the deadline. */
  failedInteractions(now: number = Date.now()): InteractionRecord[] {
    return [...this.#world.interactions.values()].filter((record) => {
      if (record.callback) return false;
      return record.refusedCallbacks.some((c) => c.afterMs > this.#world.options.interactionDeadlineMs) || now - record.createdAt > this.#world.options.interactionDeadlineMs;
    });
  }

  // ---- Waiting -------------------------------------------------------------------------------------

  /** Resolves with `check()`'s first truthy value, re-checked after every request and gateway event. */
  async waitFor<T>(check: () => T | undefined | null | false, timeoutMs = DEFAULT_WAIT_MS, what = 'condition'): Promise<T> {
    let value: T | undefined | null | false;
    await waitUntil(this, () => Boolean((value = check())), timeoutMs, `waitFor(${what}): not met`);
    return value as T;
  }

  /**
   * Resolves with the first answered request that matches, past or future
   * (`since`: only requests with `seq` greater than it, e.g. `double.requests.length`).
   */
  waitForRequest(matcher: RequestMatcher, timeoutMs = DEFAULT_WAIT_MS, options: { since?: number } = {}): Promise<RecordedRequest> {
    const matches = toPredicate(matcher);
    const since = options.since ?? 0;
    return this.waitFor(() => this.#server.requests.find((r) => r.seq > since && r.status !== undefined && matches(r)), timeoutMs, `request ${String(matcher)}`);
  }

  /** Resolves with an interaction's accepted callback (type 4, 5, 6, 7, 8 or 9) and when it came. */
  async waitForInteractionResponse(interactionId: string, timeoutMs = DEFAULT_WAIT_MS): Promise<InteractionCallbackRecord> {
    try {
      return await this.waitFor(() => this.#world.interactions.get(interactionId)?.callback, timeoutMs, `callback for interaction ${interactionId}`);
    } catch (error) {
      const refused = this.#world.interactions.get(interactionId)?.refusedCallbacks ?? [];
      if (refused.length > 0) throw new Error(`${(error as Error).message}; refused callbacks: ${refused.map((c) => c.reason).join('; ')}`);
      throw error;
    }
  }

  // ---- Scripted faults -------------------------------------------------------------------------

  /** Makes an interaction token stale: its webhook calls get 401 `Invalid Webhook Token` (50027), its callback 404 (10062). */
  expireInteractionToken(token: string): void {
    const record = this.#world.interactionsByToken.get(token);
    if (!record) throw new Error('expireInteractionToken: unknown token');
    record.expired = true;
  }

  /**
   * The next request matching gets 429 with `retry_after` (body) and
   * `Retry-After`/`X-RateLimit-*` headers, so discord.js waits and retries.
   * Seconds may be fractional here (Discord rounds the header up) to keep tests quick.
   */
  rateLimitNext(matcher: RequestMatcher, retryAfterSeconds = 0.25, options: { global?: boolean } = {}): void {
    this.#faults.add({ kind: 'rate-limit', matches: toPredicate(matcher), remaining: 1, retryAfterSeconds, ...(options.global ? { global: true } : {}) });
  }

  /**
   * The next `times` requests matching get `status` (default 500). Note that
   * discord.js retries a 5xx up to 3 times by itself: use `times: 4` for a
   * failure the bot sees.
   */
  failNext(matcher: RequestMatcher, status = 500, options: { times?: number; body?: unknown } = {}): void {
    this.#faults.add({ kind: 'fail', matches: toPredicate(matcher), remaining: options.times ?? 1, status, ...(options.body !== undefined ? { body: options.body } : {}) });
  }

  /** Delays answers to matching requests by `ms`; returns a function that removes the delay. */
  setLatency(matcher: RequestMatcher, ms: number): () => void {
    return this.#faults.addLatency(toPredicate(matcher), ms);
  }

  /** Faults scripted but not yet triggered. */
  get pendingFaults(): readonly ScriptedFault[] {
    return this.#faults.pending();
  }

  /**
   * Drops the gateway connection(s) and resolves once the client is back:
   * `{ reconnect: true }` (default) sends op 7 RECONNECT → the client RESUMEs on
   * the resume URL and gets the missed events replayed; `{ closeCode: 4000 }`
   * closes with a resumable code; `{ terminate: true }` cuts the socket;
   * `{ invalidSession: true }` forces a fresh IDENTIFY.
   */
  dropGateway(options: DropOptions = { reconnect: true }, timeoutMs = 10_000): Promise<void> {
    return this.#gateway.drop(options, timeoutMs);
  }

  // ---- Hygiene ---------------------------------------------------------------------------------------

  /**
   * Throws, listing each, if anything went wrong that a test did not ask for:
   * unknown requests, bot mistakes (invalid bodies, late/double acknowledgements,
   * calls before acknowledging…), interactions the user saw fail, gateway
   * payloads the double does not handle, errors inside the double, and
   * scripted faults that never fired. `allow` tolerates whole categories.
   */
  assertClean(options: { allow?: CleanlinessCheck[] } = {}): void {
    const allow = new Set(options.allow ?? []);
    const lines: string[] = [];
    if (!allow.has('problems')) {
      for (const request of this.problemRequests) lines.push(`#${request.seq} ${request.method} ${request.path} → ${request.status}: ${request.problem}`);
    }
    if (!allow.has('failedInteractions')) {
      for (const record of this.failedInteractions()) {
        if (record.refusedCallbacks.length === 0) lines.push(`interaction ${record.id} was never acknowledged: the user saw "This interaction failed"`);
      }
    }
    if (!allow.has('unusedFaults')) {
      for (const fault of this.#faults.pending()) lines.push(`scripted ${fault.kind} never fired (${fault.remaining} left)`);
    }
    for (const payload of this.#gateway.unknownPayloads) lines.push(`gateway payload the double does not handle: ${JSON.stringify(payload)}`);
    for (const error of this.#server.internalErrors) lines.push(`the double failed: ${(error as Error)?.stack ?? String(error)}`);
    if (lines.length > 0) throw new Error(`The Discord double saw ${lines.length} problem(s):\n${lines.join('\n')}`);
  }

  /** Closes every socket and the server. Destroy the discord.js client first. */
  async close(): Promise<void> {
    await this.#gateway.close();
    await this.#server.close();
  }
}

/** Starts a Discord double on a free port of 127.0.0.1. */
export function startDiscordDouble(options: DiscordDoubleOptions = {}): Promise<DiscordDouble> {
  return DiscordDouble.start(options);
}
