/**
 * Word tokens as FTS5's unicode61 tokenizer sees them: a token starts with a
 * letter, number or private-use character of any script and runs on through
 * those and the combining diacritics U+0300–U+036F; everything else
 * (punctuation, symbols, emoji, spaces, and other scripts' combining marks,
 * which unicode61 treats as separators) separates. Scripts without spaces (CJK)
 * come out as one token per run, as in unicode61. Used to build queries and to
 * score candidates, so both agree with what the index holds.
 */
const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\u0300-\u036f]*/gu;

/**
 * remove_diacritics 2 folds Latin letters only ("Côte" → "cote", "ñ" → "n");
 * Cyrillic "й"/"ї" and Greek "ά" keep theirs, as do ø, ł, ß, æ, œ (letters, not accents).
 */
const LATIN_DIACRITICS = /(\p{Script=Latin})[\u0300-\u036f]+/gu;

export interface Token {
  /** The token as written. */
  text: string;
  /** Lower-cased, diacritics removed: "Côte" → "cote", as unicode61 folds it. */
  folded: string;
  /** UTF-16 offsets into the input. */
  start: number;
  end: number;
}

export function foldToken(text: string): string {
  return text.normalize('NFD').replace(LATIN_DIACRITICS, '$1').normalize('NFC').toLowerCase();
}

/** The tokens of `text`, at most `limit` of them (a guard against huge inputs). */
export function tokenize(text: string, limit = Number.POSITIVE_INFINITY): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    if (tokens.length >= limit) break;
    tokens.push({ text: match[0], folded: foldToken(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}
