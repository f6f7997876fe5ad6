-- The corpus: statements, their passages, and the full-text index over passages.

-- One row per ingested statement. `id` is kept when a changed source file is
-- re-ingested, so links to a statement (Discord buttons, citations) survive edits.
CREATE TABLE statements (
  id            INTEGER PRIMARY KEY,
  source        TEXT NOT NULL UNIQUE,   -- where it came from: a path relative to the ingest root, or "file.jsonl#<id>"
  external_id   TEXT,                   -- the id the source gave it (JSONL id/_id, manifest), if any
  slug          TEXT NOT NULL UNIQUE,   -- readable, URL-safe, unique: used by `npm run statement -- <slug>`
  title         TEXT NOT NULL DEFAULT '',
  organisation  TEXT NOT NULL DEFAULT '', -- organisation or signatories; '' when unknown, never guessed
  date          TEXT,                   -- ISO 8601, as precise as known: YYYY, YYYY-MM or YYYY-MM-DD
  language      TEXT,                   -- ISO 639-1 code, NULL when unknown
  url           TEXT,
  text          TEXT NOT NULL,          -- the cleaned text; passage offsets point into it
  content_hash  TEXT NOT NULL,          -- hash of the raw input and its metadata: unchanged input is skipped
  ingested_at   TEXT NOT NULL
);
CREATE INDEX statements_organisation ON statements (organisation COLLATE NOCASE);
CREATE INDEX statements_title ON statements (title COLLATE NOCASE);
CREATE INDEX statements_date ON statements (date);

-- Retrieval-sized pieces of a statement's text. Offsets are UTF-16 code unit
-- offsets (JavaScript string indices) into statements.text: text = substr(start, end).
-- The explicit INTEGER PRIMARY KEY is the FTS rowid: a plain rowid may change on VACUUM.
CREATE TABLE passages (
  id            INTEGER PRIMARY KEY,
  statement_id  INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  ordinal       INTEGER NOT NULL,       -- 0-based position within the statement
  start_offset  INTEGER NOT NULL,
  end_offset    INTEGER NOT NULL,
  text          TEXT NOT NULL,
  UNIQUE (statement_id, ordinal)
);

-- What the index sees: the passage text with its statement's title and organisation,
-- so "ICOR Taliban" finds ICOR's passages about the Taliban.
CREATE VIEW passage_documents AS
  SELECT p.id AS id, p.text AS text, s.title AS title, s.organisation AS organisation
  FROM passages p JOIN statements s ON s.id = p.statement_id;

-- External-content FTS5: the text is stored once (in passages) and read back for snippets.
-- Tokenizer: porter over unicode61 with remove_diacritics 2.
--   porter: the corpus is English; "imperialists" must match "imperialist", "invaded" "invasion"'s stem.
--   unicode61: case-folds all scripts and splits on Unicode punctuation, so Cyrillic or Persian
--     words in a query are tokens, not noise.
--   remove_diacritics 2: "Côte d'Ivoire" matches "Cote d'Ivoire", "façade" matches "facade".
CREATE VIRTUAL TABLE passage_fts USING fts5 (
  text, title, organisation,
  content = 'passage_documents',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Keep the index in step with passages. Statement rows must exist when these fire:
-- the delete needs the exact old title/organisation to remove its tokens.
CREATE TRIGGER passages_after_insert AFTER INSERT ON passages BEGIN
  INSERT INTO passage_fts (rowid, text, title, organisation)
    SELECT new.id, new.text, s.title, s.organisation FROM statements s WHERE s.id = new.statement_id;
END;
CREATE TRIGGER passages_before_delete BEFORE DELETE ON passages BEGIN
  INSERT INTO passage_fts (passage_fts, rowid, text, title, organisation)
    SELECT 'delete', old.id, old.text, s.title, s.organisation FROM statements s WHERE s.id = old.statement_id;
END;
-- A statement's passages go before the statement itself, while its metadata is still readable.
CREATE TRIGGER statements_before_delete BEFORE DELETE ON statements BEGIN
  DELETE FROM passages WHERE statement_id = old.id;
END;
-- Renaming a statement re-indexes its passages under the new title/organisation.
CREATE TRIGGER statements_before_rename BEFORE UPDATE OF title, organisation ON statements BEGIN
  INSERT INTO passage_fts (passage_fts, rowid, text, title, organisation)
    SELECT 'delete', p.id, p.text, old.title, old.organisation FROM passages p WHERE p.statement_id = old.id;
END;
CREATE TRIGGER statements_after_rename AFTER UPDATE OF title, organisation ON statements BEGIN
  INSERT INTO passage_fts (rowid, text, title, organisation)
    SELECT p.id, p.text, new.title, new.organisation FROM passages p WHERE p.statement_id = new.id;
END;

-- Small facts about the corpus as a whole. `corpus_version` goes up whenever an
-- ingest changes anything, which invalidates cached answers.
CREATE TABLE corpus_meta (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
INSERT INTO corpus_meta (key, value) VALUES ('corpus_version', '0');

-- One row per ingest run, for `/sources` ("last ingest") and for the record.
CREATE TABLE ingest_runs (
  id           INTEGER PRIMARY KEY,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  added        INTEGER NOT NULL DEFAULT 0,
  updated      INTEGER NOT NULL DEFAULT 0,
  unchanged    INTEGER NOT NULL DEFAULT 0,
  removed      INTEGER NOT NULL DEFAULT 0,
  failed       INTEGER NOT NULL DEFAULT 0,
  passages     INTEGER NOT NULL DEFAULT 0
);
