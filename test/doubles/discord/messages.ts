import {
  MessageFlags,
  MessageType,
  type APIAllowedMentions,
  type APIAttachment,
  type APIEmbed,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APIUser,
} from 'discord-api-types/v10';

/**
 * A message as the double keeps it: Discord's message object plus, for what the
 * bot sent, the `allowed_mentions` of its latest version (a double-only field:
 * Discord never echoes it, tests need it to prove nothing can ping).
 */
export interface DoubleMessage extends APIMessage {
  guild_id?: string;
  allowed_mentions?: APIAllowedMentions;
}

/** One version of a message: what it showed from `at` (ms since epoch) until the next edit. */
export interface MessageVersion {
  at: number;
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  flags: number;
  allowed_mentions?: APIAllowedMentions;
}

/** The body fields that change what a message shows (create or edit). */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  flags?: number;
  allowed_mentions?: APIAllowedMentions;
  /** As sent: `{ id }` entries naming kept attachments or uploaded `files[n]`; resolved by `resolveAttachments`. */
  attachments?: unknown[];
  message_reference?: { message_id?: string; channel_id?: string };
  tts?: boolean;
  nonce?: string | number;
}

/** Who is pinged by a message: the fields Discord fills from the content and `allowed_mentions`. */
export interface ResolvedMentions {
  mentions: APIUser[];
  mention_roles: string[];
  mention_everyone: boolean;
}

/**
 * Who a message's content pings under `allowed_mentions`, as Discord resolves
 * it: absent means "parse everything"; `parse` names the kinds allowed; `users`
 * and `roles` allow-list ids. `@everyone` counts whatever the author's
 * permissions, so a test sees what a bot with that permission would ping.
 */
export function resolveMentions(
  content: string,
  allowed: APIAllowedMentions | undefined,
  userById: (id: string) => APIUser | undefined,
  roleIds: readonly string[],
): ResolvedMentions {
  const parse = allowed?.parse;
  const allows = (kind: 'users' | 'roles' | 'everyone', id?: string): boolean => {
    if (allowed === undefined) return true;
    if (parse?.includes(kind as never)) return true;
    if (kind === 'users' && id) return allowed.users?.includes(id) ?? false;
    if (kind === 'roles' && id) return allowed.roles?.includes(id) ?? false;
    return false;
  };
  const mentions = new Map<string, APIUser>();
  for (const [, id] of content.matchAll(/<@!?(\d{17,20})>/g)) {
    const user = id ? userById(id) : undefined;
    if (user && id && allows('users', id)) mentions.set(id, user);
  }
  const roles = new Set<string>();
  for (const [, id] of content.matchAll(/<@&(\d{17,20})>/g)) {
    if (id && roleIds.includes(id) && allows('roles', id)) roles.add(id);
  }
  const everyone = /@(everyone|here)\b/.test(content) && allows('everyone');
  return { mentions: [...mentions.values()], mention_roles: [...roles], mention_everyone: everyone };
}

/** The fields every new message starts with; callers add author, content and the rest. */
export function blankMessage(id: string, channelId: string, author: APIUser, at: number): DoubleMessage {
  return {
    id,
    channel_id: channelId,
    author,
    content: '',
    timestamp: new Date(at).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: MessageType.Default,
    flags: 0 as MessageFlags,
  };
}

function snapshot(message: DoubleMessage, at: number): MessageVersion {
  return {
    at,
    content: message.content,
    embeds: structuredClone(message.embeds),
    components: structuredClone(message.components ?? []),
    flags: message.flags ?? 0,
    ...(message.allowed_mentions ? { allowed_mentions: structuredClone(message.allowed_mentions) } : {}),
  };
}

/** Discord stores embeds with `type: 'rich'` whether or not the sender said so. */
function normaliseEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  return embeds.map((embed) => ({ type: 'rich' as APIEmbed['type'], ...embed }));
}

/** Applies the display fields of a create/edit body to a message (in place). */
export function applyBody(message: DoubleMessage, body: MessageBody): void {
  if (body.content !== undefined) message.content = body.content ?? '';
  if (body.embeds !== undefined) message.embeds = normaliseEmbeds(body.embeds ?? []);
  if (body.components !== undefined) message.components = structuredClone(body.components ?? []);
  if (body.flags !== undefined) {
    // Only these flags may be set by a sender; ephemeral/loading are kept from the original.
    const settable = MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;
    const kept = (message.flags ?? 0) & ~settable;
    message.flags = (kept | ((body.flags ?? 0) & settable)) as MessageFlags;
  }
  // Each create/edit is judged by its own allowed_mentions: absent means Discord parses every mention.
  if (body.allowed_mentions !== undefined) message.allowed_mentions = structuredClone(body.allowed_mentions);
  else delete message.allowed_mentions;
  if (body.tts !== undefined) message.tts = Boolean(body.tts);
  if (body.nonce !== undefined) message.nonce = body.nonce;
  if (body.attachments !== undefined) message.attachments = body.attachments as APIAttachment[];
}

/**
 * The attachments a create/edit leaves on a message, as Discord resolves them:
 * uploaded `files[n]` become attachments with fresh ids; `attachments: [{ id }]`
 * keeps existing ones (an edit without `attachments` keeps them all).
 */
export function resolveAttachments(
  body: MessageBody,
  files: { field: string; filename: string; size: number }[],
  existing: APIAttachment[],
  newId: () => string,
  baseUrl: string,
): APIAttachment[] | undefined {
  if (body.attachments === undefined && files.length === 0) return undefined;
  const listed = (body.attachments ?? []) as { id?: string | number }[];
  const kept = body.attachments === undefined ? existing : existing.filter((attachment) => listed.some((entry) => String(entry.id) === attachment.id));
  const uploaded = files.map((file) => {
    const id = newId();
    const url = `${baseUrl}/attachments/${id}/${encodeURIComponent(file.filename)}`;
    return { id, filename: file.filename, size: file.size, url, proxy_url: url };
  });
  return [...kept, ...uploaded];
}

/** Page options of `GET /channels/{id}/messages`. */
export interface HistoryQuery {
  limit?: number;
  before?: string;
  after?: string;
  around?: string;
}

/**
 * Every message of every channel, in order, with each message's versions.
 * Ephemeral messages are kept (tests want what the user saw) but, as on
 * Discord, never appear in channel history fetched by the bot.
 */
export class MessageStore {
  readonly #byId = new Map<string, DoubleMessage>();
  readonly #byChannel = new Map<string, string[]>();
  readonly #versions = new Map<string, MessageVersion[]>();

  add(message: DoubleMessage, at: number = Date.now()): DoubleMessage {
    this.#byId.set(message.id, message);
    const ids = this.#byChannel.get(message.channel_id) ?? [];
    ids.push(message.id);
    this.#byChannel.set(message.channel_id, ids);
    this.#versions.set(message.id, [snapshot(message, at)]);
    return message;
  }

  get(id: string): DoubleMessage | undefined {
    return this.#byId.get(id);
  }

  /** Edits a message and records the new version; returns it, or undefined if unknown. */
  edit(id: string, body: MessageBody, at: number = Date.now(), options: { clearLoading?: boolean } = {}): DoubleMessage | undefined {
    const message = this.#byId.get(id);
    if (!message) return undefined;
    applyBody(message, body);
    if (options.clearLoading) message.flags = ((message.flags ?? 0) & ~MessageFlags.Loading) as MessageFlags;
    message.edited_timestamp = new Date(at).toISOString();
    this.#versions.get(id)?.push(snapshot(message, at));
    return message;
  }

  delete(id: string): boolean {
    const message = this.#byId.get(id);
    if (!message) return false;
    this.#byId.delete(id);
    const ids = this.#byChannel.get(message.channel_id) ?? [];
    this.#byChannel.set(message.channel_id, ids.filter((other) => other !== id));
    return true;
  }

  /** Every message in a channel, oldest first, ephemeral ones included. */
  inChannel(channelId: string): DoubleMessage[] {
    return (this.#byChannel.get(channelId) ?? []).flatMap((id) => this.#byId.get(id) ?? []);
  }

  versions(id: string): MessageVersion[] {
    return this.#versions.get(id) ?? [];
  }

  /** A page of history as Discord returns it: newest first, no ephemeral messages, limit 1–100 (default 50). */
  history(channelId: string, query: HistoryQuery): DoubleMessage[] {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 100);
    const visible = this.inChannel(channelId).filter((message) => ((message.flags ?? 0) & MessageFlags.Ephemeral) === 0);
    const newestFirst = [...visible].reverse();
    const older = (a: string, b: string): boolean => BigInt(a) < BigInt(b);
    if (query.before) return newestFirst.filter((m) => older(m.id, query.before!)).slice(0, limit);
    if (query.after) {
      // The `limit` messages right after the id, still newest first.
      return visible.filter((m) => older(query.after!, m.id)).slice(0, limit).reverse();
    }
    if (query.around) {
      const index = newestFirst.findIndex((m) => m.id === query.around);
      if (index < 0) return [];
      const start = Math.max(0, index - Math.floor(limit / 2));
      return newestFirst.slice(start, start + limit);
    }
    return newestFirst.slice(0, limit);
  }
}
