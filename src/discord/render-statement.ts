import type { Statement } from '../store/records.js';
import { encodeButtonId } from './custom-id.js';
import { MAX_EMBED_DESCRIPTION_CHARS, MAX_EMBED_TITLE_CHARS, MAX_FIELD_VALUE_CHARS, truncate } from './limits.js';
import { button, buttonRows, COLOUR, type MessagePayload } from './payload.js';
import { escapeHeaderText, escapeMarkdownText, fitRendered, plainLink } from './safe-markdown.js';

/**
 * Characters of statement text per page. Markdown escaping can add a backslash
 * per special character; 3,500 leaves room for that under the 4,096 description
 * (a page that still grows past it is cut, never inside an escape).
 */
export const STATEMENT_PAGE_CHARS = 3_500;

export interface StatementPage {
  statement: Statement;
  page: number;
  pageCount: number;
  text: string;
}

/**
 * A statement's metadata and one page of its text, with Previous/Next when it
 * has several pages. Everything from the corpus is escaped; the statement's
 * URL is a field of its own, a plain link — not a link behind the title, whose
 * text could claim to be anywhere.
 */
export function renderStatementPage({ statement, page, pageCount, text }: StatementPage, key: string | undefined): MessagePayload {
  const link = plainLink(statement.url);
  const fields = [
    { name: 'Organisation', value: fitRendered(statement.organisation || 'Unknown', MAX_FIELD_VALUE_CHARS, escapeMarkdownText), inline: true },
    { name: 'Date', value: statement.date ? escapeMarkdownText(statement.date) : 'Undated', inline: true },
    ...(statement.language ? [{ name: 'Language', value: escapeMarkdownText(statement.language), inline: true }] : []),
    ...(link ? [{ name: 'Link', value: link }] : []),
  ];
  const description = text.trim() === '' ? '*This statement has no text.*' : fitRendered(text, MAX_EMBED_DESCRIPTION_CHARS, escapeMarkdownText);
  const rows =
    key === undefined || pageCount <= 1
      ? []
      : buttonRows([
          button(encodeButtonId({ action: 'statement-page', key, arg: 'prev' }), 'Previous', { emoji: '◀️', disabled: page <= 1 }),
          button(encodeButtonId({ action: 'statement-page', key, arg: 'next' }), 'Next', { emoji: '▶️', disabled: page >= pageCount }),
        ])[0]!;
  return {
    content: '',
    embeds: [
      {
        title: fitRendered(statement.title || 'Untitled statement', MAX_EMBED_TITLE_CHARS, escapeHeaderText),
        description,
        fields,
        color: COLOUR.answer,
        // Footers render no Markdown: nothing to escape, and a backslash would show.
        footer: { text: truncate(`Page ${page} of ${pageCount} · ${statement.slug}`, 200) },
      },
    ],
    components: rows,
  };
}
