import { MARKER_PATTERN } from './citations.js';

/** A sentence as [start, end) offsets into the text it came from; `end` excludes trailing whitespace. */
export interface SentenceSpan {
  start: number;
  end: number;
}

export interface SplitOptions {
  /**
   * Model output: citation markers after the full stop belong to the sentence
   * before them ("… country. [1] Next"), and a stop inside an open quotation
   * ends no sentence ("“We condemn. We refuse.” [1]").
   */
  answerText?: boolean;
}

const TERMINATORS = '.!?…。！？';
/** What may follow a full stop and still belong to its sentence: closing quotes, brackets, markdown emphasis. */
const CLOSERS = `"'”’»)]*_`;
/** Words whose trailing full stop ends no sentence. Lower case, without the final dot. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'nr', 'vs', 'etc', 'e.g', 'i.e', 'cf', 'art', 'arts', 'para', 'paras', 'fig', 'vol', 'ed', 'eds',
  'gen', 'col', 'lt', 'sgt', 'capt', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'dept', 'approx', 'ca', 'op', 'cit', 'ibid', 'resp', 'rev', 'hon',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'bzw', 'usw', 'z.b', 'd.h', 'vgl', 'mme', 'mlle', 'sra', 'sr', 'srta',
]);
const MARKERS_AFTER = new RegExp(`(?:[ \\t]*(?:${MARKER_PATTERN}))+`, 'giy');
/** Quotation marks that open, with the marks that close them. */
const QUOTE_CLOSERS: Record<string, string> = { '“': '”', '„': '“”', '«': '»', '"': '"' };

/**
 * Split text into sentences. Line breaks always end a sentence (lists, block
 * quotes and paragraphs are line-based); a stop ends one when followed by space
 * and not by a lower-case letter, and not after an abbreviation, an initial or
 * a list number. Erring towards fewer, longer sentences is safe for grounding:
 * a merged sentence keeps every citation it had.
 */
export function splitSentences(text: string, options: SplitOptions = {}): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const n = text.length;
  let start = skipSpace(text, 0);
  let openQuote: string | undefined;
  const push = (end: number) => {
    let trimmed = end;
    while (trimmed > start && /\s/.test(text[trimmed - 1]!)) trimmed--;
    if (trimmed > start) spans.push({ start, end: trimmed });
  };
  for (let i = start; i < n; i++) {
    const char = text[i]!;
    if (char === '\n') {
      push(i);
      start = skipSpace(text, i + 1);
      i = start - 1;
      openQuote = undefined;
      continue;
    }
    let closesQuotedSentence = false;
    if (options.answerText) {
      if (openQuote !== undefined && openQuote.includes(char)) {
        openQuote = undefined;
        // „Down with Taliban!“ [1] Next … — the quotation's own stop ends the sentence.
        closesQuotedSentence = TERMINATORS.includes(text[i - 1] ?? '');
        if (!closesQuotedSentence) continue;
      } else if (openQuote === undefined && char in QUOTE_CLOSERS && (char !== '"' || isOpeningPosition(text, i))) {
        openQuote = QUOTE_CLOSERS[char];
        continue;
      }
    }
    if (!closesQuotedSentence && (!TERMINATORS.includes(char) || openQuote !== undefined)) continue;
    let end = i + 1;
    while (end < n && (CLOSERS.includes(text[end]!) || TERMINATORS.includes(text[end]!))) end++;
    if (options.answerText) {
      MARKERS_AFTER.lastIndex = end;
      if (MARKERS_AFTER.exec(text)) end = MARKERS_AFTER.lastIndex;
    }
    if (end < n && !/\s/.test(text[end]!)) continue; // "3.5", "U.S", "example.org"
    const next = skipInlineSpace(text, end);
    if (next < n && text[next] !== '\n' && /\p{Ll}/u.test(text[next]!)) continue; // "e.g. the", "… and so on. and"
    if (char === '.' && !closesQuotedSentence && (isAbbreviation(text, start, i) || isListNumber(text, start, i))) continue;
    push(end);
    start = skipSpace(text, end);
    i = start - 1;
  }
  push(n);
  return spans;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function skipInlineSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** A straight double quote opens a quotation at the start of a word, not after one. */
function isOpeningPosition(text: string, i: number): boolean {
  const before = text[i - 1];
  return before === undefined || /[\s(\[—–-]/.test(before);
}

/** The word before the stop at `dot`: an abbreviation ("Mr"), an initial ("F") or dotted initials ("U.S"). */
function isAbbreviation(text: string, sentenceStart: number, dot: number): boolean {
  let wordStart = dot;
  while (wordStart > sentenceStart && /[\p{Letter}.]/u.test(text[wordStart - 1]!)) wordStart--;
  const word = text.slice(wordStart, dot);
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(word)) return true;
  return /^(?:\p{Letter}\.)+\p{Letter}$/u.test(word);
}

/** "1." or "12." at the start of a line is a list number, not the end of a sentence. */
function isListNumber(text: string, sentenceStart: number, dot: number): boolean {
  return /^\s*\d{1,3}$/.test(text.slice(sentenceStart, dot)) && (sentenceStart === 0 || text[sentenceStart - 1] === '\n' || /^\s/.test(text.slice(sentenceStart - 1, sentenceStart)));
}
