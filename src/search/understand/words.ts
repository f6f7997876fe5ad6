/**
 * A question's words as the understanding reads them: where each stands (to
 * take the words that named a speaker or a period out of the keywords),
 * folded for matching ("Côte d'Ivoire" → cote, d, ivoire), and how it was
 * written (capitals tell "Turkey" from "turkey", "ICOR" from "icor" nothing).
 */
export interface QuestionWord {
  text: string;
  /** Lower case, no diacritics (Latin), NFKC: the form names are matched in. */
  folded: string;
  start: number;
  end: number;
  capitalised: boolean;
  /** Every letter a capital ("ICOR", "USSR"). */
  upper: boolean;
  /** Followed by a possessive ("Iran's", "Iran’s", "Iran' "). */
  possessive: boolean;
}

const WORD = /[\p{Letter}\p{Number}]+/gu;

export function foldWord(word: string): string {
  if (/^[A-Za-z0-9]+$/.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(/\p{Mark}/gu, '').normalize('NFKC').toLowerCase();
}

export function questionWords(text: string): QuestionWord[] {
  const words: QuestionWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const end = match.index + word.length;
    // "Iran's" is the word "Iran" and a possessive, not a word "s".
    if ((word === 's' || word === 'S') && /['’]$/.test(text.slice(0, match.index)) && words.at(-1)?.end === match.index - 1) {
      words.at(-1)!.possessive = true;
      continue;
    }
    words.push({
      text: word,
      folded: foldWord(word),
      start: match.index,
      end,
      capitalised: /^\p{Lu}/u.test(word),
      upper: /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word),
      possessive: /^['’](?!\p{Letter})/u.test(text.slice(end, end + 2)) && /s$/i.test(word),
    });
  }
  return words;
}

/** The folded words of a name, as aliases are stored. */
export function nameWords(name: string): string[] {
  return [...name.matchAll(WORD)].map((match) => foldWord(match[0]));
}
