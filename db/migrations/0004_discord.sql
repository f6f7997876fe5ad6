-- The Discord bot's own state: what its buttons point at, the feedback people
-- give, and the daily question counts behind the per-user budget.

-- A button's custom id carries only `key` (and which button it is); everything the
-- button needs (the answer and its sources, a search and its page) lives here, so
-- buttons keep working after a restart. Rows older than the retention are pruned
-- at start; a button whose row is gone says so.
CREATE TABLE discord_buttons (
  key         TEXT PRIMARY KEY,         -- random, URL-safe; what the custom id carries
  kind        TEXT NOT NULL,            -- 'answer' | 'search' | 'statement'
  state       TEXT NOT NULL,            -- JSON, shaped by kind
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX discord_buttons_created ON discord_buttons (created_at);

-- 👍/👎 on an answer, with the question and answer as shown, so a bad answer can be
-- looked at later even after its button state is pruned. One vote per person per
-- answer; voting again changes it.
CREATE TABLE discord_feedback (
  id          INTEGER PRIMARY KEY,
  answer_key  TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  guild_id    TEXT,                     -- NULL in direct messages
  vote        INTEGER NOT NULL CHECK (vote IN (-1, 1)),
  question    TEXT NOT NULL,
  answer      TEXT NOT NULL,
  sources     TEXT NOT NULL,            -- JSON: [{ n, statementId, title, organisation }]
  mode        TEXT NOT NULL,            -- the answer's mode: llm, extractive, fallback, not-found
  created_at  TEXT NOT NULL,
  UNIQUE (answer_key, user_id)
);

-- Questions asked per user per UTC day, for ASK_DAILY_QUESTIONS_PER_USER. In SQLite
-- rather than memory so a restart doesn't hand everyone a fresh budget.
CREATE TABLE discord_question_counts (
  user_id    TEXT NOT NULL,
  day        TEXT NOT NULL,             -- YYYY-MM-DD, UTC
  questions  INTEGER NOT NULL,
  PRIMARY KEY (user_id, day)
) WITHOUT ROWID;

-- Threads the bot started for a mentioned question: later messages there are
-- follow-ups even when the thread isn't in discord.js's cache (after a restart).
CREATE TABLE discord_threads (
  thread_id   TEXT PRIMARY KEY,
  guild_id    TEXT,
  user_id     TEXT NOT NULL,            -- who asked the question that started it
  created_at  TEXT NOT NULL
) WITHOUT ROWID;
