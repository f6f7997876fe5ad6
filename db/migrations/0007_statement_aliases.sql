-- Other names a statement's organisation goes by, as the corpus declares them
-- (front matter or manifest `aliases`; the UN corpus's speakers.csv names).
-- Question understanding reads them to recognise the organisation by any of
-- its names. Kept per statement, so re-ingesting one replaces its aliases and
-- removing it removes them; an organisation's aliases are its statements'.
CREATE TABLE statement_aliases (
  statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  PRIMARY KEY (statement_id, alias)
) WITHOUT ROWID;
