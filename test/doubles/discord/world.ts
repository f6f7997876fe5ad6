import {
  ChannelType,
  GatewayDispatchEvents,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  ThreadAutoArchiveDuration,
  type APIApplicationCommand,
  type APIApplicationCommandOptionChoice,
  type APIChannel,
  type APIDMChannel,
  type APIInteraction,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
  type APIThreadChannel,
  type APIUser,
  type InteractionResponseType,
  type ThreadMemberFlags,
  type APIAttachment,
} from 'discord-api-types/v10';
import { BOT_PERMISSIONS, dmChannel, FIXTURE_IDS, guildCreatePayload, mainGuild, secondGuild, USERS, type FixtureUserName, type GuildFixture } from './fixtures.js';
import type { GatewayServer } from './gateway.js';
import { SnowflakeSource } from './ids.js';
import type { AttachmentInput, Directory, InteractionPlace } from './interactions.js';
import { applyBody, blankMessage, MessageStore, resolveAttachments, resolveMentions, type DoubleMessage, type MessageBody } from './messages.js';

/** Settings of a double; every one has a default. */
export interface DiscordDoubleOptions {
  /** The bot token the double accepts (REST `Authorization: Bot <token>`, gateway IDENTIFY). */
  token?: string;
  /** How long after INTERACTION_CREATE the first callback may come, in ms (Discord: 3000). */
  interactionDeadlineMs?: number;
  /** How long an interaction token works for webhooks, in ms (Discord: 15 minutes). */
  interactionTokenLifetimeMs?: number;
  /** `heartbeat_interval` in HELLO, in ms (Discord: 41250). */
  heartbeatIntervalMs?: number;
  /** Add a second guild (on shard 1 of 2) for sharding tests. */
  secondGuild?: boolean;
  /** `shards` answered by `GET /gateway/bot`. */
  recommendedShards?: number;
}

export type ResolvedOptions = Required<DiscordDoubleOptions>;

export const DEFAULT_OPTIONS: ResolvedOptions = {
  token: 'double-bot-token.not-a-real-one',
  interactionDeadlineMs: 3000,
  interactionTokenLifetimeMs: 15 * 60 * 1000,
  heartbeatIntervalMs: 41_250,
  secondGuild: false,
  recommendedShards: 1,
};

/** One callback the bot made for an interaction. */
export interface InteractionCallbackRecord {
  type: InteractionResponseType;
  data?: Record<string, unknown>;
  at: number;
  /** ms from INTERACTION_CREATE to this callback. */
  afterMs: number;
}

/** Everything the double knows of one interaction it sent. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  payload: APIInteraction;
  /** When INTERACTION_CREATE was dispatched (ms since epoch). */
  createdAt: number;
  /** The accepted callback (at most one). */
  callback?: InteractionCallbackRecord;
  /** Callbacks refused (late, duplicate, invalid), with the reason. */
  refusedCallbacks: (InteractionCallbackRecord & { reason: string })[];
  /** The message `@original` refers to, once there is one. */
  originalMessageId?: string;
  followUpIds: string[];
  /** For components: the message the component was on. */
  sourceMessageId?: string;
  autocompleteChoices?: APIApplicationCommandOptionChoice[];
  modal?: APIModalInteractionResponseCallbackData;
  /** Set by `expireInteractionToken`: webhooks answer 401 from then on. */
  expired: boolean;
}

/** Flags a sender may set on a new message; ephemeral and loading only exist from creation. */
const CREATION_FLAGS = MessageFlags.Ephemeral | MessageFlags.Loading | MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/**
 * The double's state: the fixture world (guilds, channels, users), the
 * messages, the interactions and the registered commands, with the operations
 * REST routes and the test API share.
 */
export class World {
  readonly ids = new SnowflakeSource();
  readonly guilds: GuildFixture[];
  readonly channels = new Map<string, APIChannel>();
  readonly messages = new MessageStore();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionsByToken = new Map<string, InteractionRecord>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  readonly users = new Map<string, APIUser>(Object.values(USERS).map((user) => [user.id, user]));
  readonly botUser: APIUser = USERS.bot;
  readonly applicationId: string = FIXTURE_IDS.application;
  gateway!: GatewayServer;
  /** The bot token accepted now: options.token until a test revokes it. */
  token: string;

  constructor(readonly options: ResolvedOptions) {
    this.token = options.token;
    this.guilds = options.secondGuild ? [mainGuild(), secondGuild()] : [mainGuild()];
    for (const guild of this.guilds) for (const channel of guild.channels) this.channels.set(channel.id, channel);
    this.channels.set(FIXTURE_IDS.aliceDm, dmChannel(FIXTURE_IDS.aliceDm, USERS.alice));
    this.channels.set(FIXTURE_IDS.bobDm, dmChannel(FIXTURE_IDS.bobDm, USERS.bob));
  }

  /** A user by fixture name, id, or as given. */
  userOf(who: FixtureUserName | APIUser | string | undefined): APIUser {
    if (who === undefined) return USERS.alice;
    if (typeof who === 'object') {
      if (!this.users.has(who.id)) this.users.set(who.id, who);
      return who;
    }
    const named = (USERS as Record<string, APIUser>)[who];
    const user = named ?? this.users.get(who);
    if (!user) throw new Error(`No fixture user "${who}" (alice, bob, otherBot, or an id)`);
    return user;
  }

  guild(id: string): GuildFixture | undefined {
    return this.guilds.find((guild) => guild.id === id);
  }

  guildOfChannel(channel: APIChannel): GuildFixture | undefined {
    const guildId = 'guild_id' in channel ? channel.guild_id : undefined;
    return guildId ? this.guild(guildId) : undefined;
  }

  /** The DM channel between the bot and a user, made on first use for a non-fixture user. */
  dmChannelFor(user: APIUser): APIDMChannel {
    for (const channel of this.channels.values()) {
      if (channel.type === ChannelType.DM && channel.recipients?.some((r) => r.id === user.id)) return channel;
    }
    const channel = dmChannel(this.ids.next(), user);
    this.channels.set(channel.id, channel);
    return channel;
  }

  memberPermissions(guild: GuildFixture, userId: string): bigint {
    if (guild.ownerId === userId) return ALL_PERMISSIONS;
    const member = guild.members.find((m) => m.user.id === userId);
    const roleIds = new Set([guild.id, ...(member?.roles ?? [])]);
    return guild.roles.filter((role) => roleIds.has(role.id)).reduce((all, role) => all | BigInt(role.permissions), 0n);
  }

  /** Where an interaction by `user` in `channel` happens (guild member or DM). */
  placeFor(user: APIUser, channel: APIChannel, locale: Locale = Locale.EnglishUS): InteractionPlace {
    const base = { applicationId: this.applicationId, user, channel, locale, appPermissions: BOT_PERMISSIONS.toString() };
    const guild = this.guildOfChannel(channel);
    if (!guild) return base;
    const member = guild.members.find((m) => m.user.id === user.id);
    if (!member) throw new Error(`${user.username} is not a member of ${guild.name}`);
    return { ...base, guild: { id: guild.id, member, memberPermissions: this.memberPermissions(guild, user.id).toString(), locale: Locale.EnglishUS } };
  }

  readonly directory: Directory = {
    user: (id) => this.users.get(id),
    member: (guildId, userId) => this.guild(guildId)?.members.find((m) => m.user.id === userId),
    channel: (id) => this.channels.get(id),
    role: (guildId, roleId) => this.guild(guildId)?.roles.find((role) => role.id === roleId),
    attach: (channelId, input) => this.attach(channelId, input),
  };

  /** Active threads of a guild, for GUILD_CREATE. */
  threadsOf(guildId: string): APIThreadChannel[] {
    return [...this.channels.values()].filter(
      (channel): channel is APIThreadChannel =>
        (channel.type === ChannelType.PublicThread || channel.type === ChannelType.PrivateThread) && channel.guild_id === guildId,
    );
  }

  guildCreate(guildId: string) {
    const guild = this.guild(guildId);
    if (!guild) throw new Error(`Unknown guild ${guildId}`);
    return guildCreatePayload(guild, this.threadsOf(guildId));
  }

  /** Sends a message event to the gateway with `guild_id` and, in guilds, the author's `member`. */
  dispatchMessage(t: GatewayDispatchEvents.MessageCreate | GatewayDispatchEvents.MessageUpdate, message: DoubleMessage): void {
    const guild = message.guild_id ? this.guild(message.guild_id) : undefined;
    const member = guild?.members.find((m) => m.user.id === message.author.id);
    const { allowed_mentions: _kept, ...wire } = message;
    // MESSAGE_CREATE carries `channel_type`; discord.js needs it to build an uncached DM channel.
    const channelType = t === GatewayDispatchEvents.MessageCreate ? { channel_type: this.channels.get(message.channel_id)?.type } : {};
    const data = { ...wire, ...channelType, ...(member && !message.webhook_id ? { member: { ...member, user: undefined } } : {}) };
    this.gateway.dispatch(t, JSON.parse(JSON.stringify(data)), message.guild_id);
  }

  /**
   * Creates a message in a channel: resolves who it pings, keeps it, bumps the
   * channel's `last_message_id` (and a thread's counts) and, unless ephemeral,
   * dispatches MESSAGE_CREATE as Discord does for every message — the bot's own included.
   */
  createMessage(channelId: string, author: APIUser, body: MessageBody, extra: Partial<DoubleMessage> = {}): DoubleMessage {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`Unknown channel ${channelId}`);
    const now = Date.now();
    const message = blankMessage(this.ids.next(now), channelId, author, now);
    const guild = this.guildOfChannel(channel);
    if (guild) message.guild_id = guild.id;
    Object.assign(message, extra);
    const { flags = 0, ...display } = body;
    // Ephemeral and loading can only be chosen when a message is created.
    message.flags = (flags & CREATION_FLAGS) as MessageFlags;
    applyBody(message, display);
    Object.assign(message, resolveMentions(message.content, message.allowed_mentions, (id) => this.users.get(id), this.#roleIds(message)));
    const reference = body.message_reference?.message_id ? this.messages.get(body.message_reference.message_id) : undefined;
    if (reference) {
      message.type = MessageType.Reply;
      message.message_reference = { message_id: reference.id, channel_id: reference.channel_id, ...(reference.guild_id ? { guild_id: reference.guild_id } : {}) };
      message.referenced_message = reference;
      // A reply pings its target's author unless allowed_mentions is given without replied_user: true.
      const pingsTarget = message.allowed_mentions === undefined || message.allowed_mentions.replied_user === true;
      if (pingsTarget && reference.author.id !== author.id && !message.mentions.some((user) => user.id === reference.author.id)) {
        message.mentions = [...message.mentions, reference.author];
      }
    }
    this.messages.add(message, now);
    if ('last_message_id' in channel) (channel as { last_message_id?: string | null }).last_message_id = message.id;
    if (channel.type === ChannelType.PublicThread || channel.type === ChannelType.PrivateThread) {
      channel.message_count = (channel.message_count ?? 0) + 1;
      channel.total_message_sent = (channel.total_message_sent ?? 0) + 1;
      // A message in an archived (not locked) thread brings it back, as on Discord.
      if (channel.thread_metadata?.archived && !channel.thread_metadata.locked) this.updateThread(channel.id, { archived: false });
    }
    if (((message.flags ?? 0) & MessageFlags.Ephemeral) === 0) this.dispatchMessage(GatewayDispatchEvents.MessageCreate, message);
    return message;
  }

  #roleIds(message: DoubleMessage): string[] {
    return message.guild_id ? (this.guild(message.guild_id)?.roles.map((role) => role.id) ?? []) : [];
  }

  /** A body with its `attachments` resolved against the uploaded files and what the message had. */
  withAttachments(body: MessageBody, files: { field: string; filename: string; size: number }[], existing?: DoubleMessage): MessageBody {
    const attachments = resolveAttachments(body, files, existing?.attachments ?? [], () => this.ids.next(), this.cdnBase);
    return attachments === undefined ? body : { ...body, attachments };
  }

  /** Where attachment URLs point: the double's own port once started (only files attached to commands are served). */
  cdnBase = 'http://127.0.0.1/cdn';

  /** Files attached to slash commands, by CDN path: served as Discord's CDN serves attachments. */
  readonly #uploads = new Map<string, { bytes: Buffer; contentType: string }>();

  /**
   * A file a user attaches to a slash command: stored, and described as Discord's
   * `resolved.attachments` describes it (`size` may be declared larger than the
   * bytes, to test size limits without building large files).
   */
  attach(channelId: string, input: AttachmentInput): APIAttachment {
    const id = this.ids.next();
    const bytes = Buffer.from(input.content);
    const path = `/cdn/attachments/${channelId}/${id}/${encodeURIComponent(input.filename)}`;
    const contentType = input.contentType ?? 'application/octet-stream';
    this.#uploads.set(path, { bytes, contentType });
    const url = `${this.cdnBase.replace(/\/cdn$/, '')}${path}?ex=0&is=0&hm=double`;
    return { id, filename: input.filename, size: input.size ?? bytes.length, url, proxy_url: url, ...(input.contentType ? { content_type: input.contentType } : {}) };
  }

  /** The attached file the CDN serves at `path`, if any. */
  uploaded(path: string): { bytes: Buffer; contentType: string } | undefined {
    return this.#uploads.get(path);
  }

  /** Edits a message, re-resolving who it pings; dispatches MESSAGE_UPDATE unless ephemeral. */
  editMessage(id: string, body: MessageBody, options: { clearLoading?: boolean } = {}): DoubleMessage | undefined {
    const message = this.messages.edit(id, body, Date.now(), options);
    if (!message) return undefined;
    Object.assign(message, resolveMentions(message.content, message.allowed_mentions, (userId) => this.users.get(userId), this.#roleIds(message)));
    if (((message.flags ?? 0) & MessageFlags.Ephemeral) === 0) this.dispatchMessage(GatewayDispatchEvents.MessageUpdate, message);
    return message;
  }

  /**
   * Starts a thread in a text channel, from a message (the thread takes the
   * message's id, as on Discord) or on its own; dispatches THREAD_CREATE.
   */
  createThread(
    parent: APIChannel,
    name: string,
    options: { fromMessage?: APIMessage; type?: ChannelType.PublicThread | ChannelType.PrivateThread; autoArchiveMinutes?: number; owner?: APIUser },
  ): APIThreadChannel {
    const owner = options.owner ?? this.botUser;
    const guild = this.guildOfChannel(parent);
    if (!guild) throw new Error('Threads need a guild channel');
    const now = new Date().toISOString();
    const id = options.fromMessage?.id ?? this.ids.next();
    const type = options.type ?? ChannelType.PublicThread;
    const thread: APIThreadChannel = {
      id,
      type,
      guild_id: guild.id,
      name,
      parent_id: parent.id,
      owner_id: owner.id,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      flags: 0 as never,
      thread_metadata: {
        archived: false,
        auto_archive_duration: (options.autoArchiveMinutes ?? ThreadAutoArchiveDuration.OneDay) as ThreadAutoArchiveDuration,
        archive_timestamp: now,
        locked: false,
        create_timestamp: now,
        ...(type === ChannelType.PrivateThread ? { invitable: true } : {}),
      },
      ...(owner.id === this.botUser.id ? { member: { id, user_id: this.botUser.id, join_timestamp: now, flags: 0 as ThreadMemberFlags } } : {}),
    } as APIThreadChannel;
    this.channels.set(id, thread);
    this.gateway.dispatch(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true }, guild.id);
    const starter = options.fromMessage ? this.messages.get(options.fromMessage.id) : undefined;
    if (starter) {
      starter.thread = thread;
      starter.flags = ((starter.flags ?? 0) | MessageFlags.HasThread) as MessageFlags;
      // A thread from a message opens with a THREAD_STARTER_MESSAGE (type 21): no content of its own,
      // the starter in `referenced_message`, authored by whoever started the thread. Never dispatched.
      const opener = blankMessage(this.ids.next(), id, owner, Date.now());
      opener.type = MessageType.ThreadStarterMessage;
      opener.guild_id = guild.id;
      opener.message_reference = { type: 0 as never, message_id: starter.id, channel_id: parent.id, guild_id: guild.id };
      const { allowed_mentions: _kept, ...referenced } = structuredClone(starter);
      opener.referenced_message = referenced;
      this.messages.add(opener);
    } else {
      // A thread without a message announces itself in the parent (THREAD_CREATED, type 18).
      this.createMessage(parent.id, owner, { content: name }, { type: MessageType.ThreadCreated, message_reference: { channel_id: id, guild_id: guild.id } });
    }
    return thread;
  }

  /** Applies a thread edit (name, archived, locked, auto-archive, slow mode) and dispatches THREAD_UPDATE. */
  updateThread(id: string, body: Record<string, unknown>): void {
    const thread = this.channels.get(id) as APIThreadChannel | undefined;
    if (!thread?.thread_metadata) return;
    if (typeof body.name === 'string') thread.name = body.name;
    if (typeof body.rate_limit_per_user === 'number') thread.rate_limit_per_user = body.rate_limit_per_user;
    const metadata = thread.thread_metadata;
    if (typeof body.archived === 'boolean' && body.archived !== metadata.archived) {
      metadata.archived = body.archived;
      metadata.archive_timestamp = new Date().toISOString();
    }
    if (typeof body.locked === 'boolean') metadata.locked = body.locked;
    if (typeof body.auto_archive_duration === 'number') metadata.auto_archive_duration = body.auto_archive_duration as ThreadAutoArchiveDuration;
    this.gateway.dispatch(GatewayDispatchEvents.ThreadUpdate, structuredClone(thread), thread.guild_id);
  }

  /** The command the bot registered under this name and type (guild commands first). */
  findCommand(name: string, type: number, guildId: string | undefined): APIApplicationCommand | undefined {
    const inGuild = guildId ? (this.guildCommands.get(guildId) ?? []) : [];
    return [...inGuild, ...this.globalCommands].find((command) => command.name === name && (command.type ?? 1) === type);
  }

  /** A fresh interaction record, indexed by id and token. */
  recordInteraction(payload: APIInteraction, sourceMessageId?: string): InteractionRecord {
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      type: payload.type,
      payload,
      createdAt: Date.now(),
      refusedCallbacks: [],
      followUpIds: [],
      expired: false,
      ...(sourceMessageId ? { sourceMessageId } : {}),
    };
    this.interactions.set(record.id, record);
    this.interactionsByToken.set(record.token, record);
    return record;
  }

  /** Whether an interaction's token no longer works for webhooks. */
  tokenExpired(record: InteractionRecord): boolean {
    return record.expired || Date.now() - record.createdAt > this.options.interactionTokenLifetimeMs;
  }
}
