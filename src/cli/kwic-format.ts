import { alignedLine, count, describeOrganisationCount, describeTotals } from '../search/kwic/align.js';
import type { Concordance } from '../search/kwic/concordance-types.js';
import { printable } from './cli-run.js';

/** Organisations listed by name above the lines; the rest are summed up. */
const SHOWN_ORGANISATIONS = 10;
const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const PLAIN_MARKS = ['[', ']'] as const;

/**
 * A concordance page for a terminal (the CLI and the terminal session): the
 * totals and counts per organisation, then one aligned line per occurrence
 * (the match bold in a terminal, in [brackets] in a pipe), each followed by
 * its organisation, date and statement slug.
 */
export function formatConcordance(result: Concordance, { bold, next }: { bold: boolean; next: (page: number) => string }): string {
  // With no statement in range at all, the organisation or the dates are what to change, not the phrase.
  if (result.occurrences === 0) return `${printable(result.emptyRange ?? `No occurrences of ${result.phrase}.`)}\n`;
  const shown = result.organisations.slice(0, SHOWN_ORGANISATIONS).map(describeOrganisationCount).join(' · ');
  const more = result.organisations.length > SHOWN_ORGANISATIONS ? ` · ${result.organisations.length - SHOWN_ORGANISATIONS} more organisations` : '';
  const header = `${printable(result.phrase)} (${result.mode}): ${describeTotals(result)}.\nBy organisation (occurrences): ${printable(shown + more)}\n`;
  const marks = bold ? BOLD : PLAIN_MARKS;
  const lines = result.lines.map((line) => {
    const { organisation, date, slug } = line.statement;
    const text = alignedLine({ left: printable(line.left), match: printable(line.match), right: printable(line.right) }, undefined, marks);
    return `${String(line.n).padStart(5)} ${text}\n      — ${printable(organisation || 'unknown organisation')}, ${date ?? 'undated'} [${slug}]`;
  });
  const paging = `Page ${count(result.page)} of ${count(result.pageCount)}, sorted by ${result.sort}${result.page < result.pageCount ? `; next: ${next(result.page + 1)}` : ''}.`;
  return `${header}\n${lines.join('\n')}\n\n${paging}\n`;
}
