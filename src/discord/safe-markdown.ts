/**
 * Text from a statement or a model — quotes, titles, organisation names,
 * snippets, answer text — made safe for a Discord message: escaped ONCE, here,
 * so that Discord shows exactly its characters and nothing in it formats,
 * links or looks like a ping. The bot's own formatting (bold names and
 * matches, `> ` quote lines, [n]) is added by the renderers after escaping.
 *
 * Discord renders a different subset of Markdown in each part of an embed
 * (discord.js guide, "Embeds" notes; the rule sets of discohook's embed
 * preview): descriptions and field values (and message content) render all of
 * it, masked links and mentions included; titles and field names render inline
 * formatting, custom emoji and bare links but no masked links, mentions,
 * headings or lists; footers, author names, button labels, thread names and
 * autocomplete choices render nothing, so they get no escaping at all (a
 * backslash there would be shown).
 *
 * A backslash before any ASCII punctuation character shows that character
 * literally and is itself hidden (simple-markdown's `escape` rule, which
 * Discord's parser keeps), so escaping is reversible: `plainTextOf` undoes it.
 */
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, renderHighlights } from '../search/highlight.js';
import { truncate } from './limits.js';

/**
 * What renders in descriptions, field values and message content:
 * - anywhere: `\` (so backslashes in the text stay), `*` `_` `~` `|` `` ` ``
 *   (emphasis, underline, strikethrough, spoilers, code and code blocks), `<`
 *   (every mention `<@id>` `<@!id>` `<@&id>` `<#id>` `</cmd:id>`, timestamps
 *   `<t:…>`, custom emoji `<:name:id>` `<a:name:id>`, `<id:…>` and `<https://…>`
 *   autolinks all start with it), `#` (headings, `-#` subtext);
 * - at a line start: `>` (block quotes, `>>>`), `-` and `+` (lists,
 *   subtext), the dot of `1.` (numbered lists);
 * - `(` after `]` (masked links `[x](url)`);
 * - `@` of `@everyone`/`@here` (they read as pings even when they don't ping);
 * - `:` of a URL scheme (`https://…` would be a live link) or of an emoji
 *   shortcode (`:flag_us:` would become an emoji).
 */
const FULL_MARKDOWN = /[\\*_~|`<#]|(?<=^[ \t]*)[>+-]|(?<=^[ \t]*\d+)[.)]|(?<=\][ \t]*)\(|@(?=everyone|here)|:(?=\/\/|[\w+-]+:)/gim;

/** What renders in embed titles and field names: inline formatting, custom emoji, links and (per discohook) a leading `>`. */
const HEADER_MARKDOWN = /[\\*_~|`<]|(?<=^[ \t]*)>|:(?=\/\/|[\w+-]+:)/gm;

/** A backslash-escaped ASCII punctuation character, or the `**` of the bot's own bold. */
const ESCAPE_OR_BOLD = /\\([!-/:-@[-`{-~])|\*\*/g;

/**
 * Escape untrusted text for a description, field value or message content.
 * Highlight markers pass through untouched, so text can be escaped whole with
 * them in place and the marked spans made bold afterwards (`boldMarked`).
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(FULL_MARKDOWN, (char) => `\\${char}`);
}

/** Escape untrusted text for an embed title or field name (they render less, so less is escaped). */
export function escapeHeaderText(text: string): string {
  return text.replace(HEADER_MARKDOWN, (char) => `\\${char}`);
}

/**
 * Turn the highlight markers of already-escaped text into `**` bold. Every
 * `*` and `\` of the text itself is escaped by then, so the added `**` can't
 * pair with anything but each other. Adjacent spans merge ("****" would not
 * parse as two), unpaired markers go.
 */
export function boldMarked(escaped: string): string {
  return renderHighlights(escaped.replaceAll(`${HIGHLIGHT_CLOSE}${HIGHLIGHT_OPEN}`, ''), '**', '**');
}

/** Untrusted text with highlight markers → Discord Markdown with the marked spans bold. */
export function escapeWithBold(text: string): string {
  return boldMarked(escapeMarkdownText(text));
}

/**
 * Back from what the renderers made to the plain text it came from: escapes
 * undone and the bot's bold dropped (quote lines and [n] stay). For reading the
 * bot's own answers back as conversation history.
 */
export function plainTextOf(markdown: string): string {
  return markdown.replace(ESCAPE_OR_BOLD, (_match, char: string | undefined) => char ?? '');
}

/**
 * `text`, cut as little as it takes for its rendering to fit in `maxChars`. Escaping makes
 * text longer, so the plain text is cut (never the rendered text, which could
 * end inside an escape or a bold pair). `cut` is `truncate` by default; pass
 * one keeping the end of the text to cut from the front.
 */
export function fitRendered(text: string, maxChars: number, render: (text: string) => string, cut: (text: string, max: number) => string = truncate): string {
  let max = text.length;
  for (;;) {
    const rendered = render(cut(text, max));
    if (rendered.length <= maxChars) return rendered;
    if (max <= 1) return '';
    // Shrink in proportion to the overflow (escapes are spread through the text), at least by one.
    max = Math.max(1, Math.min(max - 1, Math.floor((max * maxChars) / rendered.length)));
  }
}

/** Statement URLs longer than this are not shown: a link is for clicking, not for reading a page of query string. */
export const MAX_SHOWN_URL_CHARS = 300;

/**
 * A statement's URL (from its metadata) as a link target, or undefined: only
 * http(s), normalised by the WHATWG URL parser, which percent-encodes spaces,
 * `<`, `>` and quotes — so it can't end a `<…>` link early or carry Markdown out
 * of it.
 */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const href = parsed.href.replace(/[<>\s]/g, encodeURIComponent);
  return href.length <= MAX_SHOWN_URL_CHARS ? href : undefined;
}

/** A statement's URL shown as a plain, clickable link without a preview (`<https://…>`), or ''. */
export function plainLink(url: string | null | undefined): string {
  const safe = safeUrl(url);
  return safe ? `<${safe}>` : '';
}
