import type { StatementHistory } from '../search/retriever.js';
import type { ProvenanceField } from '../store/provenance.js';
import { printable } from './cli-run.js';

/** As the statement's own lines show them. */
const FIELD_ORDER: readonly ProvenanceField[] = ['title', 'organisation', 'date', 'language', 'url'];

/**
 * "Fetched from https://… on 2026-02-01 (title from the page, date from the feed, …)" and
 * "1 earlier text (replaced 2026-02-01): npm run statement -- slug --earlier 1": what
 * `npm run statement` adds for a statement that came from the web or an upload.
 */
export function historyLines(history: StatementHistory, slug: string): string[] {
  const lines: string[] = [];
  const { provenance, earlier } = history;
  if (provenance) {
    const from = provenance.origin === 'web' ? `Fetched from ${printable(provenance.sourceUrl ?? '')}` : `Uploaded as ${printable(provenance.filename ?? '')}`;
    const fields = FIELD_ORDER.filter((field) => provenance.fields[field]).map((field) => `${field}: ${provenance.fields[field]}`);
    lines.push(`${from} on ${provenance.fetchedAt.slice(0, 10)}${fields.length > 0 ? ` (${fields.join(' · ')})` : ''}`);
  }
  if (earlier.length > 0) {
    const dates = earlier.map((version) => version.replacedAt.slice(0, 10)).join(', ');
    lines.push(`${earlier.length} earlier text${earlier.length === 1 ? '' : 's'} (replaced ${dates}): npm run statement -- ${slug} --earlier 1`);
  }
  return lines;
}
