import {
  DiscordAPIError,
  MessageFlags,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type MessageCreateOptions,
  type MessageEditOptions,
  type RepliableInteraction,
} from 'discord.js';
import { NO_MENTIONS, textPayload, type MessagePayload } from './payload.js';

/** Discord fails an interaction not acknowledged within 3 s; we defer at 2 s if the answer isn't ready. */
export const ACK_DEADLINE_MS = 2_000;
/** An interaction token (its replies, edits, follow-ups) is valid for 15 minutes. */
export const INTERACTION_TOKEN_LIFETIME_MS = 15 * 60_000;
/** Treat the token as expired a little early, so a slow request doesn't straddle the end. */
const TOKEN_EXPIRY_MARGIN_MS = 30_000;

/** Discord's answer to a webhook call with an expired or unknown interaction token. */
const EXPIRED_TOKEN_CODES = new Set([50027 /* Invalid Webhook Token */, 10015 /* Unknown Webhook */, 10062 /* Unknown interaction */]);

export class ExpiredInteractionError extends Error {
  constructor() {
    super('The interaction token has expired (15 minutes)');
    this.name = 'ExpiredInteractionError';
  }
}

export function isExpiredTokenError(error: unknown): boolean {
  return error instanceof ExpiredInteractionError || (error instanceof DiscordAPIError && typeof error.code === 'number' && EXPIRED_TOKEN_CODES.has(error.code));
}

/** Creating a message: no empty content (Discord refuses it), never a mention. */
export function messageOptions(payload: MessagePayload): MessageCreateOptions & MessageEditOptions {
  return { ...(payload.content ? { content: payload.content } : {}), embeds: payload.embeds, components: payload.components, allowedMentions: NO_MENTIONS, ...attachedFiles(payload) };
}

/** Editing: '' clears what was there (a queue notice before the answer). */
export function editOptions(payload: MessagePayload): InteractionEditReplyOptions & MessageEditOptions {
  return { content: payload.content, embeds: payload.embeds, components: payload.components, allowedMentions: NO_MENTIONS, ...attachedFiles(payload) };
}

/** The payload's files as discord.js uploads them (multipart); nothing when there are none, so an edit keeps what is attached. */
function attachedFiles(payload: MessagePayload): { files?: { attachment: Buffer; name: string }[] } {
  return payload.files?.length ? { files: payload.files.map((file) => ({ attachment: file.data, name: file.name })) } : {};
}

function replyOptions(payload: MessagePayload, ephemeral: boolean): InteractionReplyOptions {
  return { ...messageOptions(payload), ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) } as InteractionReplyOptions;
}

export interface ResponderOptions {
  /** Whether the reply is visible only to the person who asked. */
  ephemeral: boolean;
  /** 'update' edits the message a button sits on; 'reply' answers with a new one. */
  mode?: 'reply' | 'update';
  now?: () => number;
}

/**
 * One interaction's responses, safe by default: never a mention, acknowledged
 * within Discord's 3 s (`armDeadline`), the right call whatever state the
 * interaction is in (reply/update, or edit after a defer), errors shown only to
 * the person, and an expired token detected before a doomed call.
 */
export class InteractionResponder {
  private static readonly byInteraction = new WeakMap<RepliableInteraction, InteractionResponder>();

  /**
   * The one responder of an interaction, created on first use. The handler
   * chooses the options; the top-level catch gets the same responder, so it
   * knows what was already sent.
   */
  static for(interaction: RepliableInteraction, options: ResponderOptions): InteractionResponder {
    let responder = InteractionResponder.byInteraction.get(interaction);
    if (!responder) {
      responder = new InteractionResponder(interaction, options);
      InteractionResponder.byInteraction.set(interaction, responder);
    }
    return responder;
  }

  private deferred: Promise<void> | undefined;
  private sent = false;
  private deadline: NodeJS.Timeout | undefined;
  readonly ephemeral: boolean;
  private readonly mode: 'reply' | 'update';
  private readonly now: () => number;

  private constructor(
    readonly interaction: RepliableInteraction,
    options: ResponderOptions,
  ) {
    this.ephemeral = options.ephemeral;
    this.mode = options.mode ?? 'reply';
    this.now = options.now ?? Date.now;
  }

  /** Whether anything has acknowledged the interaction yet. */
  get acknowledged(): boolean {
    return this.deferred !== undefined || this.sent;
  }

  get tokenExpired(): boolean {
    return this.now() > this.interaction.createdTimestamp + INTERACTION_TOKEN_LIFETIME_MS - TOKEN_EXPIRY_MARGIN_MS;
  }

  /** Defer automatically if nothing has been sent `ms` after the interaction was created. */
  armDeadline(ms: number = ACK_DEADLINE_MS): void {
    const wait = Math.max(0, this.interaction.createdTimestamp + ms - this.now());
    this.deadline = setTimeout(() => void this.defer().catch(() => undefined), Math.min(wait, ms));
    this.deadline.unref();
  }

  /** Acknowledge now ("thinking…", or a silent ack for a button); the response comes later. */
  defer(): Promise<void> {
    clearTimeout(this.deadline);
    if (this.acknowledged) return this.deferred ?? Promise.resolve();
    const { interaction } = this;
    this.deferred = (this.mode === 'update' && interaction.isMessageComponent() ? interaction.deferUpdate() : interaction.deferReply(this.ephemeral ? { flags: MessageFlags.Ephemeral } : {})).then(() => undefined);
    return this.deferred;
  }

  /** Show `payload` as the response: the reply (or button-message update), or an edit of it. */
  async send(payload: MessagePayload): Promise<void> {
    clearTimeout(this.deadline);
    const { interaction } = this;
    if (this.deferred !== undefined || this.sent) {
      await this.deferred;
      if (this.tokenExpired) throw new ExpiredInteractionError();
      await interaction.editReply(editOptions(payload));
    } else if (this.mode === 'update' && interaction.isMessageComponent()) {
      this.sent = true;
      await interaction.update(editOptions(payload));
    } else {
      this.sent = true;
      await interaction.reply(replyOptions(payload, this.ephemeral));
    }
  }

  /** Another message after the response (a long answer's second part). */
  async followUp(payload: MessagePayload, { ephemeral = this.ephemeral }: { ephemeral?: boolean } = {}): Promise<void> {
    await this.deferred;
    if (this.tokenExpired) throw new ExpiredInteractionError();
    await this.interaction.followUp(replyOptions(payload, ephemeral));
  }

  /**
   * Tell only this person something went wrong (or was refused). Before any
   * response: an ephemeral reply. After a private defer: the reply itself. After
   * a public "thinking…": that placeholder goes, and an ephemeral follow-up says why.
   */
  async error(message: string): Promise<void> {
    clearTimeout(this.deadline);
    const payload = textPayload(message);
    if (!this.acknowledged) {
      this.sent = true;
      await this.interaction.reply(replyOptions(payload, true));
      return;
    }
    await this.deferred;
    if (this.tokenExpired) throw new ExpiredInteractionError();
    if (this.ephemeral && this.mode === 'reply') {
      await this.interaction.editReply(editOptions(payload));
      return;
    }
    if (this.mode === 'reply' && !this.sent) await this.interaction.deleteReply().catch(() => undefined);
    await this.interaction.followUp(replyOptions(payload, true));
  }
}
