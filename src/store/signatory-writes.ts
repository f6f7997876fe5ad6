import type { Database } from './database.js';
import type { SignatoryInput } from './records.js';

/** A statement's signatories, replacing any it had: one JSON array unpacked by SQLite, not one round trip per entry. */
export async function replaceSignatories(db: Database, statementId: number, signatories: readonly SignatoryInput[]): Promise<void> {
  await db.run('DELETE FROM signatories WHERE statement_id = ?', [statementId]);
  if (signatories.length === 0) return;
  const rows = signatories.map((s) => [s.ordinal, s.group, s.name, s.abbreviation, s.country, s.affiliation, s.kind, s.start, s.end]);
  await db.run(
    `INSERT INTO signatories (statement_id, ordinal, group_heading, name, abbreviation, country, affiliation, kind, start_offset, end_offset)
     SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8 FROM json_each(?)`,
    [statementId, JSON.stringify(rows)],
  );
}

/** The version of the extraction rules the stored rows were read with (0: never read). */
export async function storedSignatoriesVersion(db: Database): Promise<number> {
  const row = await db.get<{ value: string }>(`SELECT value FROM corpus_meta WHERE key = 'signatories_version'`);
  return Number(row?.value ?? 0);
}

export async function recordSignatoriesVersion(db: Database, version: number): Promise<void> {
  await db.run(`INSERT INTO corpus_meta (key, value) VALUES ('signatories_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [String(version)]);
}
