import type { Database } from './database.js';
import type { StatementInput } from './records.js';
import { replaceSignatories } from './signatory-writes.js';

export type WriteOutcome = 'added' | 'updated' | 'unchanged';

const MAX_SLUG_CHARS = 80;

/** "No to any imperialist … intervention!" → "no-to-any-imperialist-intervention". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_CHARS)
    .replace(/-+$/, '');
  return slug || 'statement';
}

export async function findContentHash(db: Database, source: string): Promise<string | undefined> {
  const row = await db.get<{ content_hash: string }>('SELECT content_hash FROM statements WHERE source = ?', [source]);
  return row?.content_hash;
}

/** The first of `base`, `base-2`, `base-3`, … that no other statement uses. */
async function uniqueSlug(db: Database, base: string, ownId: number | undefined): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const row = await db.get<{ id: number }>('SELECT id FROM statements WHERE slug = ?', [candidate]);
    if (!row || row.id === ownId) return candidate;
  }
}

/**
 * Write one statement, its passages and its signatories in one transaction: after a crash or kill
 * either the old version or the new one is there, never half of one. An existing
 * statement from the same source keeps its id (links to it stay valid).
 */
export async function saveStatement(db: Database, input: StatementInput, now = new Date()): Promise<{ id: number; outcome: WriteOutcome }> {
  return db.transaction(() => writeStatement(db, input, now));
}

/**
 * {@link saveStatement}'s work, for a caller already inside a transaction that
 * writes more beside it (intake keeps the previous version and the provenance
 * in the same one: src/store/intake-writes.ts).
 */
export async function writeStatement(db: Database, input: StatementInput, now = new Date()): Promise<{ id: number; outcome: WriteOutcome }> {
  const existing = await db.get<{ id: number; content_hash: string }>('SELECT id, content_hash FROM statements WHERE source = ?', [input.source]);
  if (existing?.content_hash === input.contentHash) return { id: existing.id, outcome: 'unchanged' as const };

  const slug = await uniqueSlug(db, slugify(input.title || input.externalId || input.source), existing?.id);
  const values = [input.externalId, slug, input.title, input.organisation, input.date, input.language, input.url, input.text, input.contentHash, now.toISOString()];
  let id: number;
  if (existing) {
    id = existing.id;
    await db.run('DELETE FROM passages WHERE statement_id = ?', [id]);
    await db.run(
      `UPDATE statements SET external_id = ?, slug = ?, title = ?, organisation = ?, date = ?, language = ?, url = ?, text = ?, content_hash = ?, ingested_at = ?
       WHERE id = ?`,
      [...values, id],
    );
  } else {
    const result = await db.run(
      `INSERT INTO statements (source, external_id, slug, title, organisation, date, language, url, text, content_hash, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [input.source, ...values],
    );
    id = result.lastID;
  }
  await insertPassages(db, id, input);
  if (existing || input.aliases?.length) await replaceAliases(db, id, input.aliases ?? []);
  if (existing || input.signatories?.length) await replaceSignatories(db, id, input.signatories ?? []);
  await bumpCorpusVersion(db);
  return { id, outcome: existing ? ('updated' as const) : ('added' as const) };
}

/** The statement's declared aliases, replacing any it had (a new statement without any needs no call). */
async function replaceAliases(db: Database, statementId: number, aliases: readonly string[]): Promise<void> {
  await db.run('DELETE FROM statement_aliases WHERE statement_id = ?', [statementId]);
  if (aliases.length === 0) return;
  await db.run('INSERT OR IGNORE INTO statement_aliases (statement_id, alias) SELECT ?, value FROM json_each(?)', [statementId, JSON.stringify(aliases)]);
}

/** All passages in one statement call: one JSON array unpacked by SQLite, not one round trip per passage. */
async function insertPassages(db: Database, statementId: number, input: StatementInput): Promise<void> {
  if (input.passages.length === 0) return;
  const rows = input.passages.map((p) => [p.ordinal, p.start, p.end, p.text]);
  await db.run(
    `INSERT INTO passages (statement_id, ordinal, start_offset, end_offset, text)
     SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)`,
    [statementId, JSON.stringify(rows)],
  );
}

/**
 * Remove the statements whose source is not in `keep` — of those `within`
 * accepts, when given (an ingest prunes only under the folders it read);
 * returns the sources removed.
 */
export async function pruneStatements(db: Database, keep: ReadonlySet<string>, within: (source: string) => boolean = () => true): Promise<string[]> {
  const rows = await db.all<{ id: number; source: string }>('SELECT id, source FROM statements');
  const gone = rows.filter((row) => !keep.has(row.source) && within(row.source));
  for (const row of gone) {
    await db.transaction(async () => {
      await db.run('DELETE FROM statements WHERE id = ?', [row.id]);
      await bumpCorpusVersion(db);
    });
  }
  return gone.map((row) => row.source);
}

/** The statements whose source begins with `prefix` (a range on the source index, not a scan). */
export async function statementsWithSourcePrefix(db: Database, prefix: string): Promise<{ id: number; source: string; contentHash: string }[]> {
  const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return db.all<{ id: number; source: string; contentHash: string }>('SELECT id, source, content_hash AS contentHash FROM statements WHERE source >= ? AND source < ? ORDER BY source', [prefix, end]);
}

/** Give a statement a new source; its id, text and passages stay (nothing a reader sees changes). */
export async function moveStatement(db: Database, id: number, source: string): Promise<void> {
  await db.transaction(() => db.run('UPDATE statements SET source = ? WHERE id = ?', [source, id]));
}

/** One more change to the corpus: cached answers keyed on the old version are no longer used. */
export async function bumpCorpusVersion(db: Database): Promise<void> {
  await db.run(`UPDATE corpus_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'corpus_version'`);
}

/** Goes up on every change to the corpus; part of the answer cache key. */
export async function corpusVersion(db: Database): Promise<number> {
  const row = await db.get<{ value: string }>(`SELECT value FROM corpus_meta WHERE key = 'corpus_version'`);
  return Number(row?.value ?? 0);
}
