import type { APIEmbedField } from 'discord.js';
import { quoteOccasion, quoteSource, seriesRows, timelineSummary } from '../chart/timeline-text.js';
import type { Timeline } from '../search/retriever.js';
import { understoodLine } from '../search/understood-line.js';
import { MAX_AUTHOR_CHARS, MAX_EMBED_DESCRIPTION_CHARS, MAX_EMBED_TITLE_CHARS, MAX_FIELD_NAME_CHARS, MAX_FIELD_VALUE_CHARS, truncate } from './limits.js';
import { buttonRows, COLOUR, type MessagePayload } from './payload.js';
import { escapeHeaderText, escapeMarkdownText, fitRendered, plainLink } from './safe-markdown.js';
import { timelineQuoteButtons } from './timeline-buttons.js';

/** The chart's file name in the message; the embed shows it by `attachment://` this name. */
export const TIMELINE_PNG_NAME = 'timeline.png';

/**
 * `/timeline`: the chart as an attached image shown in the embed, the same
 * series as text in the description (years summed into decades when there are
 * many: screen readers and phones read it), and under it one field per quoted
 * period — a verbatim sentence and where it is from — with a button to read
 * its passage in context. Corpus text and the
 * topic are escaped here; the series is the bot's own digits.
 */
export function renderTimeline(timeline: Timeline, filters: string, png: Buffer | undefined): MessagePayload {
  const title = fitRendered(`Timeline: ${timeline.topic}${filters ? ` (${filters})` : ''}`, MAX_EMBED_TITLE_CHARS, escapeHeaderText);
  const summary = escapeMarkdownText(timelineSummary(timeline));
  // Author names render no Markdown: the line goes as it is.
  const understood = understoodLine(timeline.understood);
  const author = understood ? { author: { name: truncate(understood, MAX_AUTHOR_CHARS) } } : {};
  if (timeline.matching === 0 || !png) return { content: '', embeds: [{ ...author, title, description: truncate(summary, MAX_EMBED_DESCRIPTION_CHARS), color: COLOUR.none }], components: [] };
  const rows = seriesRows(timeline, { compact: true });
  const width = Math.max(...rows.map((row) => String(row.matching).length));
  // Labels are dates cut to a period (digits and "-"); a backtick could only close the code block, so none passes.
  const table = rows.map((row) => `${row.label.replaceAll('`', '').padEnd(7)} ${String(row.matching).padStart(width)} of ${row.statements} (${share(row.matching, row.statements)})`).join('\n');
  const description = truncate(`${summary}\nMentioning statements per ${rows[0]?.label.endsWith('0s') ? 'decade' : timeline.granularity}, of all:\n\`\`\`\n${table}\n\`\`\``, MAX_EMBED_DESCRIPTION_CHARS);
  const fields: APIEmbedField[] = timeline.quotes.map((quote, i) => {
    const link = plainLink(quote.statement.url);
    const source = `— ${escapeMarkdownText(truncate(quoteSource(quote), 300))}${link ? ` · ${link}` : ''} · \`/statement ${quote.statement.slug}\``;
    return {
      name: fitRendered(`[${i + 1}] ${quoteOccasion(quote, timeline)}`, MAX_FIELD_NAME_CHARS, escapeHeaderText),
      value: `> ${fitRendered(`“${quote.sentence}”`, MAX_FIELD_VALUE_CHARS - source.length - 3, escapeMarkdownText)}\n${source}`,
    };
  });
  return {
    content: '',
    embeds: [{ ...author, title, description, fields, image: { url: `attachment://${TIMELINE_PNG_NAME}` }, color: COLOUR.answer, footer: { text: 'Bars: statements mentioning it (left axis). Line: their share of the period’s statements (right axis). Numbers mark the quotes.' } }],
    components: buttonRows(timelineQuoteButtons(timeline.quotes))[0] ?? [],
    files: [{ name: TIMELINE_PNG_NAME, data: png }],
  };
}

function share(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((100 * part) / whole)}%`;
}
