import type { Database } from '../../store/database.js';
import { foldToken, tokensFrom } from '../tokenize.js';
import type { KwicQuery } from './kwic-query.js';
import { locatePhrase } from './locate.js';

/** Statements read per query: bounded memory however many statements hold the stems. */
const STATEMENTS_PER_BATCH = 200;

/**
 * Occurrences of an exact phrase per statement, by reading the candidate
 * statements (those whose stems match, from the index) and counting it in
 * each. The cost grows with the candidates' text: on the whole UN corpus a
 * common word's exact form reads most of it (docs/benchmarks.md).
 */
export async function exactCounts(db: Database, ids: readonly number[], query: KwicQuery): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (let i = 0; i < ids.length; i += STATEMENTS_PER_BATCH) {
    const rows = await db.all<{ id: number; text: string }>('SELECT s.id, s.text FROM statements s WHERE s.id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids.slice(i, i + STATEMENTS_PER_BATCH))]);
    for (const row of rows) {
      const found = countExactPhrase(row.text, query);
      if (found > 0) counts.set(row.id, found);
    }
  }
  return counts;
}

/** What may touch a token without being a boundary: the characters tokens are made of (tokenize.ts). */
const TOKEN_CHAR = '[\\p{L}\\p{N}\\p{Co}\\u0300-\\u036f]';
const COMBINING = '[\\u0300-\\u036f]*';
/**
 * Every other character that folds to an ASCII letter, by that letter: Latin
 * letters with diacritics in either case (remove_diacritics 2: "e" →
 * "ÉÈéèêëēĕėęě…"), the Kelvin and Ångström signs (which decompose to K and Å).
 * (Folding every BMP character found nothing else outside these ranges that folds to ASCII.)
 */
const LATIN_VARIANTS = latinVariants();

function latinVariants(): Map<string, string> {
  const variants = new Map<string, string>();
  for (const [from, to] of [[0xc0, 0x24f], [0x1e00, 0x1eff], [0x2100, 0x214f]] as const) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCodePoint(code);
      const folded = foldToken(char);
      if (/^[a-z]$/.test(folded)) variants.set(folded, (variants.get(folded) ?? '') + char);
    }
  }
  return variants;
}

/**
 * The exact phrase counted without tokenizing the whole text (tokenizing is
 * ~40× slower than one regular-expression scan): the first word's candidates
 * are found by a pattern any spelling folding to it matches (case, Latin
 * diacritics precomposed or combining), each is checked by folding it as the
 * index does, and the words after it are read from the text that follows.
 * A first word with other than ASCII letters and digits is counted by
 * locatePhrase (tokenizing), as is everything the pattern can't say.
 */
export function countExactPhrase(text: string, query: KwicQuery): number {
  const [first, ...rest] = query.words;
  const patterns = first && firstWordPatterns(first.folded);
  if (!patterns) return locatePhrase(text, query).spans.length;
  // Optional marks after every letter make the scan backtrack (up to 15× slower on the UN corpus); most texts have none to allow for.
  const pattern = ANY_COMBINING.test(text) ? patterns.withMarks : patterns.plain;
  let count = 0;
  for (const match of text.matchAll(pattern)) {
    if (foldToken(match[0]) !== first!.folded) continue;
    if (rest.length > 0) {
      const next = tokensFrom(text, match.index + match[0].length, rest.length);
      if (next.length < rest.length || next.some((token, i) => token.folded !== rest[i]!.folded)) continue;
    }
    count++;
  }
  return count;
}

const ANY_COMBINING = /[\u0300-\u036f]/;

/** A word's pattern allowing combining marks after each letter, and the same without (equal on a text with no marks). */
interface WordPatterns {
  withMarks: RegExp;
  plain: RegExp;
}
const patterns = new Map<string, WordPatterns | undefined>();
function firstWordPatterns(folded: string): WordPatterns | undefined {
  if (!patterns.has(folded)) {
    // Every spelling listed (both cases, each letter's variants) rather than an `i` flag, whose Unicode case folding
    // only adds characters foldToken then rejects; listed, the pattern says what it matches.
    const letters = (marks: string) => [...folded].map((char) => `[${char}${char.toUpperCase()}${LATIN_VARIANTS.get(char) ?? ''}]${marks}`).join('');
    const word = (marks: string) => new RegExp(`(?<!${TOKEN_CHAR})${letters(marks)}(?!${TOKEN_CHAR})`, 'gu');
    if (patterns.size > 1_000) patterns.clear();
    patterns.set(folded, /^[a-z0-9]+$/.test(folded) ? { withMarks: word(COMBINING), plain: word('') } : undefined);
  }
  return patterns.get(folded);
}
