import type { Database } from '../store/database.js';
import { moveStatement, statementsWithSourcePrefix } from '../store/statement-writes.js';
import { UNKNOWN_ROOT } from './source-key.js';

/** The statements already stored: what each input is compared with, by source. */
export interface KnownStatements {
  /**
   * The content hash stored for `source`, or undefined for a new statement.
   * A statement from before migration 0006 whose old source was `relative` and
   * whose hash `madeFrom` recognises as this input's is taken over by `source`.
   */
  storedHash(source: string, relative: string, madeFrom: (hash: string) => boolean): Promise<string | undefined>;
}

/**
 * Statements ingested before migration 0006 had a source relative to the folder
 * ingested, and which folder was never recorded, so 0006 put them under
 * "unknown-root:". The file at that relative path that holds the very input the
 * statement was made from (same bytes and metadata, whatever the pipeline
 * version) takes it over: same words, so its id, citations and buttons stay
 * right. A file with other content there may be another folder's file of the
 * same name — the mix-up 0006 ends — so it becomes a statement of its own.
 */
export async function loadKnownStatements(db: Database): Promise<KnownStatements> {
  const rows = await db.all<{ source: string; content_hash: string }>('SELECT source, content_hash FROM statements');
  const hashes = new Map(rows.map((row) => [row.source, row.content_hash]));
  const legacy = new Map((await statementsWithSourcePrefix(db, UNKNOWN_ROOT)).map((row) => [row.source.slice(UNKNOWN_ROOT.length), row]));
  return {
    async storedHash(source, relative, madeFrom) {
      const hash = hashes.get(source);
      if (hash !== undefined) return hash;
      const old = legacy.get(relative);
      if (!old || !madeFrom(old.contentHash)) return undefined;
      await moveStatement(db, old.id, source);
      legacy.delete(relative);
      hashes.set(source, old.contentHash);
      return old.contentHash;
    },
  };
}
