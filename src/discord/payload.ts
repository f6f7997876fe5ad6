import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type MessageMentionOptions } from 'discord.js';
import { MAX_BUTTON_LABEL_CHARS, MAX_CONTENT_CHARS, MAX_BUTTONS_PER_ROW, MAX_EMBED_CHARS_PER_MESSAGE, MAX_EMBEDS_PER_MESSAGE, MAX_ROWS_PER_MESSAGE, truncate } from './limits.js';

/** Nothing we send may ping anyone: not @everyone, not a role, not a user, not the person replied to. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/**
 * One message as our renderers describe it, before it becomes a reply, an edit,
 * a follow-up or a channel message. `content` '' means none (and clears old
 * content on an edit).
 */
export interface MessagePayload {
  content: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  /** Files attached to the message (a chart image); none when absent. */
  files?: { name: string; data: Buffer }[];
}

/** Colours say what kind of answer it is at a glance. */
export const COLOUR = { answer: 0x5865f2, verbatim: 0xfee75c, none: 0x99aab5, error: 0xed4245 } as const;

/** The characters Discord counts towards the 6,000 per message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Group embeds, in order, into as few messages as fit Discord's 6,000 characters and 10 embeds each. */
export function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let length = 0;
  for (const embed of embeds) {
    const size = embedLength(embed);
    if (current.length > 0 && (length + size > MAX_EMBED_CHARS_PER_MESSAGE || current.length === MAX_EMBEDS_PER_MESSAGE)) {
      messages.push(current);
      current = [];
      length = 0;
    }
    current.push(embed);
    length += size;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

/** Lay buttons out in rows of 5, 5 rows a message: one entry per message needed. */
export function buttonRows(buttons: APIButtonComponent[]): ButtonRow[][] {
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += MAX_BUTTONS_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + MAX_BUTTONS_PER_ROW) });
  }
  const messages: ButtonRow[][] = [];
  for (let i = 0; i < rows.length; i += MAX_ROWS_PER_MESSAGE) messages.push(rows.slice(i, i + MAX_ROWS_PER_MESSAGE));
  return messages;
}

export function button(customId: string, label: string, options: { emoji?: string; disabled?: boolean; style?: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger } = {}): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: options.style ?? ButtonStyle.Secondary,
    custom_id: customId,
    label: truncate(label, MAX_BUTTON_LABEL_CHARS),
    ...(options.emoji ? { emoji: { name: options.emoji } } : {}),
    ...(options.disabled ? { disabled: true } : {}),
  };
}

/** A short message with no embeds, e.g. an error or a queue position. */
export function textPayload(content: string): MessagePayload {
  return { content: truncate(content, MAX_CONTENT_CHARS), embeds: [], components: [] };
}
