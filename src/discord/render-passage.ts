import type { APIEmbed } from 'discord.js';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../search/highlight.js';
import type { Passage, StatementSummary } from '../store/records.js';
import { MAX_EMBED_CHARS_PER_MESSAGE, MAX_EMBED_DESCRIPTION_CHARS, MAX_EMBED_TITLE_CHARS, truncate } from './limits.js';
import { COLOUR, type MessagePayload } from './payload.js';
import { answerMarkdown } from './render-answer-text.js';
import { escapeHeaderText, escapeMarkdownText, fitRendered, MAX_SHOWN_URL_CHARS, plainLink } from './safe-markdown.js';

/** Context shown around a cited passage: enough to see it isn't quoted out of context, short enough to read. */
const CONTEXT_CHARS = 500;
/** Passages shown for one source; more would not fit one message anyway. */
export const MAX_PASSAGES_SHOWN = 3;
const FOOTER_CHARS = 200;
/** "Link" and `<url>`. */
const LINK_FIELD_CHARS = 4 + MAX_SHOWN_URL_CHARS + 2;

export interface PassageInContext {
  statement: StatementSummary;
  passage: Passage;
  before: Passage[];
  after: Passage[];
}

/**
 * A cited source's passage(s) with the text around them: the passage as a
 * block quote with the verified quotations in bold, a little of what precedes
 * and follows in plain text, the statement's URL as a plain link. Corpus text
 * is escaped once; the plain text is cut to fit, never the escaped.
 */
export function renderCitedPassages(n: number, contexts: PassageInContext[], quotesByPassage: Map<number, string[]>): MessagePayload {
  const shown = contexts.slice(0, MAX_PASSAGES_SHOWN);
  // The descriptions share what the title, the link field and the footers leave of the message's 6,000.
  const reserved = MAX_EMBED_TITLE_CHARS + LINK_FIELD_CHARS + FOOTER_CHARS * shown.length;
  const budget = Math.min(MAX_EMBED_DESCRIPTION_CHARS, Math.floor((MAX_EMBED_CHARS_PER_MESSAGE - reserved) / Math.max(1, shown.length)));
  const embeds: APIEmbed[] = shown.map(({ statement, passage, before, after }, i) => {
    const cited = fitRendered(markQuotes(passage.text, quotesByPassage.get(passage.id) ?? []), budget, quoteBlock);
    const room = Math.max(0, budget - cited.length - 4);
    const lead = fitRendered(before.map((p) => p.text).join('\n\n'), Math.min(CONTEXT_CHARS, Math.floor(room / 2)), escapeMarkdownText, tail);
    const follow = fitRendered(after.map((p) => p.text).join('\n\n'), Math.min(CONTEXT_CHARS, Math.floor(room / 2)), escapeMarkdownText, head);
    const link = i === 0 ? plainLink(statement.url) : '';
    const prefix = `[${n}] `;
    return {
      ...(i === 0 ? { title: `${prefix}${fitRendered(statement.title || 'Untitled statement', MAX_EMBED_TITLE_CHARS - prefix.length, escapeHeaderText)}` } : {}),
      description: [lead, cited, follow].filter(Boolean).join('\n\n'),
      ...(link ? { fields: [{ name: 'Link', value: link }] } : {}),
      color: COLOUR.answer,
      // Footers render no Markdown: nothing to escape, and a backslash would show.
      footer: { text: truncate(`${statement.organisation || 'Organisation unknown'} · ${statement.date ?? 'undated'} · passage ${passage.ordinal + 1} · /statement ${statement.slug}`, FOOTER_CHARS) },
    };
  });
  return { content: '', embeds, components: [] };
}

/** The passage with the first occurrence of each quotation between highlight markers (overlapping ones are left plain). */
function markQuotes(text: string, quotes: string[]): string {
  const spans: [number, number][] = [];
  for (const quote of quotes.map((q) => q.trim()).filter(Boolean)) {
    const start = text.indexOf(quote);
    const end = start + quote.length;
    if (start >= 0 && !spans.some(([s, e]) => start < e && end > s)) spans.push([start, end]);
  }
  spans.sort((a, b) => b[0] - a[0]);
  let marked = text;
  for (const [start, end] of spans) marked = `${marked.slice(0, start)}${HIGHLIGHT_OPEN}${marked.slice(start, end)}${HIGHLIGHT_CLOSE}${marked.slice(end)}`;
  return marked;
}

/** Each line a block-quote line, escaped, the marked quotations bold (across lines too). */
function quoteBlock(text: string): string {
  return answerMarkdown(
    text
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n'),
  );
}

/** The last ~`max` characters, starting at a word. */
function tail(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 20) return '';
  const cut = text.slice(text.length - max + 1);
  return `…${cut.slice(cut.indexOf(' ') + 1)}`;
}

/** The first ~`max` characters, ending at a word. */
function head(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 20) return '';
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
