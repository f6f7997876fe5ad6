/**
 * An administrator's changes to a statement — metadata corrected, the
 * statement removed — each in one transaction with its record in
 * corpus_changes and a corpus_version bump (cached answers go stale with it).
 * The FTS indexes follow the statements row through the triggers of 0001 and 0005.
 */
import { recordCorpusChange, type CorpusActor } from './corpus-changes.js';
import type { Database } from './database.js';
import { readProvenance, writeProvenance } from './provenance.js';
import type { StatementMetadata } from './records.js';
import { keepCurrentVersion } from './statement-versions.js';
import { bumpCorpusVersion } from './statement-writes.js';

/** The fields an administrator may correct, in the order they are shown. */
export const METADATA_FIELDS = ['title', 'organisation', 'date', 'language', 'url'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];
export type MetadataPatch = Partial<StatementMetadata>;

/** One field that changed, as recorded. */
export interface FieldChange {
  field: MetadataField;
  old: string | null;
  new: string | null;
}

/**
 * Set the fields of `patch` that differ from what the statement has; returns
 * what changed (nothing: no write, no record), or undefined when there is no
 * such statement. The slug stays, so links to the statement keep working.
 */
export async function correctStatementMetadata(db: Database, id: number, patch: MetadataPatch, actor: CorpusActor, now = new Date()): Promise<{ title: string; changes: FieldChange[] } | undefined> {
  return db.transaction(async () => {
    const row = await db.get<StatementMetadata>('SELECT title, organisation, date, language, url FROM statements WHERE id = ?', [id]);
    if (!row) return undefined;
    const changes: FieldChange[] = [];
    for (const field of METADATA_FIELDS) {
      const value = patch[field];
      if (value !== undefined && value !== row[field]) changes.push({ field, old: row[field], new: value });
    }
    if (changes.length === 0) return { title: row.title, changes };
    const next = { ...row, ...Object.fromEntries(changes.map((c) => [c.field, c.new])) } as StatementMetadata;
    // What readers saw before is kept, as when a page changes (statement_versions).
    await keepCurrentVersion(db, id, now);
    await db.run('UPDATE statements SET title = ?, organisation = ?, date = ?, language = ?, url = ? WHERE id = ?', [next.title, next.organisation, next.date, next.language, next.url, id]);
    for (const change of changes) {
      await recordCorpusChange(db, { at: now.toISOString(), actor, action: 'edit', statementId: id, statementTitle: next.title, field: change.field, oldValue: change.old, newValue: change.new });
    }
    await markGivenByAdmin(db, id, changes);
    await bumpCorpusVersion(db);
    return { title: next.title, changes };
  });
}

/** The corrected fields' provenance becomes 'admin' (a statement from a file ingest has none to update). */
async function markGivenByAdmin(db: Database, id: number, changes: readonly FieldChange[]): Promise<void> {
  const provenance = await readProvenance(db, id);
  if (!provenance) return;
  const fields = { ...provenance.fields };
  for (const change of changes) fields[change.field] = 'admin';
  await writeProvenance(db, id, { ...provenance, fields });
}

/** Remove a statement (its passages and index rows with it) and record who did; undefined when there is no such statement. */
export async function removeStatement(db: Database, id: number, actor: CorpusActor, now = new Date()): Promise<{ title: string; source: string } | undefined> {
  return db.transaction(async () => {
    const row = await db.get<{ title: string; source: string }>('SELECT title, source FROM statements WHERE id = ?', [id]);
    if (!row) return undefined;
    await db.run('DELETE FROM statements WHERE id = ?', [id]);
    await recordCorpusChange(db, { at: now.toISOString(), actor, action: 'remove', statementId: id, statementTitle: row.title, field: null, oldValue: row.source, newValue: null });
    await bumpCorpusVersion(db);
    return row;
  });
}
