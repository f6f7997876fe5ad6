-- Statements from the web and from uploads (issue 11): where each came from,
-- what it said before it changed, and what the refresh needs to ask the web
-- only for what is new or changed.

-- The text a statement had before its page changed (a signatory list that grew,
-- a correction). The statement keeps its id and its row holds the current text,
-- which answers cite; each earlier text is kept here with the day it was
-- replaced. Written in the same transaction as the new text (src/store/intake-writes.ts).
CREATE TABLE statement_versions (
  id            INTEGER PRIMARY KEY,
  statement_id  INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  title         TEXT NOT NULL,
  organisation  TEXT NOT NULL,
  date          TEXT,
  language      TEXT,
  url           TEXT,
  text          TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  provenance    TEXT,                   -- JSON: the statement_provenance row it had, if any
  ingested_at   TEXT NOT NULL,          -- when this text was ingested
  replaced_at   TEXT NOT NULL           -- when a newer text took its place
);
CREATE INDEX statement_versions_statement ON statement_versions (statement_id, replaced_at);

-- How a statement came in: one row per statement that came through intake
-- (src/corpus/intake). `fields` says, per metadata field, where its value came
-- from: 'page' (the document's own metadata), 'feed' (the feed entry),
-- 'sources-file', 'admin' (given explicitly), 'file' (an upload's front matter),
-- 'inferred' (read from the text) or 'url'.
CREATE TABLE statement_provenance (
  statement_id  INTEGER PRIMARY KEY REFERENCES statements (id) ON DELETE CASCADE,
  origin        TEXT NOT NULL,          -- 'web' | 'upload'
  source_url    TEXT,                   -- the URL asked for (web), NULL for an upload
  fetched_url   TEXT,                   -- where the body came from after redirects
  filename      TEXT,                   -- an upload's file name
  fetched_at    TEXT NOT NULL,          -- when the body was fetched or received
  content_hash  TEXT NOT NULL,          -- sha256 of the body's bytes
  content_type  TEXT,
  fields        TEXT NOT NULL           -- JSON: { title: 'page', date: 'feed', … }
);

-- One row per page URL the intake has asked for: what a conditional request
-- sends (etag, last_modified), what the body hashed to (a 200 with the same
-- bytes is unchanged), how the last check went, and when to try again after
-- failures (backing off, or what a 429's Retry-After asked).
CREATE TABLE web_pages (
  url                   TEXT PRIMARY KEY,       -- as requested (a feed entry's link, a sitemap's loc)
  statement_id          INTEGER REFERENCES statements (id) ON DELETE SET NULL,
  etag                  TEXT,
  last_modified         TEXT,
  body_hash             TEXT,                   -- sha256 of the last body fetched
  given                 TEXT,                   -- JSON: the metadata given with it last time (a new value re-fetches)
  last_checked_at       TEXT,
  last_status           TEXT,                   -- 'added' | 'changed' | 'unchanged' | 'failed' | 'removed' (its statement was)
  last_error            TEXT,
  consecutive_failures  INTEGER NOT NULL DEFAULT 0,
  next_due_at           TEXT                    -- NULL: whenever its source is refreshed
) WITHOUT ROWID;
CREATE INDEX web_pages_statement ON web_pages (statement_id);
-- A statement removed from the corpus (an admin's /corpus remove) stays removed:
-- its page is marked, and a refresh doesn't bring it back from the feed it is
-- still in. Ingesting the URL by name adds it again. BEFORE: the foreign key
-- then sets statement_id to NULL.
CREATE TRIGGER web_pages_statement_removed BEFORE DELETE ON statements BEGIN
  UPDATE web_pages SET last_status = 'removed' WHERE statement_id = old.id;
END;

-- Feeds, sitemaps and single pages followed: from sources.yaml or from
-- `npm run ingest -- --feed/--sitemap`. `npm run refresh` works through the due ones.
CREATE TABLE web_sources (
  id                  INTEGER PRIMARY KEY,
  url                 TEXT NOT NULL UNIQUE,
  kind                TEXT NOT NULL CHECK (kind IN ('page', 'feed', 'sitemap')),
  origin              TEXT NOT NULL CHECK (origin IN ('sources-file', 'cli')),
  defaults            TEXT NOT NULL DEFAULT '{}',   -- JSON: metadata given to every statement from it
  interval_seconds    INTEGER NOT NULL,
  etag                TEXT,
  last_modified       TEXT,
  body_hash           TEXT,
  last_refreshed_at   TEXT,
  next_due_at         TEXT,
  last_status         TEXT,                         -- 'ok' | 'not-modified' | 'failed'
  last_error          TEXT,
  added               INTEGER NOT NULL DEFAULT 0,   -- the last refresh's counts
  changed             INTEGER NOT NULL DEFAULT 0,
  unchanged           INTEGER NOT NULL DEFAULT 0,
  failed              INTEGER NOT NULL DEFAULT 0
);

-- The entries a feed or sitemap listed when last read, with what the feed said
-- about each: a feed answering 304 still has its pages checked (a page can
-- change without its feed entry changing), from this list.
CREATE TABLE web_source_entries (
  source_id  INTEGER NOT NULL REFERENCES web_sources (id) ON DELETE CASCADE,
  url        TEXT NOT NULL,
  position   INTEGER NOT NULL,
  metadata   TEXT NOT NULL DEFAULT '{}',    -- JSON: the entry's title, date (feed metadata)
  last_modified TEXT,                       -- a sitemap's <lastmod>, ISO 8601: an older one than the page's last check spares the request
  PRIMARY KEY (source_id, url)
) WITHOUT ROWID;
