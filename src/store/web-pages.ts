import type { Database } from './database.js';

/** What the intake knows about one page URL (web_pages). */
export interface WebPageState {
  url: string;
  statementId: number | null;
  etag: string | null;
  lastModified: string | null;
  /** sha256 (hex) of the last body fetched. */
  bodyHash: string | null;
  /** JSON of the metadata given with it last time. */
  given: string | null;
  lastCheckedAt: string | null;
  lastStatus: PageStatus | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** ISO 8601; null: whenever its source is refreshed. */
  nextDueAt: string | null;
}

/** How the page's last check went; 'removed': its statement was removed from the corpus since (a refresh leaves it out). */
export type PageStatus = 'added' | 'changed' | 'unchanged' | 'failed' | 'removed';

export async function findWebPage(db: Database, url: string): Promise<WebPageState | undefined> {
  return db.get<WebPageState>(
    `SELECT url, statement_id AS statementId, etag, last_modified AS lastModified, body_hash AS bodyHash, given, last_checked_at AS lastCheckedAt,
       last_status AS lastStatus, last_error AS lastError, consecutive_failures AS consecutiveFailures, next_due_at AS nextDueAt
     FROM web_pages WHERE url = ?`,
    [url],
  );
}

/** A successful check: what the server said, and the statement it is. */
export interface PageSuccess {
  url: string;
  status: Exclude<PageStatus, 'failed' | 'removed'>;
  statementId: number | null;
  /** Validators and hash; undefined keeps the stored ones (a 304 may not repeat them). */
  etag?: string | null;
  lastModified?: string | null;
  bodyHash?: string;
  given: string | null;
  checkedAt: Date;
}

/** Record a successful check (inside or outside a transaction): failures reset, due with its source again. */
export async function recordPageSuccess(db: Database, page: PageSuccess): Promise<void> {
  await db.run(
    `INSERT INTO web_pages (url, statement_id, etag, last_modified, body_hash, given, last_checked_at, last_status, last_error, consecutive_failures, next_due_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, 0, NULL)
     ON CONFLICT (url) DO UPDATE SET statement_id = coalesce(?2, statement_id),
       etag = CASE WHEN ?9 THEN etag ELSE ?3 END,
       last_modified = CASE WHEN ?10 THEN last_modified ELSE ?4 END,
       body_hash = coalesce(?5, body_hash), given = ?6, last_checked_at = ?7, last_status = ?8, last_error = NULL, consecutive_failures = 0, next_due_at = NULL`,
    [
      page.url,
      page.statementId,
      page.etag ?? null,
      page.lastModified ?? null,
      page.bodyHash ?? null,
      page.given,
      page.checkedAt.toISOString(),
      page.status,
      page.etag === undefined ? 1 : 0,
      page.lastModified === undefined ? 1 : 0,
    ],
  );
}

/** A failed check: the reason, one more consecutive failure, and when it may be asked again. */
export async function recordPageFailure(db: Database, url: string, reason: string, checkedAt: Date, nextDueAt: Date | null): Promise<number> {
  await db.run(
    `INSERT INTO web_pages (url, last_checked_at, last_status, last_error, consecutive_failures, next_due_at) VALUES (?1, ?2, 'failed', ?3, 1, ?4)
     ON CONFLICT (url) DO UPDATE SET last_checked_at = ?2, last_status = 'failed', last_error = ?3, consecutive_failures = consecutive_failures + 1, next_due_at = ?4`,
    [url, checkedAt.toISOString(), reason, nextDueAt?.toISOString() ?? null],
  );
  const row = await db.get<{ failures: number }>('SELECT consecutive_failures AS failures FROM web_pages WHERE url = ?', [url]);
  return row?.failures ?? 1;
}
