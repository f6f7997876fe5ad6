import { porterStem } from '../porter.js';
import { tokenize, type Token } from '../tokenize.js';
import type { KwicQuery } from './kwic-query.js';

/** One occurrence of a phrase in a text: the indices of its first and last tokens. */
export interface TokenSpan {
  first: number;
  last: number;
}

/** A text's tokens and where the phrase occurs among them, in reading order. */
export interface LocatedPhrase {
  tokens: Token[];
  spans: TokenSpan[];
}

/**
 * Every occurrence of the phrase in `text`, found with the index's own
 * tokenizer rules (tokenize.ts) and stemmer (porter.ts), so what is shown is
 * what the index counted: consecutive tokens whose stems (or, exact, whose
 * folded forms) are the phrase's words. Occurrences may overlap ("very very"
 * twice in "very very very"), as in FTS5.
 */
export function locatePhrase(text: string, query: KwicQuery): LocatedPhrase {
  const tokens = tokenize(text);
  const wanted = query.words.map((word) => (query.mode === 'exact' ? word.folded : word.stem));
  const key = query.mode === 'exact' ? (token: Token) => token.folded : (token: Token) => porterStem(token.folded);
  const keys: (string | undefined)[] = new Array(tokens.length);
  const keyAt = (i: number): string => (keys[i] ??= key(tokens[i]!));
  const spans: TokenSpan[] = [];
  for (let i = 0; i + wanted.length <= tokens.length; i++) {
    let j = 0;
    while (j < wanted.length && keyAt(i + j) === wanted[j]) j++;
    if (j === wanted.length) spans.push({ first: i, last: i + j - 1 });
  }
  return { tokens, spans };
}

/** The words around one occurrence: `window` tokens either side (as quanteda's kwic), whitespace made single spaces. */
export interface KwicContext {
  left: string;
  match: string;
  right: string;
  /** UTF-16 offsets of the match in the text. */
  start: number;
  end: number;
}

export function contextOf(text: string, { tokens }: LocatedPhrase, span: TokenSpan, window: number): KwicContext {
  const start = tokens[span.first]!.start;
  const end = tokens[span.last]!.end;
  const leftFrom = span.first - window >= 0 ? tokens[span.first - window]!.start : 0;
  const rightTo = span.last + window < tokens.length ? tokens[span.last + window]!.end : text.length;
  const flat = (piece: string): string => piece.replace(/\s+/g, ' ').trim();
  return { left: flat(text.slice(window === 0 ? start : leftFrom, start)), match: flat(text.slice(start, end)), right: flat(text.slice(end, window === 0 ? end : rightTo)), start, end };
}
