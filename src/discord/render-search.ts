import type { APIEmbedField } from 'discord.js';
import { understoodLine } from '../search/understood-line.js';
import type { SearchResult } from '../search/retriever.js';
import { encodeButtonId } from './custom-id.js';
import { MAX_AUTHOR_CHARS, MAX_EMBED_DESCRIPTION_CHARS, MAX_EMBED_TITLE_CHARS, MAX_FIELD_NAME_CHARS, MAX_FIELD_VALUE_CHARS, truncate } from './limits.js';
import { button, buttonRows, COLOUR, type MessagePayload } from './payload.js';
import { escapeHeaderText, escapeMarkdownText, escapeWithBold, fitRendered, plainLink } from './safe-markdown.js';

/** Statements per page: five snippets of ~1,000 characters stay under 6,000 per message. */
export const SEARCH_PAGE_SIZE = 5;

export interface SearchView {
  query: string;
  filters: { organisation?: string; from?: string; to?: string };
  /** 1-based. */
  page: number;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
}

/** "organisation ICOR, from 2020" — what the search was limited to, or ''. */
export function describeFilters(filters: SearchView['filters']): string {
  return [filters.organisation && `organisation ${filters.organisation}`, filters.from && `from ${filters.from}`, filters.to && `to ${filters.to}`].filter(Boolean).join(', ');
}

/**
 * One page of search results: each statement with its organisation, date and a
 * snippet whose matched words are bold, and Previous/Next buttons when there is
 * more than one page. Text from the corpus and the query is escaped once: a
 * snippet whole, with its highlight markers in place, then the markers become
 * bold — so a link or a mention around a matched word stays inert.
 */
export function renderSearchPage(view: SearchView, result: SearchResult, key: string | undefined): MessagePayload {
  const filters = escapeMarkdownText(describeFilters(view.filters));
  const title = fitRendered(`Search: ${view.query}`, MAX_EMBED_TITLE_CHARS, escapeHeaderText);
  const understood = understoodLine(result.understood);
  const author = understood ? { author: { name: truncate(understood, MAX_AUTHOR_CHARS) } } : {};
  if (result.hits.length === 0) {
    const why = result.query === '' ? 'There is nothing searchable in that query (only punctuation or very common words). Try a few distinctive words.' : `No statement matches${filters ? ` (${filters})` : ''}. Try other words, or fewer filters.`;
    return { content: '', embeds: [{ ...author, title, description: why, color: COLOUR.none }], components: [] };
  }

  const pages = pageCount(result.total);
  const first = (view.page - 1) * SEARCH_PAGE_SIZE;
  const fields: APIEmbedField[] = result.hits.map((hit, i) => {
    const { statement } = hit;
    const link = plainLink(statement.url);
    const about = `${escapeMarkdownText(truncate(statement.organisation || 'Organisation unknown', 100))} · ${statement.date ? escapeMarkdownText(statement.date) : 'undated'}${link ? ` · ${link}` : ''} · \`/statement ${statement.slug}\``;
    const number = `${first + i + 1}. `;
    return {
      name: `${number}${fitRendered(statement.title || 'Untitled statement', MAX_FIELD_NAME_CHARS - number.length, escapeHeaderText)}`,
      value: `${about}\n${fitRendered(hit.snippet.replace(/\s+/g, ' ').trim(), MAX_FIELD_VALUE_CHARS - about.length - 1, escapeWithBold)}`,
    };
  });
  const description = truncate(`${result.total} statement${result.total === 1 ? '' : 's'} match${result.total === 1 ? 'es' : ''}${filters ? ` (${filters})` : ''}.`, MAX_EMBED_DESCRIPTION_CHARS);
  const components =
    key === undefined || pages === 1
      ? []
      : buttonRows([
          button(encodeButtonId({ action: 'search-page', key, arg: 'prev' }), 'Previous', { emoji: '◀️', disabled: view.page <= 1 }),
          button(encodeButtonId({ action: 'search-page', key, arg: 'next' }), 'Next', { emoji: '▶️', disabled: view.page >= pages }),
        ])[0]!;
  return { content: '', embeds: [{ ...author, title, description, fields, color: COLOUR.answer, footer: { text: `Page ${view.page} of ${pages}` } }], components };
}
