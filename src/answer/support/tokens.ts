import { STOP_WORDS_BY_LANGUAGE } from '../terms.js';

/**
 * Words of an answer sentence or a source, as the support check compares
 * them: folded (lower case, no diacritics, no dots: "U.S." → "us"), without a
 * possessive ("ICOR's" → "icor"), hyphenated words split ("Marxist-Leninist"),
 * with whether each was written capitalised and whether it opens the sentence
 * (where capitals say nothing about names).
 */
export interface Token {
  /** As written, without a possessive. */
  text: string;
  folded: string;
  /** Offset in the text. */
  index: number;
  capitalised: boolean;
  /** Two or more capitals: "ICOR", "NATO", "USA". */
  acronym: boolean;
  /** The first word of the sentence, of a quotation, or after a colon or a line break. */
  initial: boolean;
  /** Inside quotation marks (verified verbatim elsewhere). */
  quoted: boolean;
  /** Punctuation between this word and the one before: a clause or list boundary. */
  punctuationBefore: boolean;
}

/** Words with inner apostrophes or dots ("Afghanistan's", "U.S"); hyphens separate ("Marxist-Leninist" is two). */
const TOKEN = /[\p{Letter}\p{Number}]+(?:[.'’][\p{Letter}\p{Number}]+)*/gu;
/** Double quotation marks only: single ones double as apostrophes ("the workers' party"). */
const OPENING_QUOTES = '"“„«';
const CLOSING_QUOTES = '"”“»';

/** Country names written as several words or abbreviations, read as one word on both sides of a comparison. */
const PHRASES: [RegExp, string][] = [
  [/\bunited states(?: of america)?\b/giu, 'USA'],
  [/\bU\.S\.(?:A\.?)?(?=[\s,;:)!?]|$)|\bU\.S\.?A?\b|\bUS\b/gu, 'USA'],
  [/\bunited kingdom\b|\bgreat britain\b/giu, 'UK'],
  [/\bsoviet union\b/giu, 'USSR'],
  [/\beuropean union\b/giu, 'EU'],
  [/\bunited nations\b/giu, 'UN'],
];

/** Other names for the same country or union ("American imperialism" is "US imperialism"). */
const ALIASES: Record<string, string> = { america: 'usa', american: 'usa', americans: 'usa', britain: 'uk', british: 'uk', soviet: 'ussr', soviets: 'ussr' };

/** Fold a word for comparison: lower case, no diacritics, no dots, no possessive; a few country aliases. */
export function fold(word: string): string {
  // Most words are plain ASCII letters and digits: lower case is all they need.
  if (/^[A-Za-z0-9]+$/.test(word)) {
    const lower = word.toLowerCase();
    return ALIASES[lower] ?? lower;
  }
  const folded = word
    .normalize('NFKD')
    .replace(/\p{Mark}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[.'’]/g, '');
  return ALIASES[folded] ?? folded;
}

/** The text with multi-word country names made single words, as the tokens see it. */
export function canonicalPhrases(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement);
  return out;
}

/** The words of `text` (already passed through `canonicalPhrases`). */
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  let openQuote = false;
  let lastEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const between = text.slice(lastEnd, match.index);
    for (const char of between) {
      if (OPENING_QUOTES.includes(char) && !openQuote) openQuote = true;
      else if (CLOSING_QUOTES.includes(char) && openQuote) openQuote = false;
    }
    const word = match[0].replace(/['’]s$/u, '');
    lastEnd = match.index + match[0].length;
    tokens.push({
      text: word,
      folded: fold(word),
      index: match.index,
      capitalised: /^\p{Lu}/u.test(word),
      acronym: (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2,
      initial: tokens.length === 0 || /[:\n"“„«‘(]\s*$/.test(between) || /[.!?]\s+$/.test(between),
      quoted: openQuote,
      punctuationBefore: /[,;:()\[\]–—"“”„«»!?.]/.test(between),
    });
  }
  return tokens;
}

/** Function words of every language the answerer knows (they are never names or content). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(Object.values(STOP_WORDS_BY_LANGUAGE).flatMap((set) => [...set]));

/**
 * Sentence adverbs and framing words a capital letter can't make a name of
 * ("However, …", "Both …", "Instead …").
 */
export const DISCOURSE_WORDS: ReadonlySet<string> = new Set(
  `however meanwhile instead overall both together similarly likewise finally first second third also moreover furthermore additionally thus therefore still yet
  here there in on at for from by with without unlike like while whereas although though despite according notably importantly specifically instead
  in short summary conclusion contrast addition particular general turn sum today now then later earlier since until after before during
  i we you he she it they this that these those its their his her our your my one each every all some many most few several no none neither either
  yes not only just even especially mainly mostly largely partly rather quite very`.split(/\s+/).filter(Boolean),
);

/** Is the token a word that names someone or something (not a capitalised common word)? */
export function isName(token: Token): boolean {
  if (/^\p{Number}/u.test(token.text) || token.text.length < 2) return false;
  if (FUNCTION_WORDS.has(token.folded) || DISCOURSE_WORDS.has(token.folded)) return false;
  if (token.acronym) return true;
  // The first word of a sentence is capitalised whatever it is.
  return token.capitalised && !token.initial;
}
