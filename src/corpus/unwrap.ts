import { HyphenationVocabulary, joinHyphenated } from './hyphenation.js';

/**
 * Re-join text that a PDF hard-wrapped at a fixed width into paragraphs, and
 * mend sentences a page break cut in two. Text that isn't hard-wrapped keeps its
 * line structure: its short lines (lists, signatures, headings) are real.
 */

export const PAGE_BREAK = '\f';

/** Below this many lines we can't tell a wrapped text from a short list. */
const MIN_LINES_TO_DETECT_WRAP = 8;
/** PDF columns are 40–100 characters; web text has paragraph-long lines. */
const MAX_WRAP_WIDTH_CHARS = 130;
/** Share of lines that must fill the column for a text to count as wrapped. */
const MIN_SHARE_OF_FULL_LINES = 0.5;
/** Share of line breaks that must fall mid-sentence (next line lower-case): lists and signature blocks have none. */
const MIN_SHARE_OF_MID_SENTENCE_BREAKS = 0.2;
/** Above this share of indented lines, indenting is the text's style, not a paragraph mark. */
const MAX_SHARE_OF_INDENTED_LINES = 0.5;
/** A line at least this full, ending a sentence, usually ends mid-paragraph; a shorter one ends the paragraph. */
const FULL_LINE_SHARE = 0.85;

/** A UN record's paragraph number standing alone: "138." */
const PARAGRAPH_NUMBER = /^\d{1,3}\.$/;
const SENTENCE_END = /[.!?:;]["'”’»)\]*]*$/u;
const STARTS_LOWER = /^["'“‘«(]*\p{Ll}/u;
const STARTS_ITEM = /^(\d{1,3}\.|\(?[a-z0-9]{1,3}\)|[•▪●◦*–-])\s/u;

function isBlank(line: string): boolean {
  return line === '' || line === PAGE_BREAK;
}

/**
 * The column width when `lines` are hard-wrapped, else undefined. Wrapped text
 * has most lines near one width (the 90th percentile of lengths), and many line
 * breaks in mid-sentence.
 */
export function detectWrapWidth(lines: readonly string[]): number | undefined {
  const filled = lines.filter((line) => !isBlank(line));
  if (filled.length < MIN_LINES_TO_DETECT_WRAP) return undefined;
  const lengths = filled.map((line) => line.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)]!;
  if (width > MAX_WRAP_WIDTH_CHARS) return undefined;
  const full = lengths.filter((length) => length >= 0.6 * width).length;
  if (full / lengths.length < MIN_SHARE_OF_FULL_LINES) return undefined;
  let breaks = 0;
  let midSentence = 0;
  for (let i = 1; i < lines.length; i++) {
    const before = lines[i - 1]!;
    const after = lines[i]!;
    if (isBlank(before) || isBlank(after)) continue;
    breaks++;
    if (!SENTENCE_END.test(before) && STARTS_LOWER.test(after)) midSentence++;
  }
  return breaks > 0 && midSentence / breaks >= MIN_SHARE_OF_MID_SENTENCE_BREAKS ? width : undefined;
}

/** Append `line` to a paragraph that ends with `last`, mending a hyphenated word. */
function appendLine(paragraph: string, line: string, vocabulary: HyphenationVocabulary): string {
  if (/\p{L}-$/u.test(paragraph) && /^\p{L}/u.test(line)) return joinHyphenated(paragraph, line, vocabulary);
  // "co-operation—\nproblems": an em dash attached to a word stays attached.
  if (/\p{L}[—–]$/u.test(paragraph)) return paragraph + line;
  return `${paragraph} ${line}`;
}

/**
 * Turn lines into paragraphs. Wrapped text: lines are joined unless the
 * previous line ends a sentence well short of the column, or the next starts a
 * numbered item. Any text: a blank line or page break ({@link PAGE_BREAK}, where
 * a form feed, running head or page number stood) between a line ending
 * mid-sentence and a lower-case line is no paragraph break.
 */
export function unwrapLines(input: readonly string[]): string[] {
  // Indented lines start paragraphs, when indenting is the exception (some UN speeches of the 2000s).
  const filled = input.filter((line) => !isBlank(line));
  const indentedShare = filled.filter((line) => /^ /.test(line)).length / Math.max(1, filled.length);
  const indentMarksParagraphs = indentedShare > 0 && indentedShare < MAX_SHARE_OF_INDENTED_LINES;
  const indented = input.map((line) => /^ /.test(line));
  const lines = input.map((line) => (line === PAGE_BREAK ? line : line.trimStart()));
  const width = detectWrapWidth(lines);
  const vocabulary = new HyphenationVocabulary(lines);
  const paragraphs: string[] = [];
  let current: string | undefined;
  let lastLine = '';
  let gap = false;
  let pageBreak = false;

  for (const [index, line] of lines.entries()) {
    if (isBlank(line)) {
      gap = true;
      pageBreak ||= line === PAGE_BREAK;
      continue;
    }
    if (current === undefined) {
      current = line;
    } else if (PARAGRAPH_NUMBER.test(lastLine) && lastLine === current.slice(-lastLine.length)) {
      // "138." on a line of its own numbers the paragraph that follows it.
      current = `${current} ${line}`;
    } else if (joins(lastLine, line, width, gap, pageBreak) && !(indentMarksParagraphs && indented[index] && SENTENCE_END.test(lastLine))) {
      current = appendLine(current, line, vocabulary);
    } else if (width === undefined && !gap && !isOwnParagraph(lastLine, line)) {
      // Text that isn't wrapped keeps a single line break (a list, a signature) as it was.
      current = `${current}\n${line}`;
    } else {
      paragraphs.push(current);
      current = line;
    }
    lastLine = line;
    gap = false;
    pageBreak = false;
  }
  if (current !== undefined) paragraphs.push(current);
  return paragraphs;
}

/** Paragraph-per-line text (no blank lines between): a long line ending a sentence is a paragraph. */
const PARAGRAPH_LINE_CHARS = 100;
const ENDS_SENTENCE = /[.!?…]["'”’»)\]]*$/u;

function isOwnParagraph(previous: string, next: string): boolean {
  return ENDS_SENTENCE.test(previous) && (previous.length >= PARAGRAPH_LINE_CHARS || next.length >= PARAGRAPH_LINE_CHARS);
}

function joins(previous: string, next: string, width: number | undefined, gap: boolean, pageBreak: boolean): boolean {
  const endsClause = SENTENCE_END.test(previous);
  // A lower-case line after one that doesn't end a sentence goes on with it, whatever lies between.
  const continues = !ENDS_SENTENCE.test(previous) && STARTS_LOWER.test(next) && !STARTS_ITEM.test(next);
  if (gap) {
    if (continues) return true;
    // "… the United States of" / page break / "America, have shown …"
    return pageBreak && width !== undefined && !endsClause && previous.length >= FULL_LINE_SHARE * width;
  }
  if (width === undefined) return continues;
  if (STARTS_ITEM.test(next) && (endsClause || previous.length < FULL_LINE_SHARE * width)) return false;
  if (!endsClause || continues) return true;
  return previous.length >= FULL_LINE_SHARE * width;
}
