import type { Database } from '../store/database.js';
import { readProvenance, type Provenance } from '../store/provenance.js';
import { statementVersions } from '../store/statement-versions.js';

/** An earlier text of a statement, as listed beside the current one. */
export interface EarlierVersion {
  title: string;
  organisation: string;
  date: string | null;
  /** When this text was ingested, and when a newer one replaced it. */
  ingestedAt: string;
  replacedAt: string;
  text: string;
}

/** Where a statement came from (web or upload; none for one from a file ingest) and the texts it had before. */
export interface StatementHistory {
  provenance: Provenance | null;
  /** Newest first. */
  earlier: EarlierVersion[];
}

export async function statementHistory(db: Database, statementId: number): Promise<StatementHistory> {
  const [provenance, versions] = await Promise.all([readProvenance(db, statementId), statementVersions(db, statementId)]);
  return {
    provenance: provenance ?? null,
    earlier: versions.map(({ title, organisation, date, ingestedAt, replacedAt, text }) => ({ title, organisation, date, ingestedAt, replacedAt, text })),
  };
}
