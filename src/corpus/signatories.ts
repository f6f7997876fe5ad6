import type { SignatoryInput } from '../store/records.js';
import { parseSignatoryEntry } from './signatory-entry.js';
import { splitInlineList } from './signatory-inline.js';

/**
 * A heading that opens a list of signatories: "Signatories (as of 15 September
 * 2021, further signatories possible):", "Subsequent signatories:",
 * "Additional Signatories (Non-ICOR):", "Signed by:". The whole line is the
 * heading — a sentence that mentions signatories is not one.
 */
const HEADING_WORDS =
  /(?:(?:the|first|initial|original|subsequent|additional|further|other|new|later|more|list\s+of|co-?)\s*)*(?:signatories|signatures|signers|signed(?:\s+by)?|the\s+undersigned|signatory\s+(?:organi[sz]ations|parties|groups))(?:\s*\((?:[^()]|\([^()]*\))*\))?/
    .source;
const HEADING = new RegExp(`^${HEADING_WORDS}\\s*:?$`, 'iu');

/** A heading and its list on one line: "Signed by: Party A (PA), Movement B, Union C – Country D." — the colon is required. */
const INLINE_HEADING = new RegExp(`^(${HEADING_WORDS})\\s*:\\s*(?=\\S)`, 'iu');

/** A numbered or bulleted line: "1. PCPCI …", "• Iskra Group: …". */
const ITEM = /^(?:[•●▪◦‣∙·*–—-]|\d{1,3}[.)])\s+(?=\S)/u;

/** A sentence introducing a list at the end of the text as one of signatories ("… added to the list of signatories …"). */
const INTRODUCES_SIGNATORIES = /\bsignator(?:y|ies)\b|\bsigned\s+by\b|\bsignatures\b|\bco-?signed\b/iu;

/** An introduced list (no heading of its own) is taken only when it is this long: two bullets after a mention are too little to tell. */
const MIN_INTRODUCED_ENTRIES = 3;
const MAX_ENTRY_CHARS = 260;
const MAX_ENTRY_WORDS = 36;

interface Line {
  text: string;
  start: number;
}

/**
 * The signatories a statement lists, in order, from its cleaned text: the
 * entries under each signatory heading (numbered, bulleted or one a line, up
 * to the first line that reads as prose or another heading), or, with no such
 * heading, a bulleted or numbered list that ends the text right after a
 * sentence about signatories. Nothing else: prose naming organisations, or a
 * numbered list of demands, gives none. Offsets point into `text`.
 */
export function extractSignatories(text: string): SignatoryInput[] {
  const lines = linesOf(text);
  const found: SignatoryInput[] = [];
  for (let index = 0; index < lines.length; index++) {
    const inline = INLINE_HEADING.exec(lines[index]!.text);
    if (inline) {
      const last = listParagraphUntil(text, lines, index);
      const start = lines[index]!.start + inline[0].length;
      found.push(...inlineEntries(spanOf(text, start, lines[last]!), found.length, inline[1]!));
      index = last;
      continue;
    }
    const heading = lines[index]!.text.length <= 120 && HEADING.exec(lines[index]!.text);
    if (!heading) continue;
    const group = lines[index]!.text.replace(/\s*:$/u, '');
    const first = index + 1;
    const entries: SignatoryInput[] = [];
    for (index++; index < lines.length && !HEADING.test(lines[index]!.text); index++) {
      const entry = entryOf(lines[index]!, found.length + entries.length, group);
      if (!entry) break;
      entries.push(entry);
    }
    // "Signatories:" then one paragraph "A, B, C." (maybe wrapped after its commas): lines read one entry each may be a list written inline.
    const last = first < lines.length ? listParagraphUntil(text, lines, first) : first;
    const paragraph =
      first < lines.length && (entries.length <= 1 || last > first) ? inlineEntries(spanOf(text, lines[first]!.start, lines[last]!), found.length, group) : [];
    if (paragraph.length > 0) index = last + 1;
    found.push(...(paragraph.length > 0 ? paragraph : entries));
    index--;
  }
  return found.length > 0 ? found : introducedList(lines);
}

/** The bulleted or numbered list that ends the text, if the line before it speaks of signatories. */
function introducedList(lines: Line[]): SignatoryInput[] {
  let first = lines.length;
  while (first > 0 && ITEM.test(lines[first - 1]!.text)) first--;
  const items = lines.slice(first);
  if (items.length < MIN_INTRODUCED_ENTRIES || first === 0 || !INTRODUCES_SIGNATORIES.test(lines[first - 1]!.text)) return [];
  const entries: SignatoryInput[] = [];
  for (const line of items) {
    const entry = entryOf(line, entries.length, null);
    if (!entry) return [];
    entries.push(entry);
  }
  return entries;
}

/**
 * The last line of the paragraph that starts at `from`, when it is a list
 * wrapped after its separators: each line but the last ends with a comma or
 * semicolon, and a blank line, a heading or the end follows the last. A
 * paragraph wrapped inside an entry ("…, Socialist\nLeague of Malta") is not
 * taken apart: `from` alone is returned, and the lines are read as before.
 */
function listParagraphUntil(text: string, lines: Line[], from: number): number {
  const follows = (index: number): boolean =>
    index + 1 < lines.length && !/\n\s*\n/u.test(text.slice(endOf(lines[index]!), lines[index + 1]!.start)) && !HEADING.test(lines[index + 1]!.text);
  let last = from;
  while (/[,;]$/u.test(lines[last]!.text) && follows(last)) last++;
  return last > from && follows(last) ? from : last;
}

/** The text from `start` to the end of a line, as one line. */
function spanOf(text: string, start: number, last: Line): Line {
  return { text: text.slice(start, endOf(last)), start };
}

function endOf(line: Line): number {
  return line.start + line.text.length;
}

/** The entries of a list written on one line, or none unless every piece of it reads as a signatory. */
function inlineEntries(line: Line, ordinal: number, group: string): SignatoryInput[] {
  const pieces = splitInlineList(line.text, line.start);
  if (!pieces) return [];
  const entries: SignatoryInput[] = [];
  for (const piece of pieces) {
    const words = piece.text.split(/\s+/u).length;
    const parsed = piece.text.length <= MAX_ENTRY_CHARS && words <= MAX_ENTRY_WORDS ? parseSignatoryEntry(piece.text) : undefined;
    if (!parsed) return [];
    entries.push({ ordinal: ordinal + entries.length, group, ...parsed, start: piece.start, end: piece.end });
  }
  return entries;
}

/** The non-blank lines, trimmed, with where each starts in the text. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  for (const match of text.matchAll(/[^\n]+/gu)) {
    const trimmed = match[0].trim();
    if (trimmed !== '') lines.push({ text: trimmed, start: match.index + match[0].indexOf(trimmed) });
  }
  return lines;
}

/** A line as a signatory, or undefined when it reads as prose (too long, a sentence, a heading of something else). */
function entryOf(line: Line, ordinal: number, group: string | null): SignatoryInput | undefined {
  const marker = ITEM.exec(line.text)?.[0] ?? '';
  const body = line.text.slice(marker.length);
  const words = body.split(/\s+/u).length;
  const sentence = /[.;]$/u.test(body) && words > 6;
  if (body.length > MAX_ENTRY_CHARS || words > MAX_ENTRY_WORDS || sentence || /:$/u.test(body) || !/^[\p{Lu}\p{N}"“«„'(]/u.test(body)) return undefined;
  const parsed = parseSignatoryEntry(body);
  if (!parsed) return undefined;
  const start = line.start + marker.length;
  return { ordinal, group, ...parsed, start, end: endOf(line) };
}
