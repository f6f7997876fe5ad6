import { stripMarkers } from './citations.js';

/** Connective text is at most this many words. */
const MAX_CONNECTIVE_WORDS = 12;

/**
 * Short text with no quotation, number or name: framing, not a claim ("Here is
 * what the sources say:", "In short, both agree."). A claim about someone
 * names them or something, so it can't pass as connective; in German, where
 * every noun is capitalised, almost nothing does — the strict side.
 */
export function isConnective(text: string): boolean {
  const plain = stripMarkers(text).replace(/[*_`#]/g, '').trim();
  const wordList = plain.split(/\s+/).filter((word) => /[\p{Letter}\p{Number}]/u.test(word));
  if (wordList.length === 0) return true;
  if (wordList.length > MAX_CONNECTIVE_WORDS) return false;
  if (/\p{Number}/u.test(plain)) return false;
  return wordList.slice(1).every((word) => !/^\P{Letter}*\p{Lu}/u.test(word) || word === 'I');
}

