import { createHash } from 'node:crypto';
import type { Database } from '../../store/database.js';
import { saveIntakeStatement, type IntakeWrite } from '../../store/intake-writes.js';
import { readProvenance, type ProvenanceField } from '../../store/provenance.js';
import type { DescribedStatement } from './describe.js';
import type { IntakeResult } from './types.js';

/** sha256 (hex) of a document's bytes, as its provenance records it. */
export function bodyHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Write a described statement with its provenance (and page state), and say what it did. */
export async function saveDescribed(db: Database, described: DescribedStatement, write: Omit<IntakeWrite, 'statement'>, now: Date): Promise<IntakeResult> {
  const { id, outcome } = await saveIntakeStatement(db, { statement: described.statement, ...write }, now);
  return statementResult(db, id, outcome === 'updated' ? 'changed' : outcome);
}

/** The statement as stored now, as an {@link IntakeResult} with `status`. */
export async function statementResult(db: Database, statementId: number, status: IntakeResult['status']): Promise<IntakeResult> {
  const row = await db.get<Omit<IntakeResult, 'status' | 'statementId' | 'fields'>>(
    `SELECT slug, title, organisation, date, language, url, (SELECT count(*) FROM passages WHERE statement_id = s.id) AS passages FROM statements s WHERE id = ?`,
    [statementId],
  );
  if (!row) throw new Error(`statement ${statementId} is gone`);
  const provenance = await readProvenance(db, statementId);
  return { status, statementId, ...row, fields: provenance?.fields ?? {} };
}

/**
 * The metadata an admin set on the statement from `source` (its provenance
 * says 'admin' for them): kept when its page or file changes, so a refresh
 * never undoes a correction.
 */
export async function adminCorrections(db: Database, source: string): Promise<Partial<Record<ProvenanceField, string>>> {
  const row = await db.get<{ id: number } & Record<ProvenanceField, string | null>>('SELECT id, title, organisation, date, language, url FROM statements WHERE source = ?', [source]);
  if (!row) return {};
  const fields = (await readProvenance(db, row.id))?.fields ?? {};
  const corrections: Partial<Record<ProvenanceField, string>> = {};
  for (const [field, by] of Object.entries(fields) as [ProvenanceField, string][]) {
    const value = row[field];
    if (by === 'admin' && value) corrections[field] = value;
  }
  return corrections;
}
