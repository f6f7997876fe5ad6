import { randomBytes } from 'node:crypto';
import type { Database } from './database.js';

/** What a stored button state belongs to; the Discord layer gives each kind its shape. */
export type ButtonKind = 'answer' | 'search' | 'statement' | 'kwic' | 'signatories' | 'signed';

/** How long button state is kept: older buttons answer "this button has expired". */
export const BUTTON_STATE_RETENTION_DAYS = 30;

/** 9 random bytes → 12 URL-safe characters: unguessable, and short enough for a 100-char custom id. */
const KEY_BYTES = 9;

export interface FeedbackInput {
  answerKey: string;
  userId: string;
  guildId: string | null;
  vote: 1 | -1;
  question: string;
  answer: string;
  sources: { n: number; statementId: number; title: string; organisation: string }[];
  mode: string;
}

/**
 * The bot's own small tables (db/migrations/0004_discord.sql): button state,
 * feedback, daily question counts and the threads it started. The Discord layer
 * reaches SQL only through this module.
 */
export interface DiscordStateStore {
  /** Store a button's state and return the key its custom id will carry. */
  saveButtonState(kind: ButtonKind, state: unknown): Promise<string>;
  /** The state behind a key, or undefined when it was never stored or has been pruned. */
  getButtonState<T>(key: string, kind: ButtonKind): Promise<T | undefined>;
  updateButtonState(key: string, state: unknown): Promise<void>;
  /** Delete button state older than `days`; returns how many rows went. */
  pruneButtonStates(days?: number): Promise<number>;
  /** Record (or change) one person's vote on one answer. */
  recordFeedback(feedback: FeedbackInput): Promise<void>;
  /**
   * Count one question against today's budget if it is under `limit`, atomically.
   * Returns the count after this question, or undefined when the budget is spent.
   */
  consumeDailyQuestion(userId: string, limit: number, now?: Date): Promise<number | undefined>;
  /** Give back a question consumed for a request that was then refused (queue full). */
  refundDailyQuestion(userId: string, now?: Date): Promise<void>;
  recordThread(threadId: string, guildId: string | null, userId: string): Promise<void>;
  isBotThread(threadId: string): Promise<boolean>;
}

/** YYYY-MM-DD in UTC: budgets reset at midnight UTC for everyone. */
export function utcDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function createDiscordStateStore(db: Database): DiscordStateStore {
  return {
    async saveButtonState(kind, state) {
      const key = randomBytes(KEY_BYTES).toString('base64url');
      const now = new Date().toISOString();
      await db.run('INSERT INTO discord_buttons (key, kind, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [key, kind, JSON.stringify(state), now, now]);
      return key;
    },

    async getButtonState<T>(key: string, kind: ButtonKind) {
      const row = await db.get<{ state: string }>('SELECT state FROM discord_buttons WHERE key = ? AND kind = ?', [key, kind]);
      return row === undefined ? undefined : (JSON.parse(row.state) as T);
    },

    async updateButtonState(key, state) {
      await db.run('UPDATE discord_buttons SET state = ?, updated_at = ? WHERE key = ?', [JSON.stringify(state), new Date().toISOString(), key]);
    },

    async pruneButtonStates(days = BUTTON_STATE_RETENTION_DAYS) {
      const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
      const { changes } = await db.run('DELETE FROM discord_buttons WHERE updated_at < ?', [cutoff]);
      return changes;
    },

    async recordFeedback(feedback) {
      await db.run(
        `INSERT INTO discord_feedback (answer_key, user_id, guild_id, vote, question, answer, sources, mode, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (answer_key, user_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at`,
        [feedback.answerKey, feedback.userId, feedback.guildId, feedback.vote, feedback.question, feedback.answer, JSON.stringify(feedback.sources), feedback.mode, new Date().toISOString()],
      );
    },

    async consumeDailyQuestion(userId, limit, now = new Date()) {
      // One statement, so two concurrent questions can't both take the last one.
      const row = await db.get<{ questions: number }>(
        `INSERT INTO discord_question_counts (user_id, day, questions) VALUES (?, ?, 1)
         ON CONFLICT (user_id, day) DO UPDATE SET questions = questions + 1 WHERE questions < ?
         RETURNING questions`,
        [userId, utcDay(now), limit],
      );
      return row?.questions;
    },

    async refundDailyQuestion(userId, now = new Date()) {
      await db.run('UPDATE discord_question_counts SET questions = questions - 1 WHERE user_id = ? AND day = ? AND questions > 0', [userId, utcDay(now)]);
    },

    async recordThread(threadId, guildId, userId) {
      await db.run('INSERT OR IGNORE INTO discord_threads (thread_id, guild_id, user_id, created_at) VALUES (?, ?, ?, ?)', [threadId, guildId, userId, new Date().toISOString()]);
    },

    async isBotThread(threadId) {
      return (await db.get('SELECT 1 AS found FROM discord_threads WHERE thread_id = ?', [threadId])) !== undefined;
    },
  };
}
