import { escapeMarkdown, type APIEmbed } from 'discord.js';
import type { Passage, StatementSummary } from '../store/records.js';
import { MAX_EMBED_CHARS_PER_MESSAGE, MAX_EMBED_DESCRIPTION_CHARS, MAX_EMBED_TITLE_CHARS, truncate } from './limits.js';
import { COLOUR, type MessagePayload } from './payload.js';

/** Context shown around a cited passage: enough to see it isn't quoted out of context, short enough to read. */
const CONTEXT_CHARS = 500;
/** Passages shown for one source; more would not fit one message anyway. */
export const MAX_PASSAGES_SHOWN = 3;

export interface PassageInContext {
  statement: StatementSummary;
  passage: Passage;
  before: Passage[];
  after: Passage[];
}

/**
 * A cited source's passage(s) with the text around them: the passage as a
 * block quote with the verified quotations in bold, a little of what precedes
 * and follows in plain text. Corpus text is Markdown-escaped.
 */
export function renderCitedPassages(n: number, contexts: PassageInContext[], quotesByPassage: Map<number, string[]>): MessagePayload {
  const shown = contexts.slice(0, MAX_PASSAGES_SHOWN);
  const budget = Math.min(MAX_EMBED_DESCRIPTION_CHARS, Math.floor((MAX_EMBED_CHARS_PER_MESSAGE - 600) / Math.max(1, shown.length)));
  const embeds: APIEmbed[] = shown.map(({ statement, passage, before, after }, i) => {
    const cited = quoteBlock(boldQuotes(passage.text, quotesByPassage.get(passage.id) ?? []));
    const room = Math.max(0, budget - cited.length - 8);
    const lead = tail(before.map((p) => p.text).join('\n\n'), Math.min(CONTEXT_CHARS, Math.floor(room / 2)));
    const follow = head(after.map((p) => p.text).join('\n\n'), Math.min(CONTEXT_CHARS, Math.floor(room / 2)));
    const description = truncate([lead && escapeMarkdown(lead), cited, follow && escapeMarkdown(follow)].filter(Boolean).join('\n\n'), budget);
    return {
      ...(i === 0 ? { title: truncate(`[${n}] ${statement.title || 'Untitled statement'}`, MAX_EMBED_TITLE_CHARS) } : {}),
      ...(i === 0 && statement.url && /^https?:\/\//i.test(statement.url) ? { url: statement.url } : {}),
      description,
      color: COLOUR.answer,
      footer: { text: truncate(`${statement.organisation || 'Organisation unknown'} · ${statement.date ?? 'undated'} · passage ${passage.ordinal + 1} · /statement ${statement.slug}`, 200) },
    };
  });
  return { content: '', embeds, components: [] };
}

function boldQuotes(text: string, quotes: string[]): string {
  let escaped = escapeMarkdown(text);
  for (const quote of quotes) {
    const target = escapeMarkdown(quote.trim());
    if (target.length > 0 && escaped.includes(target)) escaped = escaped.replace(target, `**${target}**`);
  }
  return escaped;
}

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
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
