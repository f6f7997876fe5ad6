import { UserFacingError } from '../errors.js';
import { isStopWord } from './stop-words.js';
import { tokenize, type Token } from './tokenize.js';

/** More distinct words than this add time, not precision; the rest of a pasted essay is ignored. */
export const MAX_QUERY_TERMS = 32;
/** Tokens read from the input before giving up on the rest (10 KB of text is ~1,500 tokens). */
const MAX_SCANNED_TOKENS = 4_000;
/** Advanced queries are typed by people; anything longer is a paste or an attack. */
export const MAX_ADVANCED_QUERY_CHARS = 1_000;

/** Capitalised stop words that are not acronyms: the pronoun, the article, and FTS5 operators typed in plain mode. */
const NOT_ACRONYMS = new Set(['I', 'A', 'AND', 'OR']);

/** A word of the question that the query searches for. */
export interface QueryTerm {
  /** As the user wrote it (first occurrence). */
  text: string;
  /** Folded as the index folds it (lower case, no diacritics), before stemming. */
  folded: string;
}

/**
 * The words of a plain-language question worth searching for: stop words
 * dropped ("what did ICOR say about the Taliban" → ICOR, Taliban), duplicates
 * dropped, at most MAX_QUERY_TERMS. A stop word written in capitals is kept as
 * an acronym ("US", "IT", "WHO"), unless the whole input is shouted. If every
 * word is a stop word ("to be or not to be"), the words of two or more letters
 * are kept rather than searching for nothing.
 */
export function queryTerms(input: string): QueryTerm[] {
  const tokens = tokenize(input, MAX_SCANNED_TOKENS);
  const shouted = input === input.toUpperCase();
  const isAcronym = (token: Token): boolean => !shouted && !NOT_ACRONYMS.has(token.text) && token.text === token.text.toUpperCase() && token.text !== token.folded;
  const content = tokens.filter((token) => !isStopWord(token.folded) || isAcronym(token));
  const chosen = content.length > 0 ? content : tokens.filter((token) => token.folded.length >= 2);
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const token of chosen.length > 0 ? chosen : tokens) {
    if (seen.has(token.folded)) continue;
    seen.add(token.folded);
    terms.push({ text: token.text, folded: token.folded });
    if (terms.length >= MAX_QUERY_TERMS) break;
  }
  return terms;
}

/** An FTS5 string: inside double quotes nothing is syntax, and a quote is written twice. */
export function quoteFts(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** A phrase in double quotes, straight or typographic ("…", “…”, „…“, «…»), as people type them. */
export const QUOTED_PHRASE = /["“”„«»]([^"“”„«»]*)["“”„«»]/g;
const QUOTE_CHARS = /["“”„«»]/g;

/**
 * What plain input asks for: each "quoted phrase" as its folded words joined
 * by spaces (stop words kept: "right of return" is those words in that
 * order), then the other words as queryTerms picks them; each once, at most
 * `max`. An unbalanced quote is just a character.
 */
export function queryParts(input: string, max = MAX_QUERY_TERMS): string[] {
  const phrases: string[] = [];
  const rest = input.replace(QUOTED_PHRASE, (_, phrase: string) => {
    const words = tokenize(phrase, MAX_SCANNED_TOKENS).map((token) => token.folded);
    if (words.length > 0) phrases.push(words.join(' '));
    return ' ';
  });
  const words = queryTerms(rest.replace(QUOTE_CHARS, ' ')).map((term) => term.folded);
  return [...new Set([...phrases, ...words])].slice(0, max);
}

/**
 * Turn plain natural-language input into a safe FTS5 MATCH string: each word,
 * and each "quoted phrase", a quoted string (so NEAR, AND, *, :, ^,
 * parentheses and stray quotes in the input are just words or nothing),
 * OR-ed so a passage needn't contain every word — bm25 ranks passages with
 * more and rarer words first. `null` when nothing searchable remains (only
 * punctuation, emoji, or empty input).
 */
export function buildFtsQuery(input: string): string | null {
  const phrases = ftsPhrases(input);
  return phrases.length === 0 ? null : phrases.join(' OR ');
}

/** The quoted FTS5 phrases of buildFtsQuery: one per "quoted phrase" and one per other query word. */
export function ftsPhrases(input: string): string[] {
  return queryParts(input).map(quoteFts);
}

/**
 * Advanced mode: the input is FTS5 syntax (phrases, AND/OR/NOT, prefix*, NEAR,
 * column filters) and goes to MATCH as a bound parameter; FTS5 itself reports
 * syntax errors, which search() turns into readable messages.
 */
export function advancedFtsQuery(input: string): string | null {
  const query = input.trim();
  if (query === '') return null;
  if (query.length > MAX_ADVANCED_QUERY_CHARS) {
    throw new UserFacingError('fts_syntax', `That search is too long (${query.length} characters); advanced queries can have at most ${MAX_ADVANCED_QUERY_CHARS}.`);
  }
  return query;
}

/**
 * SQLite's code for an error in a statement — for our fixed SQL, in the MATCH
 * string: FTS5 reports every problem with the user's syntax under it
 * ("fts5: syntax error near …", "no such column: …", "unknown special query",
 * and whatever else a new SQLite adds). Busy, I/O or corrupt databases have
 * codes of their own and are never the query's fault.
 */
const SQLITE_QUERY_ERROR = 'SQLITE_ERROR';
/** A quoted fragment of the user's query longer than this is cut: the message is one line. */
const MAX_SHOWN_FRAGMENT_CHARS = 40;
const SYNTAX_HINT = 'Use "quotes" for phrases, AND/OR/NOT in capitals, word* for prefixes, and balanced parentheses.';

/**
 * Any error SQLite raised for an advanced query's MATCH, as one line for
 * people: the common ones explained, any other in SQLite's words. undefined
 * when the error is not about the query (then it is a bug or an outage).
 */
export function describeFtsError(error: unknown): string | undefined {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== SQLITE_QUERY_ERROR) return undefined;
  const message = error.message.replace(/^SQLITE_ERROR: /, '');
  const syntax = /^fts5: syntax error near "(.*)"$/s.exec(message);
  if (syntax) return `Search syntax error ${syntax[1] ? `near "${shownFragment(syntax[1])}"` : 'at the end of the query'}. ${SYNTAX_HINT}`;
  // "word:" and "- word" are column filters in FTS5, so an unknown column is usually a word meant otherwise.
  const column = /^no such column: (.*)$/s.exec(message);
  if (column) return `Unknown column "${shownFragment(column[1]!)}" in the search: "name:" and "-" start column filters. Searchable columns are text, title and organisation (e.g. title: climate); to leave a word out, write war NOT peace.`;
  if (/unterminated string/i.test(message)) return 'Search syntax error: a quotation mark is not closed.';
  return `Search syntax error: ${shownFragment(message.replace(/^fts5: /, '').replace(/[:\s]+$/, ''), MAX_SHOWN_FRAGMENT_CHARS * 3)}. ${SYNTAX_HINT}`;
}

/**
 * Part of the user's query inside a one-line message: characters that would
 * break the line or can't be seen (controls, byte-order marks, zero-width and
 * non-ASCII spaces) written as <U+XXXX> so the user can find them; cut when long.
 */
function shownFragment(text: string, maxChars = MAX_SHOWN_FRAGMENT_CHARS): string {
  const chars = [...text];
  const shown = chars.slice(0, maxChars).map((char) => (char !== ' ' && /[\p{Cc}\p{Cf}\p{Z}\p{Cs}]/u.test(char) ? `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>` : char));
  return shown.join('') + (chars.length > maxChars ? '…' : '');
}
