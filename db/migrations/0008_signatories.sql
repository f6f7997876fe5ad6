-- The signatories a statement lists at its end (issue 10): one row per entry,
-- read from the cleaned text at ingest (src/corpus/signatories.ts). A statement
-- without such a list has none. Re-ingesting a statement replaces its rows;
-- removing it removes them.
CREATE TABLE signatories (
  statement_id  INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  ordinal       INTEGER NOT NULL,       -- 0-based position among the statement's signatories
  group_heading TEXT,                   -- "Subsequent signatories"; NULL when the list has no heading
  name          TEXT NOT NULL,
  abbreviation  TEXT,                   -- "MLPD", "CPI (ML) Red Star"
  country       TEXT,                   -- as the list states it apart from the name; NULL when it doesn't
  affiliation   TEXT,                   -- what a person signs for, or the network an organisation names ("LCFI")
  kind          TEXT NOT NULL CHECK (kind IN ('organisation', 'person')),
  start_offset  INTEGER NOT NULL,       -- the entry as written: substr(statements.text, start, end) (UTF-16 offsets, like passages')
  end_offset    INTEGER NOT NULL,
  PRIMARY KEY (statement_id, ordinal)
) WITHOUT ROWID;
-- /signed finds an organisation's statements by its name or abbreviation, whatever the case.
CREATE INDEX signatories_name ON signatories (name COLLATE NOCASE);
CREATE INDEX signatories_abbreviation ON signatories (abbreviation COLLATE NOCASE);

-- A migration can't run the extraction (it is TypeScript), and statements
-- already in the database are skipped by the next ingest when their input is
-- unchanged. So the rules' version their rows were read with is recorded:
-- 0 here. The next ingest (any `npm run ingest` or `ingest:ungdc`), or
-- `npm start`, reads every stored statement's text with the current rules
-- first (src/corpus/signatory-backfill.ts), once.
INSERT INTO corpus_meta (key, value) VALUES ('signatories_version', '0');
