import type { Database } from './database.js';
import { writeProvenance, type Provenance } from './provenance.js';
import type { StatementInput } from './records.js';
import { writeStatement, type WriteOutcome } from './statement-writes.js';
import { keepCurrentVersion } from './statement-versions.js';
import { recordPageSuccess, type PageSuccess } from './web-pages.js';

export interface IntakeWrite {
  statement: StatementInput;
  provenance: Provenance;
  /** The page it was fetched from, recorded in the same transaction (web intake only). */
  page?: Omit<PageSuccess, 'statementId' | 'status'>;
}

/**
 * Write a statement that came through intake, in one transaction with what
 * belongs to it: its previous text as a version (when what a reader sees
 * changed — text or metadata — not when only the pipeline that made it did),
 * its provenance, and the state of the page it came from. The statement keeps
 * its id; answers cite its row, the current text. An unchanged statement
 * writes nothing but the page's check.
 */
export async function saveIntakeStatement(db: Database, write: IntakeWrite, now = new Date()): Promise<{ id: number; outcome: WriteOutcome; versionKept: boolean }> {
  return db.transaction(async () => {
    const { statement } = write;
    const existing = await db.get<{ id: number; same: number; hashSame: number }>(
      `SELECT id, (text = ? AND title = ? AND organisation = ? AND date IS ? AND language IS ? AND url IS ?) AS same, content_hash = ? AS hashSame
       FROM statements WHERE source = ?`,
      [statement.text, statement.title, statement.organisation, statement.date, statement.language, statement.url, statement.contentHash, statement.source],
    );
    const versionKept = existing !== undefined && !existing.hashSame && !existing.same ? await keepCurrentVersion(db, existing.id, now) : false;
    const { id, outcome } = await writeStatement(db, statement, now);
    if (outcome !== 'unchanged') await writeProvenance(db, id, write.provenance);
    if (write.page) await recordPageSuccess(db, { ...write.page, statementId: id, status: outcome === 'updated' ? 'changed' : outcome });
    return { id, outcome, versionKept };
  });
}
