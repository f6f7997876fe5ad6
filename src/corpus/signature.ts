import { findDates } from './dates.js';

/**
 * Signature lines: who signed a statement, at its end ("The New Communism
 * Movement of Afghanistan (JAKNA) March 14, 2022", "International Conference
 * of Marxist–Leninist Parties and Organizations / Coordination Committee").
 */

const MAX_SIGNATURE_LINE_CHARS = 160;
const MAX_SIGNATURE_LINES = 4;
/** Words that stay lower-case inside a name ("Party of Labour", "Parti Communiste du Togo"). */
const NAME_PARTICLES = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'a', 'an', 'at', 'de', 'del', 'des', 'du', 'la', 'le', 'les', 'y', 'e', 'et', 'der', 'die', 'und', 'für', 'van', 'von', '&']);
/** Closing formulas and salutations are not names. */
const NOT_A_NAME = /^(thank you|thanks|i thank you|mr\.? president|madam president|excellenc|ladies and gentlemen|dear |long live|down with|sincerely|yours|regards|in solidarity)/i;

/** A line with its dates taken out: "… (JAKNA) March 14, 2022" → "… (JAKNA)". */
export function withoutDates(line: string): string {
  let text = line;
  for (const date of findDates(line).reverse()) text = text.slice(0, date.index) + text.slice(date.index + date.length);
  return text.replace(/[\s,;–—-]+$/u, '').replace(/^[\s,;–—-]+/u, '').replace(/\s{2,}/g, ' ');
}

/** Does this line name a signer: short, no sentence, mostly capitalised words (or an acronym)? */
export function looksLikeSignatureLine(line: string): boolean {
  const hadDate = findDates(line).length > 0;
  const text = withoutDates(line.replace(/^[•▪●◦*–-]\s+/u, '').replace(/[*_]+/g, '')).trim();
  if (text === '' || text.length > MAX_SIGNATURE_LINE_CHARS || NOT_A_NAME.test(text)) return false;
  if (/[.!?:]$/.test(text) && !/\b[A-Z][a-z]{0,3}\.$/.test(text)) return false;
  if (/[.!?]\s+\p{Lu}/u.test(text)) return false; // two sentences
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}’'.–-]*/gu) ?? [];
  const content = words.filter((word) => !NAME_PARTICLES.has(word.toLowerCase()));
  if (content.length === 0) return false;
  const capitalised = content.filter((word) => /^[\p{Lu}\p{N}]/u.test(word)).length;
  const enough = content.length >= 2 || /^\p{Lu}{2,}$/u.test(content[0]!) || hadDate;
  return enough && capitalised / content.length >= 0.75;
}

/** A paragraph that is a signature: every line of it is a signature line (used to spot what follows a statement). */
export function looksLikeSignature(paragraph: string): boolean {
  const lines = paragraph.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.length <= MAX_SIGNATURE_LINES && lines.every(looksLikeSignatureLine);
}

/**
 * The signature block at the end of a text: up to four trailing signature
 * lines, each without its date, or [] when the text ends in a sentence.
 */
export function trailingSignature(text: string): { lines: string[]; dateLine: string | undefined } {
  const lines = text.trimEnd().split('\n').map((line) => line.trim());
  const block: string[] = [];
  for (let i = lines.length - 1; i >= 0 && block.length < MAX_SIGNATURE_LINES; i--) {
    const line = lines[i]!;
    if (line === '') {
      if (block.length > 0) break;
      continue;
    }
    if (!looksLikeSignatureLine(line) || STARTS_LIST_ITEM.test(line)) break;
    block.unshift(line);
  }
  // A signature follows the statement's text; a text of nothing but short lines is a list.
  if (block.length === 0 || block.length === lines.filter((line) => line !== '').length) return { lines: [], dateLine: undefined };
  return { lines: block.map(withoutDates).filter((line) => line !== ''), dateLine: block.find((line) => findDates(line).length > 0) };
}

const STARTS_LIST_ITEM = /^(\d{1,3}[.)]|[•▪●◦*–-])\s/u;
