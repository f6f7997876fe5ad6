import { stripMarkers } from './citations.js';
import { sourceText, type NumberedSource, type SourcePassage } from './sources.js';
import { normaliseForMatch, normalised, originalSlice, type NormalisedText } from './text-match.js';

/** Text an answer presents as a quotation: where it sits in the unit, and what it says. */
export interface Quotation {
  /** Offsets of the whole quotation, marks included, in the text searched. */
  start: number;
  end: number;
  /** The quoted words, without the marks. */
  text: string;
}

/** Opening marks and the marks that may close them. */
const DOUBLE_PAIRS: Record<string, string> = { '“': '”“', '„': '“”', '«': '»', '»': '«', '"': '"', '＂': '＂', '「': '」', '『': '』' };
const SINGLE_PAIRS: Record<string, string> = { '‘': '’', "'": "'", '‹': '›', '‚': '‘’' };
/** Single quotes double as apostrophes; only a span of this many words or more is taken as a quotation. */
const MIN_SINGLE_QUOTED_WORDS = 3;

/**
 * The quotations in one sentence or line of an answer: double-quoted spans in
 * any common style (straight, curly, „German“, «French»), single-quoted spans
 * of three words or more (shorter ones are apostrophes: "the workers' party"),
 * and an opening mark never closed, which quotes to the end of the text.
 */
export function findQuotations(text: string): Quotation[] {
  const found: Quotation[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const closers = DOUBLE_PAIRS[char] ?? SINGLE_PAIRS[char];
    const single = char in SINGLE_PAIRS;
    if (closers === undefined || !opensHere(text, i)) {
      i++;
      continue;
    }
    const close = findCloser(text, i + 1, closers, single);
    if (close === -1) {
      if (!single) {
        found.push({ start: i, end: text.length, text: text.slice(i + 1) });
        break;
      }
      i++;
      continue;
    }
    const quoted = text.slice(i + 1, close);
    if (single && quoted.trim().split(/\s+/).length < MIN_SINGLE_QUOTED_WORDS) {
      i++;
      continue;
    }
    found.push({ start: i, end: close + 1, text: quoted });
    i = close + 1;
  }
  return found.filter((quotation) => /[\p{Letter}\p{Number}]/u.test(quotation.text));
}

/** A mark opens a quotation at the start of a word: after a space, a bracket, a dash or the start. */
function opensHere(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  if (after === undefined || /\s/.test(after)) return text[i] === '«' || text[i] === '»'; // « with a space inside, as the French write it
  return before === undefined || /[\s(\[{—–\-:/*_>]/.test(before);
}

/** The closing mark: for quotes that double as apostrophes, only one not followed by a letter ("army’s" is no closer). */
function findCloser(text: string, from: number, closers: string, single: boolean): number {
  for (let i = from; i < text.length; i++) {
    if (!closers.includes(text[i]!)) continue;
    const after = text[i + 1];
    if ((single || text[i] === '"') && after !== undefined && /[\p{Letter}\p{Number}]/u.test(after)) continue;
    if (single && /\s/.test(text[i - 1] ?? ' ')) continue;
    return i;
  }
  return -1;
}

/** Where a verified quotation was found: the passage and the exact words there. */
export interface QuoteMatch {
  passage: SourcePassage;
  /** The passage's own text for each fragment of the quote (several when it elides with "…"). */
  fragments: string[];
}

/** Elisions inside a quotation: "…", "...", "[…]", "(...)". */
const ELISION = /\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\)|\.\.\.|…)\s*/;
/** Punctuation at the edges of a quotation that its source may punctuate differently. */
const EDGE_PUNCTUATION = /^[\s.,;:!?'"\-]+|[\s.,;:!?'"\-]+$/g;

const normalisedSources = new WeakMap<NumberedSource, { text: string; normal: NormalisedText; passageAt: (offset: number) => SourcePassage }>();

function normalisedSource(source: NumberedSource) {
  let entry = normalisedSources.get(source);
  if (!entry) {
    const { text, passageAt } = sourceText(source);
    entry = { text, normal: normaliseForMatch(text), passageAt };
    normalisedSources.set(source, entry);
  }
  return entry;
}

/**
 * Is `quoted` in the source? Compared after normalising whitespace, quote
 * characters, dashes and case; edge punctuation is ignored; an elided quote
 * ("we condemn … the invasion") must have every part, in order. Citation
 * markers inside the quotation are not part of it.
 */
export function verifyQuotation(quoted: string, source: NumberedSource): QuoteMatch | undefined {
  const fragments = stripMarkers(quoted)
    .split(ELISION)
    .map((fragment) => normalised(fragment).replace(EDGE_PUNCTUATION, ''))
    .filter((fragment) => fragment !== '');
  if (fragments.length === 0) return undefined;
  const { text, normal, passageAt } = normalisedSource(source);
  const originals: string[] = [];
  let from = 0;
  let firstAt = -1;
  for (const fragment of fragments) {
    const at = normal.text.indexOf(fragment, from);
    if (at === -1) return undefined;
    if (firstAt === -1) firstAt = at;
    originals.push(originalSlice(text, normal, at, at + fragment.length));
    from = at + fragment.length;
  }
  return { passage: passageAt(normal.origin[firstAt]!), fragments: originals };
}
