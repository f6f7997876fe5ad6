import type { Database } from './database.js';

/** Who made a change: a Discord user (id and tag), the operator at the terminal, or a refresh. */
export interface CorpusActor {
  id: string;
  name: string;
}

/** The operator of a terminal session, who administers the corpus there. */
export const CONSOLE_ACTOR: CorpusActor = { id: 'console', name: 'terminal session' };

/** A refresh of the followed sources (the bot's in the background, or `npm run refresh`), adding and updating pages on its own. */
export const REFRESH_ACTOR: CorpusActor = { id: 'refresh', name: 'refresh of the sources' };

export type CorpusChangeAction = 'add' | 'update' | 'remove' | 'edit';

/** One recorded change (db/migrations/0010_corpus_changes.sql). */
export interface CorpusChange {
  at: string;
  actor: CorpusActor;
  action: CorpusChangeAction;
  statementId: number | null;
  statementTitle: string;
  /** 'edit': the field corrected. */
  field: string | null;
  oldValue: string | null;
  /** 'edit': the corrected value; 'add'/'update': where the statement came from. */
  newValue: string | null;
}

/** Record a change. Call it inside the transaction that makes the change, so the record and the change stand or fall together. */
export async function recordCorpusChange(db: Database, change: CorpusChange): Promise<void> {
  await db.run(
    `INSERT INTO corpus_changes (at, actor_id, actor_name, action, statement_id, statement_title, field, old_value, new_value)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [change.at, change.actor.id, change.actor.name, change.action, change.statementId, change.statementTitle, change.field, change.oldValue, change.newValue],
  );
}

/** The latest changes, newest first. */
export async function recentCorpusChanges(db: Database, limit: number): Promise<CorpusChange[]> {
  const rows = await db.all<{ at: string; actorId: string; actorName: string; action: CorpusChangeAction; statementId: number | null; statementTitle: string; field: string | null; oldValue: string | null; newValue: string | null }>(
    `SELECT at, actor_id AS actorId, actor_name AS actorName, action, statement_id AS statementId, statement_title AS statementTitle,
            field, old_value AS oldValue, new_value AS newValue
     FROM corpus_changes ORDER BY at DESC, id DESC LIMIT ?`,
    [limit],
  );
  return rows.map(({ actorId, actorName, ...rest }) => ({ ...rest, actor: { id: actorId, name: actorName } }));
}
