-- Who changed the corpus from Discord (or the terminal), when, and what (issue 11).
--
-- One row per change: a statement added or changed by /corpus add, removed by
-- /corpus remove, or one metadata field corrected through the "Correct metadata"
-- modal (one row per field, with its old and new value). /corpus status shows
-- the latest. The statement id is kept without a foreign key, and its title is
-- copied, because the record must outlive the statement it describes (a
-- removal is exactly that).
CREATE TABLE corpus_changes (
  id              INTEGER PRIMARY KEY,
  at              TEXT NOT NULL,           -- ISO 8601, UTC
  actor_id        TEXT NOT NULL,           -- a Discord user id (snowflake), or 'console' for the terminal session
  actor_name      TEXT NOT NULL,           -- their tag when it happened (names change; the id doesn't)
  action          TEXT NOT NULL CHECK (action IN ('add', 'update', 'remove', 'edit')),
  statement_id    INTEGER,                 -- no REFERENCES: removed statements keep their history
  statement_title TEXT NOT NULL DEFAULT '',
  field           TEXT,                    -- 'edit' only: title, organisation, date, language or url
  old_value       TEXT,
  new_value       TEXT                     -- 'add'/'update': where it came from (a URL or a file name)
);
CREATE INDEX corpus_changes_at ON corpus_changes (at);
CREATE INDEX corpus_changes_statement ON corpus_changes (statement_id);
