import type { PassageSpan } from '../store/records.js';
import { sentenceEnds } from './sentences.js';

/**
 * Passage size: target 700 characters, at most 1,100. About 150 tokens, 4–6
 * sentences: one UN-speech paragraph or two short ones (paragraphs in the UN
 * corpus: median 480 characters, 75th percentile 700), so a passage is usually
 * whole paragraphs. Small enough that bm25 scores one topic rather than a page
 * and that the answerer's 3,000-token context holds 8 passages with neighbours;
 * large enough that a passage read alone still says who wants what. A passage
 * ends at a paragraph once it has {@link MIN_SHARE_OF_TARGET} of the target, and
 * may run to the maximum to finish a sentence. On the UN corpus: 346,211
 * passages, 570 characters on average.
 */
export const DEFAULT_TARGET_CHARS = 700;
export const DEFAULT_MAX_CHARS = 1_100;
/** A passage shorter than this share of the target takes the next sentence even past the target. */
const MIN_SHARE_OF_TARGET = 0.4;

interface Unit {
  start: number;
  end: number;
  /** Starts a new line or paragraph. */
  opensParagraph: boolean;
}

/**
 * Split cleaned text into retrieval-sized passages on paragraph and sentence
 * boundaries. Offsets are exact (`text.slice(start, end) === text` of the
 * passage), passages are in order, don't overlap, carry no surrounding
 * whitespace, and together hold every non-space character. Ordinals are 0-based.
 */
export function splitIntoPassages(text: string, options: { targetChars?: number; maxChars?: number } = {}): PassageSpan[] {
  const target = options.targetChars ?? DEFAULT_TARGET_CHARS;
  const max = Math.max(options.maxChars ?? DEFAULT_MAX_CHARS, target);
  const min = Math.floor(target * MIN_SHARE_OF_TARGET);
  const spans: { start: number; end: number }[] = [];
  let current: { start: number; end: number } | undefined;

  for (const unit of units(text)) {
    if (unit.end - unit.start > max) {
      // A scrap before an over-long sentence ("138." above it) goes with its first piece.
      const from = current && current.end - current.start < min ? current.start : unit.start;
      if (current && from !== current.start) spans.push(current);
      current = undefined;
      for (const piece of splitLongUnit(text, from, unit.end, target, max)) spans.push(piece);
      continue;
    }
    if (!current) {
      current = { start: unit.start, end: unit.end };
      continue;
    }
    const length = current.end - current.start;
    const combined = unit.end - current.start;
    const fits = combined <= target || (length < min && combined <= max);
    const paragraphBreakIsDue = unit.opensParagraph && length >= min && combined > target * 0.85;
    if (fits && !paragraphBreakIsDue) {
      current.end = unit.end;
    } else {
      spans.push(current);
      current = { start: unit.start, end: unit.end };
    }
  }
  if (current) spans.push(current);

  // A last scrap joins its predecessor when both still fit in one passage.
  const last = spans.at(-1);
  const beforeLast = spans.at(-2);
  if (last && beforeLast && last.end - last.start < min / 2 && last.end - beforeLast.start <= max) {
    beforeLast.end = last.end;
    spans.pop();
  }
  return spans.map((span, ordinal) => ({ ordinal, start: span.start, end: span.end, text: text.slice(span.start, span.end) }));
}

/** Sentences within lines, trimmed of surrounding whitespace. */
function* units(text: string): Generator<Unit> {
  const line = /[^\n]+/g;
  for (let match = line.exec(text); match; match = line.exec(text)) {
    const lineStart = match.index;
    const lineEnd = lineStart + match[0].length;
    let start = lineStart;
    let opensParagraph = true;
    for (const end of [...sentenceEnds(text, lineStart, lineEnd), lineEnd]) {
      const trimmed = trim(text, start, end);
      if (trimmed) {
        yield { ...trimmed, opensParagraph };
        opensParagraph = false;
      }
      start = end;
    }
  }
}

function trim(text: string, start: number, end: number): { start: number; end: number } | undefined {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

/**
 * A sentence longer than `max` (lists run together, legal prose): cut at the
 * last clause boundary (; : , — –) before `max`, else the last space, never
 * inside a surrogate pair.
 */
function splitLongUnit(text: string, start: number, end: number, target: number, max: number): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  let from = start;
  while (end - from > max) {
    const window = text.slice(from, from + max);
    const floor = Math.floor(target / 2);
    let cut = -1;
    for (const pattern of [/[;:]\s/g, /[,—–]\s/g, /\s/g]) {
      let best = -1;
      for (const match of window.matchAll(pattern)) if (match.index >= floor) best = match.index + match[0].length - 1;
      if (best > 0) {
        cut = best + 1;
        break;
      }
    }
    if (cut <= 0) {
      cut = max;
      if (/[\uD800-\uDBFF]/.test(text[from + cut - 1]!)) cut--;
    }
    const piece = trim(text, from, from + cut);
    if (piece) pieces.push(piece);
    from += cut;
  }
  const rest = trim(text, from, end);
  if (rest) pieces.push(rest);
  return pieces;
}
