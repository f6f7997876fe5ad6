-- Search: an index over statement titles and organisations for lookup and autocomplete.

-- Autocomplete needs "prefix of any word in a title" ("kor" → "Statement on the Korean
-- peninsula"), which neither the NOCASE indexes on statements (whole-title prefixes
-- only) nor passage_fts (one row per passage, so every title repeats ~100 times, and
-- no prefix index) answer quickly. One row per statement, external content (the
-- text lives once, in statements), prefix indexes for the 1-3 characters people
-- type before a suggestion is useful.
-- Tokenizer: unicode61 with remove_diacritics 2, no porter — suggestions match what
-- is typed ("uni" must find "United", a stem would be "unit").
CREATE VIRTUAL TABLE statement_lookup USING fts5 (
  title, organisation,
  content = 'statements',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
INSERT INTO statement_lookup (rowid, title, organisation) SELECT id, title, organisation FROM statements;

CREATE TRIGGER statement_lookup_after_insert AFTER INSERT ON statements BEGIN
  INSERT INTO statement_lookup (rowid, title, organisation) VALUES (new.id, new.title, new.organisation);
END;
CREATE TRIGGER statement_lookup_before_delete BEFORE DELETE ON statements BEGIN
  INSERT INTO statement_lookup (statement_lookup, rowid, title, organisation) VALUES ('delete', old.id, old.title, old.organisation);
END;
CREATE TRIGGER statement_lookup_before_rename BEFORE UPDATE OF title, organisation ON statements BEGIN
  INSERT INTO statement_lookup (statement_lookup, rowid, title, organisation) VALUES ('delete', old.id, old.title, old.organisation);
END;
CREATE TRIGGER statement_lookup_after_rename AFTER UPDATE OF title, organisation ON statements BEGIN
  INSERT INTO statement_lookup (rowid, title, organisation) VALUES (new.id, new.title, new.organisation);
END;
