/**
 * Sentence boundaries for splitting passages: after ".", "!", "?" or "…" (and
 * any closing quotes or brackets) followed by space and a capital, digit or
 * opening quote — except after abbreviations ("Mr.", "U.S.", "No. 5").
 * Decimals ("1.7 million") never match: no space follows their point.
 */

/** Always followed by more of the same sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'mmes', 'mlle', 'dr', 'prof', 'st', 'sr', 'jr', 'gen', 'col', 'lt', 'capt', 'sgt', 'maj', 'adm', 'rev', 'hon', 'amb', 'gov', 'pres', 'sen', 'rep',
  'e.g', 'i.e', 'vs', 'viz', 'cf', 'approx', 'ca', 'inc', 'ltd', 'corp', 'dept', 'univ', 'ibid', 'op', 'al',
]);
/** Abbreviations only when a number follows: "No. 5", "Art. 2", "Jan. 14" ("No." may also end a sentence). */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'art', 'arts', 'para', 'paras', 'p', 'pp', 'vol', 'vols', 'fig', 'ch', 'sec', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

const CANDIDATE = /[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[\p{Lu}\p{N}])/gu;

/** Offsets in `text[from, to)` just after each sentence's closing punctuation. */
export function sentenceEnds(text: string, from = 0, to = text.length): number[] {
  const ends: number[] = [];
  const slice = text.slice(from, to);
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(slice); match; match = CANDIDATE.exec(slice)) {
    const end = match.index + match[0].length;
    if (match[0][0] === '.' && match[0].length === 1 && isAbbreviation(slice, match.index, end)) continue;
    ends.push(from + end);
  }
  return ends;
}

function isAbbreviation(text: string, dot: number, end: number): boolean {
  const word = /(?:^|[\s(“"'‘])([\p{L}\p{N}.]+)$/u.exec(text.slice(Math.max(0, dot - 20), dot))?.[1];
  if (!word) return false;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  // "138. In order to …": a paragraph number at the start of a line opens the sentence.
  const wordStart = dot - word.length;
  if (/^\d{1,3}$/.test(word) && (wordStart === 0 || text[wordStart - 1] === '\n')) return true;
  // Initials and dotted acronyms: "J. Smith", "U.S. forces", "H.E. Mr.".
  if (/^(\p{L}\.)*\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  if (NUMBER_ABBREVIATIONS.has(lower)) return /^\s+\p{N}/u.test(text.slice(end, end + 3));
  return false;
}
