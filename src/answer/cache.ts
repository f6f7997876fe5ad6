import { createHash } from 'node:crypto';
import type { Logger } from '../log.js';
import type { Database } from '../store/database.js';
import type { AnswerResult } from './types.js';

/**
 * Bump when answers would come out differently for the same corpus (the
 * prompt, grounding, or the extractive selection changed): cached answers made
 * by the old code are then not reused. 3: answer text is plain text with
 * highlight markers for bold, no longer Markdown. 4: the question's rewrite
 * is searched too, and the closest passages replace "not covered" when the
 * statements found have no sentence to quote.
 */
export const ANSWER_VERSION = 4;

/** Answers kept; the least recently used go first. */
export const MAX_CACHED_ANSWERS = 5_000;

export interface CacheKeyParts {
  question: string;
  organisation?: string;
  organisations?: readonly string[];
  from?: string;
  to?: string;
  language: string;
  /** The model's name, or 'extractive' when answering without one. */
  model: string;
  corpusVersion: number;
}

/** "  What does ICOR say about the Taliban?? " and "what does icor say about the taliban" are one question. */
export function normaliseQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”„«»"'‘’]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?!.。？！]+$/u, '');
}

export function cacheKey(parts: CacheKeyParts): string {
  const organisations = [...new Set((parts.organisations ?? []).map((name) => name.trim().toLowerCase()).filter(Boolean))].sort();
  const normal = {
    ...parts,
    answerVersion: ANSWER_VERSION,
    question: normaliseQuestion(parts.question),
    organisation: parts.organisation?.trim().toLowerCase() ?? '',
    // Only when given, so the keys of answers without them stay as they were.
    organisations: organisations.length > 0 ? organisations : undefined,
    from: parts.from?.trim() ?? '',
    to: parts.to?.trim() ?? '',
  };
  return createHash('sha256').update(JSON.stringify(normal)).digest('hex');
}

/**
 * The answer cache in SQLite (table answer_cache, migration 0003). Reads and
 * writes never fail an answer: a read-only database or a locked one just means
 * no caching (logged once per kind).
 */
export class AnswerCache {
  private warned = false;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
  ) {}

  async get(key: string): Promise<AnswerResult | undefined> {
    try {
      const row = await this.db.get<{ result: string }>('SELECT result FROM answer_cache WHERE key = ?', [key]);
      if (!row) return undefined;
      if (!this.db.readonly) await this.db.run('UPDATE answer_cache SET hits = hits + 1, last_used_at = ? WHERE key = ?', [new Date().toISOString(), key]);
      return JSON.parse(row.result) as AnswerResult;
    } catch (error) {
      this.warnOnce(error, 'answer cache read failed');
      return undefined;
    }
  }

  async put(key: string, corpusVersion: number, result: AnswerResult): Promise<void> {
    if (this.db.readonly) return;
    const now = new Date().toISOString();
    try {
      await this.db.run(
        `INSERT INTO answer_cache (key, corpus_version, result, created_at, last_used_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET corpus_version = excluded.corpus_version, result = excluded.result, created_at = excluded.created_at, last_used_at = excluded.last_used_at`,
        [key, corpusVersion, JSON.stringify(result), now, now],
      );
      await this.db.run('DELETE FROM answer_cache WHERE corpus_version <> ?', [corpusVersion]);
      await this.db.run('DELETE FROM answer_cache WHERE key IN (SELECT key FROM answer_cache ORDER BY last_used_at DESC LIMIT -1 OFFSET ?)', [MAX_CACHED_ANSWERS]);
    } catch (error) {
      this.warnOnce(error, 'answer cache write failed');
    }
  }

  /** Forget one answer (made without what a later ask will have). */
  async delete(key: string): Promise<void> {
    if (this.db.readonly) return;
    try {
      await this.db.run('DELETE FROM answer_cache WHERE key = ?', [key]);
    } catch (error) {
      this.warnOnce(error, 'answer cache write failed');
    }
  }

  private warnOnce(error: unknown, message: string): void {
    if (this.warned) return;
    this.warned = true;
    this.log.warn({ err: error }, `${message}; answering without the cache`);
  }
}
