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
-- `npm run statement` shows them as "unknown-root:<old source>".
UPDATE statements SET source = 'unknown-root:' || source;
