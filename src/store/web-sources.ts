import type { Database } from './database.js';

export type WebSourceKind = 'page' | 'feed' | 'sitemap';
export type WebSourceOrigin = 'sources-file' | 'cli';

/** A followed feed, sitemap or page, as declared. */
export interface WebSourceDeclaration {
  url: string;
  kind: WebSourceKind;
  origin: WebSourceOrigin;
  /** Metadata given to every statement from it (organisation, language, …). */
  defaults: Record<string, string>;
  intervalSeconds: number;
}

/** A followed source as stored, with what its last refresh found. */
export interface WebSource extends WebSourceDeclaration {
  id: number;
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  lastRefreshedAt: string | null;
  nextDueAt: string | null;
  lastStatus: string | null;
  lastError: string | null;
  counts: RefreshCounts;
}

export interface RefreshCounts {
  added: number;
  changed: number;
  unchanged: number;
  failed: number;
}

/** One entry a feed or sitemap listed: its link and what the feed said about it. */
export interface SourceEntry {
  url: string;
  metadata: { title?: string; date?: string };
  /** When the sitemap says the page last changed (ISO 8601), if it says. */
  lastModified?: string;
}

const SELECT_SOURCE = `SELECT id, url, kind, origin, defaults, interval_seconds AS intervalSeconds, etag, last_modified AS lastModified, body_hash AS bodyHash,
  last_refreshed_at AS lastRefreshedAt, next_due_at AS nextDueAt, last_status AS lastStatus, last_error AS lastError, added, changed, unchanged, failed
  FROM web_sources`;

type SourceRow = Omit<WebSource, 'defaults' | 'counts'> & RefreshCounts & { defaults: string };

function fromRow({ added, changed, unchanged, failed, defaults, ...row }: SourceRow): WebSource {
  return { ...row, defaults: JSON.parse(defaults) as Record<string, string>, counts: { added, changed, unchanged, failed } };
}

/** Follow a source, or update how it is followed (kind, defaults, interval); what its refreshes found stays. */
export async function followWebSource(db: Database, source: WebSourceDeclaration): Promise<number> {
  await db.run(
    `INSERT INTO web_sources (url, kind, origin, defaults, interval_seconds) VALUES (?1, ?2, ?3, ?4, ?5)
     ON CONFLICT (url) DO UPDATE SET kind = ?2, origin = ?3, defaults = ?4, interval_seconds = ?5`,
    [source.url, source.kind, source.origin, JSON.stringify(source.defaults), source.intervalSeconds],
  );
  const row = await db.get<{ id: number }>('SELECT id FROM web_sources WHERE url = ?', [source.url]);
  return row!.id;
}

/** Stop following the sources from `origin` that are not in `urls` (taken out of the sources file); their statements stay. */
export async function unfollowWebSourcesExcept(db: Database, origin: WebSourceOrigin, urls: readonly string[]): Promise<string[]> {
  const rows = await db.all<{ id: number; url: string }>('SELECT id, url FROM web_sources WHERE origin = ?', [origin]);
  const keep = new Set(urls);
  const gone = rows.filter((row) => !keep.has(row.url));
  for (const row of gone) await db.run('DELETE FROM web_sources WHERE id = ?', [row.id]);
  return gone.map((row) => row.url);
}

/** Stop following one source (its entries go with it); its statements stay. */
export async function unfollowWebSource(db: Database, url: string): Promise<void> {
  await db.run('DELETE FROM web_sources WHERE url = ?', [url]);
}

export async function listWebSources(db: Database): Promise<WebSource[]> {
  return (await db.all<SourceRow>(`${SELECT_SOURCE} ORDER BY id`)).map(fromRow);
}

export async function findWebSource(db: Database, url: string): Promise<WebSource | undefined> {
  const row = await db.get<SourceRow>(`${SELECT_SOURCE} WHERE url = ?`, [url]);
  return row ? fromRow(row) : undefined;
}

/** The feed's or sitemap's own validators and body hash, after a fetch that returned a body. */
export async function recordSourceBody(db: Database, id: number, body: { etag: string | null; lastModified: string | null; bodyHash: string }): Promise<void> {
  await db.run('UPDATE web_sources SET etag = ?, last_modified = ?, body_hash = ? WHERE id = ?', [body.etag, body.lastModified, body.bodyHash, id]);
}

/** How a refresh of the source went, and when it is due next. */
export async function recordSourceRefresh(
  db: Database,
  id: number,
  refresh: { status: 'ok' | 'not-modified' | 'failed'; error: string | null; counts: RefreshCounts; at: Date; nextDueAt: Date },
): Promise<void> {
  const { added, changed, unchanged, failed } = refresh.counts;
  await db.run(
    `UPDATE web_sources SET last_refreshed_at = ?, next_due_at = ?, last_status = ?, last_error = ?, added = ?, changed = ?, unchanged = ?, failed = ? WHERE id = ?`,
    [refresh.at.toISOString(), refresh.nextDueAt.toISOString(), refresh.status, refresh.error, added, changed, unchanged, failed, id],
  );
}

/** Replace the entries a feed or sitemap listed, in its order (one transaction). */
export async function replaceSourceEntries(db: Database, id: number, entries: readonly SourceEntry[]): Promise<void> {
  await db.transaction(async () => {
    await db.run('DELETE FROM web_source_entries WHERE source_id = ?', [id]);
    if (entries.length === 0) return;
    const rows = entries.map((entry, position) => [entry.url, position, JSON.stringify(entry.metadata), entry.lastModified ?? null]);
    await db.run(
      `INSERT OR IGNORE INTO web_source_entries (source_id, url, position, metadata, last_modified)
       SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)`,
      [id, JSON.stringify(rows)],
    );
  });
}

/** The entries the source listed when last read, in its order. */
export async function sourceEntries(db: Database, id: number): Promise<SourceEntry[]> {
  const rows = await db.all<{ url: string; metadata: string; lastModified: string | null }>('SELECT url, metadata, last_modified AS lastModified FROM web_source_entries WHERE source_id = ? ORDER BY position', [id]);
  return rows.map((row) => ({ url: row.url, metadata: JSON.parse(row.metadata) as SourceEntry['metadata'], ...(row.lastModified ? { lastModified: row.lastModified } : {}) }));
}
