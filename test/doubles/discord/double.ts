import { EventEmitter } from 'node:events';
import { GatewayCloseCodes, InteractionResponseType, type APIApplicationCommand, type APIChannel, type APIThreadChannel } from 'discord-api-types/v10';
import { FIXTURE_IDS, USERS } from './fixtures.js';
import { GatewayServer, type DropOptions } from './gateway.js';
import type { DoubleMessage, MessageVersion } from './messages.js';
import { FaultPlan, toPredicate, type RecordedRequest, type RequestMatcher, type ScriptedFault } from './requests.js';
import { applicationRoutes } from './routes-application.js';
import { channelRoutes, type TypingRecord } from './routes-channels.js';
import { interactionRoutes } from './routes-interactions.js';
import {
  Inbound,
  type AutocompleteInput,
  type ButtonInput,
  type MessageCommandInput,
  type ModalSubmitInput,
  type SelectInput,
  type SentInteraction,
  type SlashCommandInput,
  type ThreadInput,
  type UserMessageInput,
} from './senders.js';
import { RestServer } from './server.js';
import { waitUntil } from './wait.js';
import { DEFAULT_OPTIONS, World, type DiscordDoubleOptions, type InteractionCallbackRecord, type InteractionRecord } from './world.js';

/** Default wait of the waiting helpers, in ms: long enough for a loaded CI machine, short enough to fail fast. */
const DEFAULT_WAIT_MS = 5000;

/** A body of a request that creates or edits a message, with the request it came in. */
export interface SentMessageBody {
  request: RecordedRequest;
  body: Record<string, unknown>;
}

/** What `assertClean` may be told to tolerate. */
export type CleanlinessCheck = 'problems' | 'failedInteractions' | 'unusedFaults';

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
  readonly #inbound: Inbound;

  private constructor(options: DiscordDoubleOptions) {
    super();
    this.setMaxListeners(0);
    const resolved = { ...DEFAULT_OPTIONS, ...options };
    this.#world = new World(resolved);
    const world = this.#world;
    this.#gateway = new GatewayServer(
      {
        get token() {
          return world.token;
        },
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
      () => world.token,
      this.#faults,
      this.#gateway,
      (path) => world.uploaded(path),
    );
    this.#inbound = new Inbound(world, this.#gateway, changed);
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
    double.#world.cdnBase = `http://127.0.0.1:${port}/cdn`;
    return double;
  }

  /** The bot token the double accepts (a new one after `revokeToken`). */
  get token(): string {
    return this.#world.token;
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

  // ---- Sending things to the bot (see senders.ts) ---------------------------------------------

  /** Sends a slash command (type 2) as `user` in `channelId` (default Alice in #general); options checked against the registered definition. */
  sendSlashCommand(input: SlashCommandInput): SentInteraction {
    return this.#inbound.sendSlashCommand(input);
  }

  /** Sends an autocomplete request (type 4) while the user types `options[focused]`. */
  sendAutocomplete(input: AutocompleteInput): SentInteraction {
    return this.#inbound.sendAutocomplete(input);
  }

  /** Clicks a button (type 3) on a message the bot posted; the button must be there and enabled. */
  clickButton(input: ButtonInput): SentInteraction {
    return this.#inbound.clickButton(input);
  }

  /** Picks values in a string select (type 3) on a message the bot posted. */
  selectOption(input: SelectInput): SentInteraction {
    return this.#inbound.selectOption(input);
  }

  /** Runs a message context-menu command (type 2, command type 3) on a message. */
  sendMessageCommand(input: MessageCommandInput): SentInteraction {
    return this.#inbound.sendMessageCommand(input);
  }

  /** Submits the modal the bot showed in answer to `interactionId` (type 5), as the same user. */
  submitModal(input: ModalSubmitInput): SentInteraction {
    return this.#inbound.submitModal(input);
  }

  /** Posts a message as a person (default Alice in #general) and dispatches MESSAGE_CREATE; `mentionBot` prefixes `<@bot>`. */
  postUserMessage(input: UserMessageInput): DoubleMessage {
    return this.#inbound.postUserMessage(input);
  }

  /** Starts a thread as a person (default Alice in #general), from a message or on its own; dispatches THREAD_CREATE. */
  startThread(input: ThreadInput): APIThreadChannel {
    return this.#inbound.startThread(input);
  }

  /** Archives (or locks) a thread as a moderator would; dispatches THREAD_UPDATE. */
  archiveThread(threadId: string, options: { locked?: boolean } = {}): void {
    this.#inbound.archiveThread(threadId, options);
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
   * The bot token is reset (in the Developer Portal, or by Discord after a
   * leak): from now on the old one gets REST 401 `{code: 0}` on every call that
   * needs it (interaction webhooks don't), and IDENTIFY/RESUME with it fail.
   * `closeGateway` also closes the connected sessions with 4004 Authentication
   * failed, which discord.js does not reconnect from; without it they stay up,
   * as a session can for a while on Discord.
   */
  revokeToken(options: { closeGateway?: boolean } = {}): void {
    this.#world.token = `${this.#world.token}.revoked`;
    if (options.closeGateway) this.#gateway.endSessions(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
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
   * `{ invalidSession: true }` forces a fresh IDENTIFY — which discord.js
   * throttles to one per 5 s per shard, so that path takes about 6 s after login.
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
    for (const error of [...this.#server.internalErrors, ...this.#gateway.errors]) lines.push(`the double failed: ${(error as Error)?.stack ?? String(error)}`);
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
