/**
 * The Porter stemmer exactly as SQLite's FTS5 "porter" tokenizer applies it
 * (fts5_tokenize.c), so terms stemmed here are the terms in passage_fts: the
 * re-ranker counts query words in candidate passages and looks their document
 * frequencies up in the index. FTS5 works on UTF-8 bytes, leaves tokens under 3
 * or over 64 bytes alone, and treats non-ASCII bytes as consonants; so does this.
 * Every ending it cuts is ASCII, so a Cyrillic or Arabic-script word is never
 * stemmed; Latin-script Turkish or German gets the English rules, in questions
 * and statements alike (test/search/non-latin-scripts.test.ts).
 */

const MAX_TOKEN_BYTES = 64;
const A = 'a'.charCodeAt(0), E = 'e'.charCodeAt(0), I = 'i'.charCodeAt(0), O = 'o'.charCodeAt(0), U = 'u'.charCodeAt(0), Y = 'y'.charCodeAt(0);
const L = 'l'.charCodeAt(0), S = 's'.charCodeAt(0), Z = 'z'.charCodeAt(0), T = 't'.charCodeAt(0), W = 'w'.charCodeAt(0), X = 'x'.charCodeAt(0);

const encoder = new TextEncoder();
const decoder = new TextDecoder();
function bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

type Condition = (word: Uint8Array, n: number) => boolean;
/**
 * [suffix, condition on the stem before it, replacement, whether firing counts
 * for step 1b's repairs]; a step tries the rules for the word's next-to-last
 * letter in order and stops at the first suffix that fits, as FTS5's generated
 * code does.
 */
type Rule = [string, Condition | null, string, boolean?];
type CompiledRule = [Uint8Array, Condition | null, Uint8Array, boolean];

function isVowel(c: number | undefined, yIsVowel: boolean): boolean {
  return c === A || c === E || c === I || c === O || c === U || (yIsVowel && c === Y);
}

/** Skip one vowel run then one consonant run; the index after them, or 0 if the stem ends first. */
function gobbleVC(word: Uint8Array, from: number, n: number, prevConsonant: boolean): number {
  let consonant = prevConsonant;
  let i = from;
  for (; i < n; i++) if (!(consonant = !isVowel(word[i], consonant))) break;
  for (i++; i < n; i++) if ((consonant = !isVowel(word[i], consonant))) return i + 1 - from;
  return 0;
}

const mGt0: Condition = (w, n) => gobbleVC(w, 0, n, false) !== 0;
const mGt1: Condition = (w, n) => {
  const first = gobbleVC(w, 0, n, false);
  return first !== 0 && gobbleVC(w, first, n, true) !== 0;
};
const mEq1: Condition = (w, n) => {
  const first = gobbleVC(w, 0, n, false);
  return first !== 0 && gobbleVC(w, first, n, true) === 0;
};
/** *o: the stem ends consonant-vowel-consonant, the last not w, x or y. */
const oStar: Condition = (w, n) => {
  const last = w[n - 1];
  if (last === W || last === X || last === Y) return false;
  let mask = 0;
  let consonant = false;
  for (let i = 0; i < n; i++) {
    consonant = !isVowel(w[i], consonant);
    mask = ((mask << 1) + (consonant ? 1 : 0)) & 0xffff;
  }
  return (mask & 0x7) === 0x5;
};
const mGt1AndSorT: Condition = (w, n) => (w[n - 1] === S || w[n - 1] === T) && mGt1(w, n);
/** *v*: the stem has a vowel (y counts after the first letter). */
const hasVowel: Condition = (w, n) => {
  for (let i = 0; i < n; i++) if (isVowel(w[i], i > 0)) return true;
  return false;
};

function rules(table: Record<string, Rule[]>): Map<number, CompiledRule[]> {
  return new Map(Object.entries(table).map(([letter, list]) => [letter.charCodeAt(0), list.map(([suffix, condition, output, counts]): CompiledRule => [bytes(suffix), condition, bytes(output), counts ?? false])]));
}

const STEP_1B = rules({ e: [['eed', mGt0, 'ee'], ['ed', hasVowel, '', true]], n: [['ing', hasVowel, '', true]] });
const STEP_1B2 = rules({ a: [['at', null, 'ate', true]], b: [['bl', null, 'ble', true]], i: [['iz', null, 'ize', true]] });
const STEP_2 = rules({
  a: [['ational', mGt0, 'ate'], ['tional', mGt0, 'tion']],
  c: [['enci', mGt0, 'ence'], ['anci', mGt0, 'ance']],
  e: [['izer', mGt0, 'ize']],
  g: [['logi', mGt0, 'log']],
  l: [['bli', mGt0, 'ble'], ['alli', mGt0, 'al'], ['entli', mGt0, 'ent'], ['eli', mGt0, 'e'], ['ousli', mGt0, 'ous']],
  o: [['ization', mGt0, 'ize'], ['ation', mGt0, 'ate'], ['ator', mGt0, 'ate']],
  s: [['alism', mGt0, 'al'], ['iveness', mGt0, 'ive'], ['fulness', mGt0, 'ful'], ['ousness', mGt0, 'ous']],
  t: [['aliti', mGt0, 'al'], ['iviti', mGt0, 'ive'], ['biliti', mGt0, 'ble']],
});
const STEP_3 = rules({
  a: [['ical', mGt0, 'ic']],
  s: [['ness', mGt0, '']],
  t: [['icate', mGt0, 'ic'], ['iciti', mGt0, 'ic']],
  u: [['ful', mGt0, '']],
  v: [['ative', mGt0, '']],
  z: [['alize', mGt0, 'al']],
});
const STEP_4 = rules({
  a: [['al', mGt1, '']],
  c: [['ance', mGt1, ''], ['ence', mGt1, '']],
  e: [['er', mGt1, '']],
  i: [['ic', mGt1, '']],
  l: [['able', mGt1, ''], ['ible', mGt1, '']],
  n: [['ant', mGt1, ''], ['ement', mGt1, ''], ['ment', mGt1, ''], ['ent', mGt1, '']],
  o: [['ion', mGt1AndSorT, ''], ['ou', mGt1, '']],
  s: [['ism', mGt1, '']],
  t: [['ate', mGt1, ''], ['iti', mGt1, '']],
  u: [['ous', mGt1, '']],
  v: [['ive', mGt1, '']],
  z: [['ize', mGt1, '']],
});

/** Apply one step; returns the new length and whether a rule that counts fired. */
function applyStep(step: Map<number, CompiledRule[]>, word: Uint8Array, n: number): { n: number; fired: boolean } {
  const candidates = step.get(word[n - 2] ?? -1);
  if (!candidates) return { n, fired: false };
  for (const [suffix, condition, output, counts] of candidates) {
    if (n <= suffix.length || !endsWith(word, n, suffix)) continue;
    const stem = n - suffix.length;
    if (condition && !condition(word, stem)) return { n, fired: false };
    word.set(output, stem);
    return { n: stem + output.length, fired: counts };
  }
  return { n, fired: false };
}

function endsWith(word: Uint8Array, n: number, suffix: Uint8Array): boolean {
  for (let i = 0; i < suffix.length; i++) if (word[n - suffix.length + i] !== suffix[i]) return false;
  return true;
}

function stemBytes(input: Uint8Array): Uint8Array {
  if (input.length > MAX_TOKEN_BYTES || input.length < 3) return input;
  const word = new Uint8Array(input.length + 8);
  word.set(input);
  let n = input.length;

  // Step 1a: plurals.
  if (word[n - 1] === S) {
    if (word[n - 2] === E) n = (n > 4 && word[n - 4] === S && word[n - 3] === S) || (n > 3 && word[n - 3] === I) ? n - 2 : n - 1;
    else if (word[n - 2] !== S) n -= 1;
  }
  // Step 1b: -ed, -ing, and the repairs after them.
  const step1b = applyStep(STEP_1B, word, n);
  n = step1b.n;
  if (step1b.fired) {
    const repaired = applyStep(STEP_1B2, word, n);
    if (repaired.fired) n = repaired.n;
    else {
      const c = word[n - 1];
      if (!isVowel(c, false) && c !== L && c !== S && c !== Z && c === word[n - 2]) n--;
      else if (mEq1(word, n) && oStar(word, n)) word[n++] = E;
    }
  }
  // Step 1c: y → i after a vowel.
  if (word[n - 1] === Y && hasVowel(word, n - 1)) word[n - 1] = I;
  n = applyStep(STEP_2, word, n).n;
  n = applyStep(STEP_3, word, n).n;
  n = applyStep(STEP_4, word, n).n;
  // Step 5a: a final e.
  if (word[n - 1] === E && (mGt1(word, n - 1) || (mEq1(word, n - 1) && !oStar(word, n - 1)))) n--;
  // Step 5b: -ll → -l.
  if (n > 1 && word[n - 1] === L && word[n - 2] === L && mGt1(word, n - 1)) n--;
  return word.subarray(0, n);
}

/** Stems by word, memoised: corpus text repeats the same few thousand words. */
const cache = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

/** The stem FTS5's porter tokenizer indexes for a folded (lower-case, unicode61) token. */
export function porterStem(token: string): string {
  let stem = cache.get(token);
  if (stem === undefined) {
    stem = decoder.decode(stemBytes(bytes(token)));
    if (cache.size >= MAX_CACHED_STEMS) cache.clear();
    cache.set(token, stem);
  }
  return stem;
}
