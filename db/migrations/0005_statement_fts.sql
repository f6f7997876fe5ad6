-- Statement-level evidence for ranking: an index over whole statements.
--
-- Search ranks passages (passage_fts) and groups them by statement, so a
-- statement counted only as much as its single best passage. A statement that is
-- about the question throughout — its words spread over several passages, or
-- in the title and across the text — lost to one that mentions them once, close
-- together. Ranking now adds the statement's own bm25 over its whole text
-- (src/search/statement-evidence.ts), which is what this index is for. Measured
-- on SciFact in docs/benchmarks.md.
--
-- One row per statement, external content (the text lives once, in
-- statements): the index adds ~10% to the database and to ingest time.
-- Columns in the order of passage_fts (text, title, organisation) so the same
-- bm25 column weights apply; same tokenizer, for the same reasons (0001).
CREATE VIRTUAL TABLE statement_fts USING fts5 (
  text, title, organisation,
  content = 'statements',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Index the statements already there, as one merged segment (what ingest leaves after a bulk load).
INSERT INTO statement_fts (statement_fts) VALUES ('rebuild');
INSERT INTO statement_fts (statement_fts) VALUES ('optimize');

CREATE TRIGGER statement_fts_after_insert AFTER INSERT ON statements BEGIN
  INSERT INTO statement_fts (rowid, text, title, organisation) VALUES (new.id, new.text, new.title, new.organisation);
END;
CREATE TRIGGER statement_fts_before_delete BEFORE DELETE ON statements BEGIN
  INSERT INTO statement_fts (statement_fts, rowid, text, title, organisation) VALUES ('delete', old.id, old.text, old.title, old.organisation);
END;
-- A changed file keeps its statement id and rewrites the row (statement-writes.ts).
CREATE TRIGGER statement_fts_after_update AFTER UPDATE OF text, title, organisation ON statements BEGIN
  INSERT INTO statement_fts (statement_fts, rowid, text, title, organisation) VALUES ('delete', old.id, old.text, old.title, old.organisation);
  INSERT INTO statement_fts (rowid, text, title, organisation) VALUES (new.id, new.text, new.title, new.organisation);
END;
