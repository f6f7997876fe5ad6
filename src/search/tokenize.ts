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
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  const stripped = text.normalize('NFD').replace(LATIN_DIACRITICS, '$1').normalize('NFC');
  let folded = '';
  for (const char of stripped) folded += foldChar(char);
  return folded;
}

/**
 * Case folding, not just lower-casing: unicode61 maps µ (micro) to μ, ſ to s,
 * final ς to σ, ϐ to β. Upper-then-lower gives that for one character, when
 * both steps keep it one character (ß → SS, ﬀ → FF must stay ß, ﬀ).
 */
const foldedChars = new Map<string, string>();
/**
 * Lower-case letters unicode61 keeps that upper-then-lower would change: the
 * Turkish dotless ı (I → i), so "kadınların" is searched as the index holds it.
 */
const KEPT_AS_WRITTEN = new Set(['ı']);
function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    if (KEPT_AS_WRITTEN.has(char)) return char;
    const upper = char.toUpperCase();
    const viaUpper = [...upper].length === 1 ? upper.toLowerCase() : '';
    folded = [...viaUpper].length === 1 ? viaUpper : char.toLowerCase();
    foldedChars.set(char, folded);
  }
  return folded;
}

/**
 * The `count` tokens that start at or after UTF-16 offset `from` (fewer at the
 * end of the text): reading on from a point without slicing or scanning the rest.
 * `from` should not fall inside a token (its tail would be taken for one).
 */
export function tokensFrom(text: string, from: number, count: number): Token[] {
  const tokens: Token[] = [];
  TOKEN_FROM.lastIndex = from;
  while (tokens.length < count) {
    const match = TOKEN_FROM.exec(text);
    if (!match) break;
    tokens.push({ text: match[0], folded: foldToken(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}
/** TOKEN's own copy for tokensFrom, whose lastIndex it sets (tokenize's matchAll copies TOKEN anyway). */
const TOKEN_FROM = new RegExp(TOKEN.source, TOKEN.flags);

/** The tokens of `text`, at most `limit` of them (a guard against huge inputs). */
export function tokenize(text: string, limit = Number.POSITIVE_INFINITY): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    if (tokens.length >= limit) break;
    tokens.push({ text: match[0], folded: foldToken(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}
