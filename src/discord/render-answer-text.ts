import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../search/highlight.js';
import { boldMarked, escapeMarkdownText } from './safe-markdown.js';
import { splitMessage } from './split.js';

/** The smallest piece splitMessage makes; below it a piece is cut hard. */
const MIN_PIECE_CHARS = 16;

/**
 * An answer's text (`AnswerResult.text`, plain text — see answer/types.ts) as
 * Discord Markdown pieces of at most `maxChars` each, in order.
 *
 * The text is plain: everything in it is shown literally except what the bot
 * made — [n] markers, lines beginning with "> " (block quotes) and spans
 * between the highlight markers (bold). So each line is escaped whole, a quote
 * line keeps its "> ", and the markers become `**` after escaping.
 *
 * The plain text is split first and each piece escaped on its own, so no cut
 * falls inside an escape; a bold span cut in two is closed at the end of one
 * piece and reopened at the start of the next. A piece that grows past
 * `maxChars` when escaped is split again, smaller.
 */
export function answerMarkdownPieces(text: string, maxChars: number): string[] {
  return renderPieces(text, maxChars, maxChars);
}

function renderPieces(text: string, maxChars: number, budget: number): string[] {
  const rendered: string[] = [];
  let boldOpen = false;
  for (const plain of splitMessage(text, budget)) {
    let piece = boldOpen ? `${HIGHLIGHT_OPEN}${plain}` : plain;
    boldOpen = endsInsideBold(piece);
    if (boldOpen) piece += HIGHLIGHT_CLOSE;
    const markdown = answerMarkdown(piece);
    if (markdown.length <= maxChars) rendered.push(markdown);
    else if (budget > MIN_PIECE_CHARS) rendered.push(...renderPieces(piece, maxChars, Math.max(MIN_PIECE_CHARS, Math.min(budget - 1, Math.floor((budget * maxChars) / markdown.length)))));
    else rendered.push(markdown.slice(0, maxChars)); // unreachable for Discord's limits: 16 characters escape to at most 34
  }
  return rendered;
}

/** One piece of answer text as Discord Markdown. */
export function answerMarkdown(text: string): string {
  const lines = text.split('\n').map((line) => {
    // "> " opens a block quote only with the space; the extractive answer's empty line between quotes is ">".
    if (line === '>' || line === '> ') return '> ';
    if (line.startsWith('> ')) return `> ${escapeMarkdownText(line.slice(2))}`;
    return escapeMarkdownText(line);
  });
  return boldMarked(lines.join('\n'));
}

function endsInsideBold(text: string): boolean {
  return text.lastIndexOf(HIGHLIGHT_OPEN) > text.lastIndexOf(HIGHLIGHT_CLOSE);
}
