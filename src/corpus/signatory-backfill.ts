import type { Database } from '../store/database.js';
import { recordSignatoriesVersion, replaceSignatories, storedSignatoriesVersion } from '../store/signatory-writes.js';
import { bumpCorpusVersion } from '../store/statement-writes.js';
import { extractSignatories } from './signatories.js';

/**
 * The version of the signatory rules (signatories.ts, signatory-entry.ts,
 * signatory-inline.ts, signatory-person.ts): bump it when they change, and the
 * next ingest reads every stored statement again with the new ones. 2: inline
 * lists ("Signed by: A, B, C") and people with a role ("John Smith,
 * Professor, University of X").
 */
export const SIGNATORY_RULES_VERSION = 2;

/** Statements read per transaction: a killed run loses at most one batch, and readers wait no longer than one. */
const BATCH_STATEMENTS = 500;

/**
 * Give every stored statement the signatories the current rules read in its
 * text, when the database's rows were read with older rules (or none: a
 * database from before migration 0008). An unchanged statement is skipped by
 * ingest before it is prepared, so without this it would never get them. The
 * text stored is the cleaned text extraction reads at ingest, so the rows are
 * the ones a fresh ingest would write. On the UN General Debate Corpus (10,952
 * speeches) it takes a few seconds, once.
 */
export async function backfillSignatories(db: Database): Promise<{ statements: number; signatories: number } | undefined> {
  if ((await storedSignatoriesVersion(db)) >= SIGNATORY_RULES_VERSION) return undefined;
  let statements = 0;
  let signatories = 0;
  for (let after = 0; ; ) {
    const batch = await db.all<{ id: number; text: string }>('SELECT id, text FROM statements WHERE id > ? ORDER BY id LIMIT ?', [after, BATCH_STATEMENTS]);
    if (batch.length === 0) break;
    await db.transaction(async () => {
      for (const { id, text } of batch) {
        const found = extractSignatories(text);
        await replaceSignatories(db, id, found);
        signatories += found.length;
      }
    });
    statements += batch.length;
    after = batch.at(-1)!.id;
  }
  await db.transaction(async () => {
    await recordSignatoriesVersion(db, SIGNATORY_RULES_VERSION);
    await bumpCorpusVersion(db);
  });
  return { statements, signatories };
}
