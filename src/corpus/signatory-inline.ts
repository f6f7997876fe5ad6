import { isCountryName } from './country-names.js';
import { isPersonName, isRoleWord } from './signatory-person.js';

/** One piece of an inline list, with where it sits in the text it was cut from. */
export interface InlinePiece {
  text: string;
  start: number;
  end: number;
}

/**
 * Words a name may hold in lower case ("Union of Populations of Cameroon",
 * "Bulgarian Slavic movement"); more lower-case words than
 * MAX_LOWER_WORDS make a piece a clause, not a name.
 */
const CONNECTORS = new Set(
  'of the and for in on at to a an de du des la le les el los las del y e et und der die das für van von di da do dos das per'.split(' '),
);
const MAX_LOWER_WORDS = 2;
const MAX_PIECE_WORDS = 16;

/**
 * The entries of a list written on one line: "Party A (PA), Movement B, Union
 * C – Country D." or "A; B; C". With a semicolon the list is split on
 * semicolons only (an entry may then hold commas: "John Smith, Professor,
 * University of X"); else on commas. Never inside brackets or quotes. A piece
 * that is only a country belongs to the entry before it ("Communist Party of
 * X, Germany"), and a piece that starts with a role ("Professor") to the
 * person's name before it, with the piece after it (the affiliation). Undefined
 * unless every piece reads as a name and there are at least two: one clause
 * that is not a name (a sentence about signatories) and the whole line is
 * taken for prose.
 */
export function splitInlineList(text: string, offset: number): InlinePiece[] | undefined {
  const body = text.replace(/[\s.]+$/u, '');
  const separator = hasTopLevel(body, ';') ? ';' : ',';
  const raw = cut(body, separator, offset);
  const pieces: InlinePiece[] = [];
  for (let index = 0; index < raw.length; index++) {
    const piece = raw[index]!;
    const previous = pieces[pieces.length - 1];
    if (previous && separator === ',' && isCountryName(piece.text)) {
      merge(previous, piece, text, offset);
    } else if (previous && separator === ',' && isPersonName(previous.text, 3) && isRoleWord(piece.text.split(/\s+/u)[0]!)) {
      merge(previous, piece, text, offset);
      const affiliation = raw[index + 1];
      if (affiliation && !isRoleWord(affiliation.text.split(/\s+/u)[0]!)) merge(previous, raw[++index]!, text, offset);
    } else {
      pieces.push({ ...piece });
    }
  }
  if (pieces.length < 2 || !pieces.every((piece) => readsAsName(piece.text))) return undefined;
  return pieces;
}

/** Whether a separator occurs outside brackets and quotes. */
function hasTopLevel(text: string, separator: string): boolean {
  return cut(text, separator, 0).length > 1;
}

/** The text cut at each separator outside brackets and quotes, trimmed, empty pieces dropped. */
function cut(text: string, separator: string, offset: number): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  const push = (to: number): void => {
    const slice = text.slice(from, to);
    const trimmed = slice.trim();
    if (trimmed !== '') {
      const start = offset + from + slice.indexOf(trimmed);
      pieces.push({ text: trimmed, start, end: start + trimmed.length });
    }
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
    else if (char === '“' || char === '«' || char === '„') quoted = true;
    else if (char === '”' || char === '»') quoted = false;
    else if (char === '"') quoted = !quoted;
    else if (char === separator && depth === 0 && !quoted) {
      push(index);
      from = index + 1;
    }
  }
  push(text.length);
  return pieces;
}

/** The piece grown to the end of the next one, as written in the text (the separator between them kept). */
function merge(into: InlinePiece, next: InlinePiece, text: string, offset: number): void {
  into.end = next.end;
  into.text = text.slice(into.start - offset, next.end - offset);
}

/** Starts like a name, is short, and has no more lower-case words than a name holds. */
function readsAsName(piece: string): boolean {
  // A digit first is a date or a count ("15 September 2021", "1,200 so far"), never a signatory here.
  if (!/^[\p{Lu}"“«„'(]/u.test(piece) || /[.!?]\s+\p{Lu}/u.test(piece)) return false;
  const words = piece.replace(/\([^()]*\)/gu, ' ').split(/\s+/u).filter(Boolean);
  const lower = words.filter((word) => /^\p{Ll}/u.test(word) && !CONNECTORS.has(word));
  return words.length <= MAX_PIECE_WORDS && lower.length <= MAX_LOWER_WORDS;
}
