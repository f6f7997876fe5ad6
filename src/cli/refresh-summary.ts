import type { IntakeResult } from '../corpus/intake/types.js';
import type { RefreshReport } from '../corpus/sources/refresh.js';
import { printable } from './cli-run.js';

/** Failures listed one by one, at most; the rest are counted. */
const MAX_LISTED_FAILURES = 20;

/** What a person running `npm run refresh` (or ingesting a feed) reads at the end. */
export function formatRefreshReport(report: RefreshReport, seconds: number): string {
  const lines = [
    `Refresh finished in ${seconds.toFixed(1)} s: added ${report.added}, changed ${report.changed}, unchanged ${report.unchanged}, failed ${report.failed}` +
      ` (${report.sources.length} source${report.sources.length === 1 ? '' : 's'} refreshed${report.notDue > 0 ? `, ${report.notDue} not due yet` : ''}).`,
  ];
  for (const source of report.sources) {
    const { added, changed, unchanged, failed } = source.counts;
    const list = source.kind === 'page' ? '' : source.list === 'not-modified' ? ', list unchanged' : source.list === 'failed' ? ', list not read' : ', list read';
    const leftOut = source.leftOut ? `; ${source.leftOut} item${source.leftOut === 1 ? '' : 's'} with no web address left out` : '';
    lines.push(`  ${printable(source.url)} (${source.kind}${list}): added ${added}, changed ${changed}, unchanged ${unchanged}, failed ${failed}${leftOut}`);
  }
  if (report.notAsked > 0) lines.push(`${report.notAsked} unchanged page${report.notAsked === 1 ? ' was' : 's were'} not asked at all: their sitemap dates them before their last check.`);
  if (report.removed.length > 0) lines.push(`${report.removed.length} page${report.removed.length === 1 ? '' : 's'} left out: removed from the corpus (npm run ingest -- <url> adds one back).`);
  for (const failure of report.failures.slice(0, MAX_LISTED_FAILURES)) lines.push(`failed: ${printable(failure.url)}: ${printable(failure.reason)}`);
  if (report.failures.length > MAX_LISTED_FAILURES) lines.push(`… and ${report.failures.length - MAX_LISTED_FAILURES} more failures.`);
  if (report.deferred.length > 0) {
    const until = report.deferred.map((page) => page.until).sort().at(-1)!;
    lines.push(`${report.deferred.length} page${report.deferred.length === 1 ? '' : 's'} left for a later refresh (the server asked to wait, or earlier failures put them off; until ${until} at the latest).`);
  }
  return lines.join('\n');
}

/** One line per page ingested by URL: what happened, and the statement it is. */
export function formatIntakeResult(url: string, result: IntakeResult): string {
  const described = [result.organisation, result.date].filter(Boolean).join(', ');
  return `${result.status}: ${printable(url)} → #${result.statementId} ${printable(result.title)}${described ? ` (${printable(described)})` : ''}, ${result.passages} passages`;
}
