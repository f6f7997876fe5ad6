import type { Concordance, ConcordanceLine, OrganisationOccurrences } from './concordance-types.js';

/** Characters of context shown either side in an aligned line (fixed-width surfaces). */
export const ALIGNED_CONTEXT_CHARS = 40;

/** Right context that starts with these follows the match without a space, as in the text ("refugees, who"). */
const CLOSING_PUNCTUATION = /^[.,;:!?)\]}»”’%…]/u;

/**
 * A concordance line in the classic aligned layout: the left context
 * right-aligned in a column of `width` characters (cut from its start), the
 * match between markers, the right context cut to `width`. In a fixed-width
 * font every match starts in the same column; wide characters (CJK) may shift
 * it, which is as well as plain text can do. Counts characters by code point,
 * so a cut never splits a surrogate pair.
 */
export function alignedLine(line: Pick<ConcordanceLine, 'left' | 'match' | 'right'>, width = ALIGNED_CONTEXT_CHARS, marks: readonly [string, string] = ['[', ']']): string {
  const left = [...line.left];
  const right = [...line.right];
  const shownLeft = left.length > width ? `…${left.slice(left.length - width + 1).join('')}` : line.left;
  const shownRight = right.length > width ? `${right.slice(0, width - 1).join('')}…` : line.right;
  const pad = ' '.repeat(Math.max(0, width - [...shownLeft].length));
  const gap = CLOSING_PUNCTUATION.test(shownRight) ? '' : ' ';
  return `${pad}${shownLeft} ${marks[0]}${line.match}${marks[1]}${gap}${shownRight}`.trimEnd();
}

/** "137 occurrences in 52 statements" — what the counts count, said the same way on every surface. */
export function describeTotals(concordance: Pick<Concordance, 'occurrences' | 'statements'>): string {
  const { occurrences, statements } = concordance;
  return `${count(occurrences)} occurrence${occurrences === 1 ? '' : 's'} in ${count(statements)} statement${statements === 1 ? '' : 's'}`;
}

/** "France 12 (5 statements)" for one organisation. */
export function describeOrganisationCount({ organisation, occurrences, statements }: OrganisationOccurrences): string {
  return `${organisation || 'Organisation unknown'} ${count(occurrences)} (${count(statements)} statement${statements === 1 ? '' : 's'})`;
}

/** 1,990 rather than 1990, which reads as a year beside dates. */
export function count(n: number): string {
  return n.toLocaleString('en');
}
