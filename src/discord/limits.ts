/**
 * Discord's limits on what one message may carry (developer docs, "Message
 * Resource" and "Embed Limits"; button labels as @discordjs/builders validates
 * them). Every renderer checks against these before sending.
 */
export const MAX_CONTENT_CHARS = 2_000;
export const MAX_EMBED_TITLE_CHARS = 256;
export const MAX_EMBED_DESCRIPTION_CHARS = 4_096;
export const MAX_EMBED_FIELDS = 25;
export const MAX_FIELD_NAME_CHARS = 256;
export const MAX_FIELD_VALUE_CHARS = 1_024;
export const MAX_FOOTER_CHARS = 2_048;
export const MAX_AUTHOR_CHARS = 256;
/** Titles, descriptions, field names and values, footers and authors of all embeds of one message together. */
export const MAX_EMBED_CHARS_PER_MESSAGE = 6_000;
export const MAX_EMBEDS_PER_MESSAGE = 10;
/** The API docs say 80 for buttons (the builders enforce it), stricter than the 100 of select options. */
export const MAX_BUTTON_LABEL_CHARS = 80;
export const MAX_BUTTONS_PER_ROW = 5;
export const MAX_ROWS_PER_MESSAGE = 5;
export const MAX_CUSTOM_ID_CHARS = 100;
export const MAX_CHOICE_NAME_CHARS = 100;
export const MAX_CHOICE_VALUE_CHARS = 100;
export const MAX_AUTOCOMPLETE_CHOICES = 25;
export const MAX_THREAD_NAME_CHARS = 100;

/**
 * Cut `text` to at most `max` UTF-16 units, ending in "…" when cut. Discord counts
 * characters, never more than JavaScript's length, so this is always within the limit.
 * Never splits a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
