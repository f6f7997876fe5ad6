import type { Database } from '../store/database.js';
import { mayStillRun, THIS_PROCESS } from './running-process.js';

/** An earlier run that never finished (killed, or its machine went down), closed by this one. */
export interface InterruptedRun {
  id: number;
  startedAt: string;
}

export interface RunCounts {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  failed: number;
  passages: number;
}

/**
 * Record a run as started, and close the runs left unfinished by a process
 * that is gone: they are marked interrupted (their finished_at stays empty, as
 * they never finished) and returned, for the run to report.
 */
export async function startIngestRun(db: Database, startedAt: Date): Promise<{ id: number; interrupted: InterruptedRun[] }> {
  return db.transaction(async () => {
    const open = await db.all<{ id: number; started_at: string; runner: string | null }>('SELECT id, started_at, runner FROM ingest_runs WHERE finished_at IS NULL AND interrupted_at IS NULL ORDER BY id');
    const interrupted = open.filter((run) => !mayStillRun(run.runner)).map((run) => ({ id: run.id, startedAt: run.started_at }));
    for (const run of interrupted) await db.run('UPDATE ingest_runs SET interrupted_at = ? WHERE id = ?', [startedAt.toISOString(), run.id]);
    const { lastID } = await db.run('INSERT INTO ingest_runs (started_at, runner) VALUES (?, ?)', [startedAt.toISOString(), THIS_PROCESS]);
    return { id: lastID, interrupted };
  });
}

export async function finishIngestRun(db: Database, id: number, counts: RunCounts): Promise<void> {
  await db.run('UPDATE ingest_runs SET finished_at = ?, added = ?, updated = ?, unchanged = ?, removed = ?, failed = ?, passages = ? WHERE id = ?', [
    new Date().toISOString(), counts.added, counts.updated, counts.unchanged, counts.removed, counts.failed, counts.passages, id,
  ]);
}

/** A run that stopped on an error: closed as interrupted, so no later run mistakes it for one still going. */
export async function abandonIngestRun(db: Database, id: number): Promise<void> {
  await db.run('UPDATE ingest_runs SET interrupted_at = ? WHERE id = ? AND finished_at IS NULL', [new Date().toISOString(), id]);
}
