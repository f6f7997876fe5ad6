/**
 * Plain-text renderings of /signatories and /signed, for the terminal session
 * and the CLIs: the same lines the Discord replies hold (signatory-line.ts),
 * each statement cited by title, organisation, date, link and slug. Corpus
 * text passes through `printable`.
 */
import { coSignerLine, signatoryLine } from '../search/signatory-line.js';
import type { SignedBy, StatementSignatories } from '../search/retriever.js';
import type { StatementSummary } from '../store/records.js';
import { printable } from './cli-run.js';

/** "“Title” — Organisation, 2021-09-10 · https://… (/statement slug)": how a statement is cited in text. */
export function citeStatement(statement: StatementSummary): string {
  const about = [statement.organisation || 'organisation unknown', statement.date ?? 'undated'].join(', ');
  return `“${statement.title || statement.slug}” — ${about}${statement.url ? ` · ${statement.url}` : ''}  (/statement ${statement.slug})`;
}

/**
 * A statement's signatories, a page at a time (all of them when `pageSize` is
 * Infinity), under their group headings; `next` says how to see the next page.
 */
export function renderSignatoriesText({ statement, signatories }: StatementSignatories, page: number, pageSize: number, next: (page: number) => string): string {
  if (signatories.length === 0) return printable(`No list of signatories was found in ${citeStatement(statement)}.`);
  const pages = Number.isFinite(pageSize) ? Math.max(1, Math.ceil(signatories.length / pageSize)) : 1;
  const shownPage = Math.min(Math.max(1, page), pages);
  const shown = Number.isFinite(pageSize) ? signatories.slice((shownPage - 1) * pageSize, shownPage * pageSize) : signatories;
  const lines = [`Signatories of ${citeStatement(statement)}`, `${signatories.length} signator${signatories.length === 1 ? 'y' : 'ies'}${pages > 1 ? ` · page ${shownPage} of ${pages}${shownPage < pages ? ` — next: ${next(shownPage + 1)}` : ''}` : ''}`];
  let group: string | null | undefined;
  for (const signatory of shown) {
    if (signatory.group !== group && signatory.group) lines.push('', `${signatory.group}:`);
    group = signatory.group;
    lines.push(`  ${signatory.ordinal + 1}. ${signatoryLine(signatory)}`);
  }
  return printable(lines.join('\n'));
}

/** The statements an organisation signed (one page) and who co-signs with it most. */
export function renderSignedText(organisation: string, result: SignedBy, page: number, pageSize: number, next: (page: number) => string): string {
  if (result.total === 0) return printable(`No list of signatories in the corpus has “${organisation}” in it (by name or abbreviation).`);
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  const lines = [
    `Signed by ${result.names.join(' / ')}: ${result.total} statement${result.total === 1 ? '' : 's'}${pages > 1 ? ` · page ${page} of ${pages}${page < pages ? ` — next: ${next(page + 1)}` : ''}` : ''}`,
  ];
  result.statements.forEach(({ statement, signatory }, i) => {
    lines.push('', `${(page - 1) * pageSize + i + 1}. ${citeStatement(statement)}`, `   listed as ${signatoryLine(signatory)}`);
  });
  if (result.statements.length === 0) lines.push('', `There is no page ${page}: the last is ${pages} — ${next(pages)}`);
  if (result.coSigners.length > 0) lines.push('', 'Co-signs most often with:', ...result.coSigners.map((co) => `  ${coSignerLine(co)}`));
  return printable(lines.join('\n'));
}
