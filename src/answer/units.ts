import { UNFINISHED_MARKER } from './citations.js';
import { splitSentences } from './sentences.js';

/**
 * Cutting streamed answer text into the units grounding judges: a sentence
 * (with the citation markers written after its full stop), or a whole block
 * quote (consecutive lines starting with ">"). A unit is taken only once it is
 * certainly complete — the next sentence or line has begun, or the stream has
 * ended — so the unit judged while streaming is the unit the final text has.
 */

export type UnitKind = 'sentence' | 'block-quote';

export interface Unit {
  kind: UnitKind;
  text: string;
  /** The whitespace after the unit, as written. */
  separator: string;
}

/** The next complete unit at the start of `buffer` and how many characters it used, or undefined to wait for more text. */
export function takeUnit(buffer: string, final: boolean): { unit: Unit; consumed: number } | undefined {
  const start = buffer.length - buffer.trimStart().length;
  if (start === buffer.length) return undefined;
  const rest = buffer.slice(start);
  const taken = isBlockQuoteLine(rest) ? takeBlockQuote(rest, final) : takeSentence(rest, final);
  if (!taken) return undefined;
  const after = rest.slice(taken.length);
  const separator = after.slice(0, after.length - after.trimStart().length);
  // Whitespace at the end of the buffer may grow ("\n" becoming "\n\n"); wait unless the stream ended.
  if (!final && separator.length === after.length) return undefined;
  return { unit: { kind: taken.kind, text: rest.slice(0, taken.length), separator }, consumed: start + taken.length + separator.length };
}

/** Leading whitespace skipped by `takeUnit` (separators before the first unit). */
export function leadingWhitespace(buffer: string): string {
  return buffer.slice(0, buffer.length - buffer.trimStart().length);
}

function isBlockQuoteLine(line: string): boolean {
  return /^[ \t]*>/.test(line);
}

/** Consecutive ">" lines; complete when a line that isn't one has begun. */
function takeBlockQuote(text: string, final: boolean): { kind: UnitKind; length: number } | undefined {
  let at = 0;
  for (;;) {
    const newline = text.indexOf('\n', at);
    if (newline === -1) return final ? { kind: 'block-quote', length: text.trimEnd().length } : undefined;
    const next = text.slice(newline + 1);
    const nextContent = next.trimStart();
    // A blank line ends the block; so does a line with content that isn't ">".
    if (/^[ \t]*\n/.test(next) || (nextContent !== '' && !isBlockQuoteLine(next))) return { kind: 'block-quote', length: newline };
    if (nextContent === '') return final ? { kind: 'block-quote', length: newline } : undefined;
    at = newline + 1;
  }
}

/** The first sentence of the first line; complete when the line ended or the next sentence began. */
function takeSentence(text: string, final: boolean): { kind: UnitKind; length: number } | undefined {
  const newline = text.indexOf('\n');
  const lineComplete = newline !== -1 || final;
  let line = newline === -1 ? text : text.slice(0, newline);
  if (!lineComplete) {
    // "… country. [" may be "… country. [1]": don't judge the sentence before its marker has arrived.
    const unfinished = UNFINISHED_MARKER.exec(line);
    if (unfinished) line = line.slice(0, unfinished.index);
  }
  const sentences = splitSentences(line, { answerText: true });
  const first = sentences[0];
  if (!first) return lineComplete ? { kind: 'sentence', length: line.length } : undefined;
  if (!lineComplete && sentences.length < 2) return undefined;
  return { kind: 'sentence', length: first.end };
}
