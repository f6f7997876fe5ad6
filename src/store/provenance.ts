import type { Database } from './database.js';

/**
 * Where a metadata field's value came from: the document's own metadata
 * ('page'), a feed entry ('feed'), the sources file, an admin who gave it,
 * an uploaded file's front matter ('file'), the text itself ('inferred'), or
 * the address ('url').
 */
export type FieldSource = 'page' | 'feed' | 'sources-file' | 'inferred' | 'admin' | 'url' | 'file';

export type ProvenanceField = 'title' | 'organisation' | 'date' | 'language' | 'url';

/** How a statement came in (statement_provenance). */
export interface Provenance {
  origin: 'web' | 'upload';
  /** The URL asked for; null for an upload. */
  sourceUrl: string | null;
  /** Where the body came from after redirects. */
  fetchedUrl: string | null;
  /** An upload's file name. */
  filename: string | null;
  /** ISO 8601: when the body was fetched or received. */
  fetchedAt: string;
  /** sha256 (hex) of the body's bytes. */
  contentHash: string;
  contentType: string | null;
  /** Per field with a value: where it came from. */
  fields: Partial<Record<ProvenanceField, FieldSource>>;
}

interface ProvenanceRow {
  origin: 'web' | 'upload';
  source_url: string | null;
  fetched_url: string | null;
  filename: string | null;
  fetched_at: string;
  content_hash: string;
  content_type: string | null;
  fields: string;
}

function fromRow(row: ProvenanceRow): Provenance {
  return {
    origin: row.origin,
    sourceUrl: row.source_url,
    fetchedUrl: row.fetched_url,
    filename: row.filename,
    fetchedAt: row.fetched_at,
    contentHash: row.content_hash,
    contentType: row.content_type,
    fields: JSON.parse(row.fields) as Provenance['fields'],
  };
}

/** The statement's provenance, or undefined for one that came from a file ingest. */
export async function readProvenance(db: Database, statementId: number): Promise<Provenance | undefined> {
  const row = await db.get<ProvenanceRow>('SELECT * FROM statement_provenance WHERE statement_id = ?', [statementId]);
  return row ? fromRow(row) : undefined;
}

/** Record (or replace) a statement's provenance; inside the caller's transaction. */
export async function writeProvenance(db: Database, statementId: number, provenance: Provenance): Promise<void> {
  await db.run(
    `INSERT INTO statement_provenance (statement_id, origin, source_url, fetched_url, filename, fetched_at, content_hash, content_type, fields)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (statement_id) DO UPDATE SET origin = excluded.origin, source_url = excluded.source_url, fetched_url = excluded.fetched_url,
       filename = excluded.filename, fetched_at = excluded.fetched_at, content_hash = excluded.content_hash, content_type = excluded.content_type, fields = excluded.fields`,
    [statementId, provenance.origin, provenance.sourceUrl, provenance.fetchedUrl, provenance.filename, provenance.fetchedAt, provenance.contentHash, provenance.contentType, JSON.stringify(provenance.fields)],
  );
}
