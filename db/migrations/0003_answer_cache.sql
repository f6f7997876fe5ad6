-- Answers, cached: a repeated question is answered instantly and without a model call.
-- `key` is a hash of the normalised question, its filters and language, the model (or
-- 'extractive'), the answer code's version and the corpus version: an ingest that changes the
-- corpus bumps corpus_meta.corpus_version, so no older answer can match again. Rows of
-- older corpus versions are deleted when the next answer is stored.
CREATE TABLE answer_cache (
  key             TEXT PRIMARY KEY,
  corpus_version  INTEGER NOT NULL,
  result          TEXT NOT NULL,          -- the AnswerResult as JSON
  created_at      TEXT NOT NULL,
  last_used_at    TEXT NOT NULL,
  hits            INTEGER NOT NULL DEFAULT 0
);
-- Pruning keeps the most recently used answers.
CREATE INDEX answer_cache_last_used ON answer_cache (last_used_at);
CREATE INDEX answer_cache_corpus_version ON answer_cache (corpus_version);
