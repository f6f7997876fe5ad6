-- Ingest never replaces one statement with another silently (issue 8).

-- A statement's source is its identity: re-ingesting a source replaces its
-- statement under the same id. Until now it was the path relative to whichever
-- folder was ingested, so two folders that both held statement.txt shared one
-- statement, and the second run put its text under the first one's id (and its
-- citations and buttons). From now on a source says where the file is: relative
-- to the project folder when inside it ("corpus/….md"), absolute outside it, or
-- "name:path" for a folder unpacked somewhere new on every run ("ungdc:…").
-- Why: src/corpus/source-key.ts.
--
-- The folder the existing sources were relative to was never recorded. They
-- move under "unknown-root:", where no new source can collide with them, and the
-- first file found at that relative path with the input a statement was made
-- from takes it over, id and all (src/corpus/known-statements.ts). Until then
-- `npm run statement` shows them as "unknown-root:<old source>", and --prune
-- leaves them alone: no folder is known to be theirs.
UPDATE statements SET source = 'unknown-root:' || source;

-- A run killed mid-way never wrote finished_at, and stayed "running" forever.
-- The next run closes it: when the process that ran it is gone, interrupted_at
-- is set (finished_at stays NULL: it never finished) and the run reports it.
-- runner is "<pid>:<process start, ms since 1970>": a pid alone is reused, and
-- in a container every run may get the same one (src/corpus/ingest-runs.ts).
ALTER TABLE ingest_runs ADD COLUMN runner TEXT;
ALTER TABLE ingest_runs ADD COLUMN interrupted_at TEXT;

-- Whether to merge the FTS5 indexes into one segment ('optimize') depends on
-- how much changed since they were last merged, whichever runs changed it — a
-- killed run's statements count too. corpus_version goes up once per statement
-- written or removed, so this is the corpus_version at the last merge (see
-- src/corpus/index-merge.ts). Here: the current version if both indexes are one
-- segment already, else 0 (merge at the next large enough ingest).
INSERT INTO corpus_meta (key, value)
  SELECT 'index_merged_at_version',
         CASE WHEN (SELECT count(DISTINCT segid) FROM passage_fts_idx) <= 1 AND (SELECT count(DISTINCT segid) FROM statement_fts_idx) <= 1
              THEN value ELSE '0' END
  FROM corpus_meta WHERE key = 'corpus_version';
