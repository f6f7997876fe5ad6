import type { APIEmbed } from 'discord.js';
import type { ComparisonResult, ComparisonSection } from '../answer/compare/types.js';
import { comparisonNote } from '../answer/compare/note.js';
import { understoodLine } from '../search/understood-line.js';
import { MAX_AUTHOR_CHARS, MAX_EMBED_DESCRIPTION_CHARS, MAX_EMBED_TITLE_CHARS, MAX_FOOTER_CHARS, truncate } from './limits.js';
import { COLOUR, packEmbeds, type MessagePayload } from './payload.js';
import { answerMarkdownPieces } from './render-answer-text.js';
import { sourcesEmbeds, withAnswerButtons } from './render-answer.js';
import { escapeHeaderText, fitRendered } from './safe-markdown.js';

/** The closing sentence's embed. */
export const CLOSING_TITLE = 'In comparison';

const SECTION_COLOUR: Record<ComparisonSection['kind'], number> = { llm: COLOUR.answer, verbatim: COLOUR.verbatim, none: COLOUR.none };

/**
 * A comparison as Discord messages: an embed per organisation (its name the
 * title, its text escaped and split only between sentences, so no [n] is
 * ever cut), the closing sentence, the sources, then a button per source and
 * 👍/👎. The topic heads the first embed, with what the topic was read to
 * name above it. Embeds are packed within Discord's 10 and 6,000 characters a
 * message; what doesn't fit goes in follow-ups, nothing is dropped.
 */
export function renderComparison(result: ComparisonResult, { answerKey }: { answerKey?: string } = {}): MessagePayload[] {
  const understood = understoodLine(result.understood);
  const head: APIEmbed = {
    ...(understood ? { author: { name: truncate(understood, MAX_AUTHOR_CHARS) } } : {}),
    title: fitRendered(`Compared: ${result.topic}`, MAX_EMBED_TITLE_CHARS, escapeHeaderText),
    color: result.mode === 'llm' ? COLOUR.answer : COLOUR.verbatim,
  };
  const sections = result.sections.flatMap((section) =>
    answerMarkdownPieces(section.text, MAX_EMBED_DESCRIPTION_CHARS).map(
      (piece, i): APIEmbed => ({ ...(i === 0 ? { title: fitRendered(section.organisation, MAX_EMBED_TITLE_CHARS, escapeHeaderText) } : {}), description: piece, color: SECTION_COLOUR[section.kind] }),
    ),
  );
  const closing = result.closing ? answerMarkdownPieces(result.closing, MAX_EMBED_DESCRIPTION_CHARS).map((piece, i): APIEmbed => ({ ...(i === 0 ? { title: CLOSING_TITLE } : {}), description: piece, color: COLOUR.answer })) : [];
  const body = [...sections, ...closing];
  body[body.length - 1] = { ...body.at(-1)!, footer: { text: truncate(comparisonNote(result), MAX_FOOTER_CHARS) } };
  const messages: MessagePayload[] = packEmbeds([head, ...body, ...sourcesEmbeds(result.sources, head.color!)]).map((embeds) => ({ content: '', embeds, components: [] }));
  return answerKey === undefined ? messages : withAnswerButtons(messages, result.sources, answerKey, true);
}
