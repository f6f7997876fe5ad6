import type { Database } from './database.js';
import type { Provenance } from './provenance.js';
import type { StatementMetadata } from './records.js';

/** A text a statement had before its source changed. */
export interface StatementVersion extends StatementMetadata {
  id: number;
  statementId: number;
  text: string;
  contentHash: string;
  provenance: Provenance | null;
  /** When this text was ingested. */
  ingestedAt: string;
  /** When a newer text replaced it. */
  replacedAt: string;
}

/**
 * Keep the statement's current row as a version, replaced at `now`; inside the
 * caller's transaction, before the row is overwritten. Returns false when
 * there was nothing to keep (no such statement).
 */
export async function keepCurrentVersion(db: Database, statementId: number, now: Date): Promise<boolean> {
  const { changes } = await db.run(
    `INSERT INTO statement_versions (statement_id, title, organisation, date, language, url, text, content_hash, provenance, ingested_at, replaced_at)
     SELECT s.id, s.title, s.organisation, s.date, s.language, s.url, s.text, s.content_hash,
       (SELECT json_object('origin', p.origin, 'sourceUrl', p.source_url, 'fetchedUrl', p.fetched_url, 'filename', p.filename, 'fetchedAt', p.fetched_at,
          'contentHash', p.content_hash, 'contentType', p.content_type, 'fields', json(p.fields)) FROM statement_provenance p WHERE p.statement_id = s.id),
       s.ingested_at, ?
     FROM statements s WHERE s.id = ?`,
    [now.toISOString(), statementId],
  );
  return changes > 0;
}

interface VersionRow extends StatementMetadata {
  id: number;
  statementId: number;
  text: string;
  contentHash: string;
  provenance: string | null;
  ingestedAt: string;
  replacedAt: string;
}

/** A statement's earlier texts, newest first. */
export async function statementVersions(db: Database, statementId: number): Promise<StatementVersion[]> {
  const rows = await db.all<VersionRow>(
    `SELECT id, statement_id AS statementId, title, organisation, date, language, url, text, content_hash AS contentHash, provenance,
       ingested_at AS ingestedAt, replaced_at AS replacedAt
     FROM statement_versions WHERE statement_id = ? ORDER BY replaced_at DESC, id DESC`,
    [statementId],
  );
  return rows.map((row) => ({ ...row, provenance: row.provenance ? (JSON.parse(row.provenance) as Provenance) : null }));
}
