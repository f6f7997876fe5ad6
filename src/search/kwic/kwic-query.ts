import { UserFacingError } from '../../errors.js';
import { porterStem } from '../porter.js';
import { tokenize } from '../tokenize.js';

/**
 * How a keyword-in-context phrase matches. `stemmed` (the default): each word
 * matches any word with its Porter stem, as the index does ("refugee" finds
 * "refugees", "Refugee's"). `exact` (the phrase written in double quotes): each
 * word matches only itself, still case- and Latin-diacritics-insensitive as the
 * index is ("Côte" = "cote"), never another form.
 */
export type KwicMode = 'stemmed' | 'exact';

export interface KwicWord {
  /** As typed. */
  text: string;
  /** Folded as unicode61 folds it (lower case, Latin diacritics removed). */
  folded: string;
  /** The Porter stem FTS5 indexes for it. */
  stem: string;
}

/**
 * A parsed phrase: its words in order. Several words are a phrase — they must
 * follow each other, with nothing but spaces or punctuation between (the index
 * sees "peace, security" as the two tokens "peace security", so does this) —
 * never words anywhere in a statement.
 */
export interface KwicQuery {
  mode: KwicMode;
  words: KwicWord[];
}

/** Longer phrases are quotations, not keywords; each word is a join in the counting query. */
export const MAX_KWIC_WORDS = 8;
/** Longest phrase accepted (a surface may cap it lower). */
export const MAX_KWIC_PHRASE_CHARS = 200;

const QUOTED = /^["“”„«»](.*)["“”„«»]$/s;

/**
 * Read a phrase: a word or words, stemmed; wrapped in double quotes, exact.
 * Quotes elsewhere and punctuation are not words (as in the index). Throws a
 * UserFacingError when there is no word, or too many.
 */
export function parseKwicQuery(input: string): KwicQuery {
  const trimmed = input.trim();
  if (trimmed.length > MAX_KWIC_PHRASE_CHARS) {
    throw new UserFacingError('query_too_long', `Please keep the phrase under ${MAX_KWIC_PHRASE_CHARS} characters (this one has ${trimmed.length}).`);
  }
  const quoted = QUOTED.exec(trimmed);
  const tokens = tokenize(quoted ? quoted[1]! : trimmed, MAX_KWIC_WORDS + 1);
  if (tokens.length === 0) throw new UserFacingError('empty_query', 'Please give a word or a phrase to look for, e.g. refugee or "right of return".');
  if (tokens.length > MAX_KWIC_WORDS) throw new UserFacingError('query_too_long', `A phrase can have at most ${MAX_KWIC_WORDS} words.`);
  return {
    mode: quoted ? 'exact' : 'stemmed',
    words: tokens.map((token) => ({ text: token.text, folded: token.folded, stem: porterStem(token.folded) })),
  };
}

/** The phrase as the results describe it: `refugee` (stemmed) or `"right of return"` (exact). */
export function describeKwicQuery(query: KwicQuery): string {
  const words = query.words.map((word) => word.text).join(' ');
  return query.mode === 'exact' ? `"${words}"` : words;
}
