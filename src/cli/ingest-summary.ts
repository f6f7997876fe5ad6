import type { IngestSummary } from '../corpus/ingest.js';
import type { Database } from '../store/database.js';

export async function readTotals(db: Database): Promise<{ statements: number; passages: number }> {
  const row = await db.get<{ statements: number; passages: number }>('SELECT (SELECT count(*) FROM statements) AS statements, (SELECT count(*) FROM passages) AS passages');
  return row ?? { statements: 0, passages: 0 };
}

/** "added 5, updated 0, … in 0.4 s", and any earlier run it found killed — what the person running the ingest reads. */
export function formatSummary(summary: IngestSummary, totals: { statements: number; passages: number }, databasePath: string): string {
  const megabytes = summary.bytes / 1e6;
  const rate = summary.seconds > 0 ? ` (${(megabytes / summary.seconds).toFixed(1)} MB/s)` : '';
  return [
    `Ingest finished in ${summary.seconds.toFixed(1)} s${rate}: added ${summary.added}, updated ${summary.updated}, unchanged ${summary.unchanged}, removed ${summary.removed}, failed ${summary.failed}; ${summary.passages} passages written.`,
    ...summary.interruptedRuns.map((run) => `An earlier ingest (started ${run.startedAt}) never finished: it was killed or interrupted. The statements it wrote are whole and kept; this run went on from them.`),
    `${databasePath} now holds ${totals.statements} statements in ${totals.passages} passages.`,
  ].join('\n');
}

