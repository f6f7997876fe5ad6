import type { APIEmbed } from 'discord.js';
import type { AnswerResult, CitedSource } from '../answer/types.js';
import { encodeButtonId } from './custom-id.js';
import { understoodLine } from '../search/understood-line.js';
import { MAX_AUTHOR_CHARS, MAX_EMBED_DESCRIPTION_CHARS, MAX_EMBED_TITLE_CHARS, MAX_FOOTER_CHARS, truncate } from './limits.js';
import { button, buttonRows, COLOUR, packEmbeds, type MessagePayload } from './payload.js';
import { answerMarkdownPieces } from './render-answer-text.js';
import { escapeHeaderText, escapeMarkdownText, fitRendered, plainLink } from './safe-markdown.js';

/** One source line stays readable: a very long title or organisation is cut, never the [n]. */
const MAX_SOURCE_TITLE_CHARS = 180;
const MAX_SOURCE_ORGANISATION_CHARS = 120;
/** Room kept free in each sources embed so the last line never overflows. */
const SOURCES_EMBED_BUDGET_CHARS = MAX_EMBED_DESCRIPTION_CHARS - 100;

/** The title of every sources embed: thread history (history.ts) reads answers and skips these. */
export const SOURCES_TITLE = 'Sources';

/** What the footer says about how the answer was made. */
export function modeNote(result: Pick<AnswerResult, 'mode' | 'fallbackReason' | 'cached' | 'mayNotAnswer'>): string {
  switch (result.mode) {
    case 'llm':
      return 'Each [n] cites a statement below; quotations are checked against it.';
    case 'extractive':
      return result.mayNotAnswer
        ? 'The closest passages of the statements below, verbatim; they may not answer the question (no model is configured).'
        : 'Verbatim sentences from the statements below (no model is configured).';
    case 'fallback':
      return result.mayNotAnswer
        ? `The model's answer could not be used (${result.fallbackReason ?? 'error'}), so these are the closest passages of the statements below, verbatim; they may not answer the question.`
        : `The model's answer could not be used (${result.fallbackReason ?? 'error'}), so these are verbatim sentences from the statements below.`;
    case 'signatories':
      return 'The list of signatories of the statement below, as written at its end.';
    case 'not-found':
      return ''; // the text itself says what was searched and that nothing answers it
  }
}

/**
 * "**[2]** Title — Organisation, 2021-09-10 · <https://…>": title, organisation
 * and date from the corpus escaped; the statement's URL as a plain link (no
 * preview, no masked text that could claim to be somewhere else).
 */
export function sourceLine(source: Pick<CitedSource, 'n' | 'title' | 'organisation' | 'date' | 'url'>): string {
  const title = escapeMarkdownText(truncate(source.title || 'Untitled statement', MAX_SOURCE_TITLE_CHARS));
  const organisation = source.organisation ? escapeMarkdownText(truncate(source.organisation, MAX_SOURCE_ORGANISATION_CHARS)) : 'organisation unknown';
  const about = [organisation, source.date ? escapeMarkdownText(source.date) : 'undated'].join(', ');
  const link = plainLink(source.url);
  return `**[${source.n}]** ${title} — ${about}${link ? ` · ${link}` : ''}`;
}

/** The question as an embed title: the asker's own text, shown as typed. */
function questionTitle(question: string): string {
  return fitRendered(question, MAX_EMBED_TITLE_CHARS, escapeHeaderText);
}

/** The answer as it streams: one embed, cut to fit, marked as unfinished. */
export function renderPartialAnswer(question: string, text: string): MessagePayload {
  const [shown = ''] = answerMarkdownPieces(text, MAX_EMBED_DESCRIPTION_CHARS - 2);
  return { content: '', embeds: [{ title: questionTitle(question), description: `${shown} ▌`, color: COLOUR.answer, footer: { text: 'Answering… sources follow.' } }], components: [] };
}

/**
 * The finished answer as one or more messages: the answer text (plain text,
 * see render-answer-text.ts) escaped and split at paragraph/sentence
 * boundaries (never inside an [n]), then every source, then
 * one button per source and 👍/👎 — all within Discord's limits, nothing dropped.
 * The first message replaces the streamed one; the rest are follow-ups.
 * Without `answerKey` (no stored state) there are no buttons.
 */
export function renderAnswer(result: AnswerResult, { question, answerKey }: { question: string; answerKey?: string }): MessagePayload[] {
  const colour = result.mode === 'llm' ? COLOUR.answer : result.mode === 'not-found' ? COLOUR.none : COLOUR.verbatim;
  const chunks = answerMarkdownPieces(result.text, MAX_EMBED_DESCRIPTION_CHARS);
  // What the question was read to name, and a search kept to the question's language, above the answer (an author line renders no Markdown: plain text).
  const understood = [understoodLine(result.understood), result.onlyQuestionLanguage?.line].filter(Boolean).join(' · ');
  const answerEmbeds: APIEmbed[] = chunks.map((chunk, i) => ({
    ...(i === 0 && understood ? { author: { name: truncate(understood, MAX_AUTHOR_CHARS) } } : {}),
    ...(i === 0 ? { title: questionTitle(question) } : {}),
    description: chunk,
    color: colour,
    ...(i === chunks.length - 1 && modeNote(result) ? { footer: { text: truncate(modeNote(result), MAX_FOOTER_CHARS) } } : {}),
  }));

  const messages: MessagePayload[] = packEmbeds([...answerEmbeds, ...sourcesEmbeds(result.sources, colour)]).map((embeds) => ({ content: '', embeds, components: [] }));
  if (answerKey === undefined) return messages;

  return withAnswerButtons(messages, result.sources, answerKey, result.mode !== 'not-found');
}

/** Every cited source, one line each, in as many "Sources" embeds as they need. */
export function sourcesEmbeds(sources: readonly CitedSource[], colour: number): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) embeds.push({ title: SOURCES_TITLE, description: lines.join('\n'), color: colour });
    lines = [];
  };
  for (const source of sources) {
    const line = sourceLine(source);
    if ([...lines, line].join('\n').length > SOURCES_EMBED_BUDGET_CHARS) flush();
    lines.push(line);
  }
  flush();
  return embeds;
}

/**
 * One button per cited source ("[n] Title": its passages in context) and, for
 * an answer, 👍/👎 — under the last message, and past 25 buttons in messages
 * of their own after it. The custom ids carry the stored state's key and the
 * source's number only, so they work after a restart.
 */
export function withAnswerButtons(messages: MessagePayload[], sources: readonly Pick<CitedSource, 'n' | 'title'>[], answerKey: string, votes: boolean): MessagePayload[] {
  const buttons = [
    ...sources.map((source) => button(encodeButtonId({ action: 'source', key: answerKey, arg: String(source.n) }), `[${source.n}] ${source.title || 'Untitled statement'}`)),
    ...(votes ? [button(encodeButtonId({ action: 'vote', key: answerKey, arg: 'up' }), 'Helpful', { emoji: '👍' }), button(encodeButtonId({ action: 'vote', key: answerKey, arg: 'down' }), 'Not helpful', { emoji: '👎' })] : []),
  ];
  const [firstRows, ...moreRows] = buttonRows(buttons);
  if (firstRows) messages.at(-1)!.components = firstRows;
  // More than 23 sources: the remaining buttons go in messages of their own, still after the sources.
  for (const rows of moreRows) messages.push({ content: 'More sources:', embeds: [], components: rows });
  return messages;
}
