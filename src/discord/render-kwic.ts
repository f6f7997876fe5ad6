import type { APIEmbedField } from 'discord.js';
import { alignedLine, count, describeTotals } from '../search/kwic/align.js';
import type { Concordance, ConcordanceLine, ConcordanceSort } from '../search/retriever.js';
import { encodeButtonId } from './custom-id.js';
import { MAX_EMBED_DESCRIPTION_CHARS, MAX_EMBED_TITLE_CHARS, truncate } from './limits.js';
import { button, buttonRows, COLOUR, type MessagePayload } from './payload.js';
import { escapeHeaderText, escapeMarkdownText, fitRendered } from './safe-markdown.js';
import { describeFilters, type SearchView } from './render-search.js';

/** Lines per page: ten aligned lines and their statements stay well under 6,000 characters. */
export const KWIC_PAGE_SIZE = 10;
/**
 * Characters of context either side in Discord: a code block in an embed field
 * is about 70 characters wide on a desktop, so 28 + the match + 28 keeps the
 * lines aligned there (on a phone they wrap).
 */
const DISCORD_CONTEXT_CHARS = 28;
/** A match longer than this (a long phrase) is cut in the line. */
const MAX_SHOWN_MATCH_CHARS = 30;
/** Lines in one field: a code block of five ~90-character lines and a /statement line fit 1,024. */
const LINES_PER_FIELD = 5;
/** Organisations named in the counts above the lines; the rest are summed up. */
const SHOWN_ORGANISATIONS = 10;
const MAX_FIELD_HEADER_CHARS = 150;
/** A zero-width space: put after each backtick, no run of three can close the code block early. */
const ZERO_WIDTH_SPACE = '\u200b';

/** What a concordance message shows; stored behind its buttons (the page is the button's own). */
export interface KwicView {
  phrase: string;
  filters: SearchView['filters'];
  sort: ConcordanceSort;
}

/**
 * One page of a concordance: the totals and the counts per organisation, then
 * the lines in fixed-width code blocks (so the matches line up), grouped by
 * statement under its organisation, date and title, with Previous/Next
 * buttons when there is more than a page. Statement text inside a code block
 * can't format, link or ping; only a run of backticks could end the block,
 * and none is left (codeBlockSafe). Everything outside is escaped.
 */
export function renderKwicPage(view: KwicView, result: Concordance, key: string | undefined): MessagePayload {
  const title = fitRendered(`Keyword in context: ${result.phrase}`, MAX_EMBED_TITLE_CHARS, escapeHeaderText);
  const filters = describeFilters(view.filters);
  if (result.occurrences === 0) {
    const why = result.emptyRange ?? `No statement contains ${result.phrase}${filters ? ` (${filters})` : ''}.${result.mode === 'exact' ? ' Without the quotes, other forms of the words count too.' : ''}`;
    return { content: '', embeds: [{ title, description: escapeMarkdownText(why), color: COLOUR.none }], components: [] };
  }
  const description = truncate(describeCounts(result, filters), MAX_EMBED_DESCRIPTION_CHARS);
  const footer = `Page ${count(result.page)} of ${count(result.pageCount)} · sorted by ${result.sort} · ${result.window} words either side`;
  const components =
    key === undefined || result.pageCount === 1
      ? []
      : buttonRows([
          button(encodeButtonId({ action: 'kwic-page', key, arg: String(result.page - 1) }), 'Previous', { emoji: '◀️', disabled: result.page <= 1 }),
          button(encodeButtonId({ action: 'kwic-page', key, arg: String(result.page + 1) }), 'Next', { emoji: '▶️', disabled: result.page >= result.pageCount }),
        ])[0]!;
  return { content: '', embeds: [{ title, description, fields: lineFields(result.lines), color: COLOUR.answer, footer: { text: footer } }], components };
}

/** "**12 occurrences in 5 statements** (stemmed: …) · by organisation: France 7 (3) · …", escaped. */
function describeCounts(result: Concordance, filters: string): string {
  const how = result.mode === 'exact' ? 'exact words, in quotes' : 'stemmed: other forms of the words count too; put the phrase in "quotes" for the exact words';
  const shown = result.organisations.slice(0, SHOWN_ORGANISATIONS).map((o) => `**${escapeMarkdownText(truncate(o.organisation || 'Organisation unknown', 80))}** ${count(o.occurrences)} (${count(o.statements)})`);
  const more = result.organisations.length - SHOWN_ORGANISATIONS;
  return [
    `**${describeTotals(result)}**${filters ? ` (${escapeMarkdownText(filters)})` : ''} — ${escapeMarkdownText(how)}.`,
    `By organisation, occurrences (statements): ${shown.join(' · ')}${more > 0 ? ` · and ${more} more` : ''}`,
  ].join('\n');
}

/** Consecutive lines of one statement share a field (at most LINES_PER_FIELD a field). */
function lineFields(lines: readonly ConcordanceLine[]): APIEmbedField[] {
  const groups: ConcordanceLine[][] = [];
  for (const line of lines) {
    const group = groups.at(-1);
    if (group && group[0]!.statement.id === line.statement.id && group.length < LINES_PER_FIELD) group.push(line);
    else groups.push([line]);
  }
  return groups.map((group) => {
    const { statement } = group[0]!;
    const numbers = group.length === 1 ? `${group[0]!.n}` : `${group[0]!.n}–${group.at(-1)!.n}`;
    const header = `${numbers}. ${statement.organisation || 'Organisation unknown'} · ${statement.date ?? 'undated'} · ${statement.title || 'Untitled statement'}`;
    const width = Math.max(...group.map((line) => String(line.n).length));
    const code = group.map((line) => `${String(line.n).padStart(width)} ${alignedLine({ left: line.left, match: truncate(line.match, MAX_SHOWN_MATCH_CHARS), right: line.right }, DISCORD_CONTEXT_CHARS)}`);
    return { name: fitRendered(header, MAX_FIELD_HEADER_CHARS, escapeHeaderText), value: `\`\`\`\n${codeBlockSafe(code.join('\n'))}\n\`\`\`\n\`/statement ${statement.slug}\`` };
  });
}

/** Text for inside a code block: control characters dropped, no two backticks adjacent. */
export function codeBlockSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '').replaceAll('`', `\`${ZERO_WIDTH_SPACE}`);
}
