import { escapeMarkdown } from 'discord.js';
import type { Statement } from '../store/records.js';
import { encodeButtonId } from './custom-id.js';
import { MAX_EMBED_DESCRIPTION_CHARS, MAX_EMBED_TITLE_CHARS, truncate } from './limits.js';
import { button, buttonRows, COLOUR, type MessagePayload } from './payload.js';

/**
 * Characters of statement text per page. Markdown escaping can add a backslash
 * per special character; 3,500 leaves room for that under the 4,096 description.
 */
export const STATEMENT_PAGE_CHARS = 3_500;

export interface StatementPage {
  statement: Statement;
  page: number;
  pageCount: number;
  text: string;
}

/** A statement's metadata and one page of its text, with Previous/Next when it has several pages. */
export function renderStatementPage({ statement, page, pageCount, text }: StatementPage, key: string | undefined): MessagePayload {
  const url = statement.url && /^https?:\/\//i.test(statement.url) ? statement.url : undefined;
  const fields = [
    { name: 'Organisation', value: truncate(escapeMarkdown(statement.organisation || 'Unknown'), 1024), inline: true },
    { name: 'Date', value: statement.date ?? 'Undated', inline: true },
    ...(statement.language ? [{ name: 'Language', value: statement.language, inline: true }] : []),
  ];
  const description = truncate(escapeMarkdown(text) || '*This statement has no text.*', MAX_EMBED_DESCRIPTION_CHARS);
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
        title: truncate(statement.title || 'Untitled statement', MAX_EMBED_TITLE_CHARS),
        ...(url ? { url } : {}),
        description,
        fields,
        color: COLOUR.answer,
        footer: { text: truncate(`Page ${page} of ${pageCount} · ${statement.slug}`, 200) },
      },
    ],
    components: rows,
  };
}
