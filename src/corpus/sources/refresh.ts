import { log as defaultLog, type Logger } from '../../log.js';
import { recordCorpusChange, REFRESH_ACTOR } from '../../store/corpus-changes.js';
import type { Database } from '../../store/database.js';
import { findWebPage } from '../../store/web-pages.js';
import { listWebSources, recordSourceRefresh, sourceEntries, type RefreshCounts, type SourceEntry, type WebSource } from '../../store/web-sources.js';
import type { WebFetcher } from '../../web/fetcher.js';
import { webUrlKey } from '../../web/web-url.js';
import { pageFailureReason, retryAfterSeconds } from '../intake/failures.js';
import { mergeIndexIfWorthIt } from '../index-merge.js';
import { ingestKnownUrl } from '../intake/url.js';
import { decidePage } from './page-decision.js';
import { listSource } from './read-source.js';

/** Pages fetched at once. The fetcher paces each host on its own, so this only overlaps different hosts. */
export const REFRESH_CONCURRENCY = 4;

export interface RefreshOptions {
  /** Refresh every source and page now, due or not, and fetch without validators. */
  force?: boolean;
  /** Only these sources (by URL, in any spelling of it), due or not (named on the command line); default: every followed source that is due. */
  only?: readonly string[];
  concurrency?: number;
  now?: () => Date;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, label: string) => void;
  log?: Logger;
}

/** What a refresh did: pages added, changed, unchanged, failed (each with its reason), and what it left for later. */
export interface RefreshReport extends RefreshCounts {
  failures: { url: string; reason: string }[];
  /** Pages not asked this time: their host asked us to wait (429), or an earlier failure put them off. */
  deferred: { url: string; until: string }[];
  sources: { url: string; kind: WebSource['kind']; list: 'not-modified' | 'read' | 'failed'; counts: RefreshCounts; leftOut?: number }[];
  /** Sources not due yet. */
  notDue: number;
  /** Pages counted unchanged without a request: their sitemap's <lastmod> is older than their last check. */
  notAsked: number;
  /** Pages whose statement was removed from the corpus: left out (ingesting the URL by name adds it back). */
  removed: string[];
}

/**
 * Work through the followed sources that are due (all with `force`): each
 * feed or sitemap is asked conditionally, and each of its pages goes through
 * {@link ingestUrl} — conditional requests, so an unchanged page costs one 304
 * and writes nothing. A failing page is counted with its reason and the
 * others go on; after a 429 the rest of that host waits for the next refresh
 * (at the time its Retry-After asked). Each source is then due again after its
 * interval.
 */
export async function refreshSources(db: Database, fetcher: Pick<WebFetcher, 'fetch'>, options: RefreshOptions = {}): Promise<RefreshReport> {
  const clock = options.now ?? (() => new Date());
  const log = options.log ?? defaultLog;
  const report: RefreshReport = { added: 0, changed: 0, unchanged: 0, failed: 0, failures: [], deferred: [], sources: [], notDue: 0, notAsked: 0, removed: [] };
  const only = options.only?.map(webUrlKey);
  const all = (await listWebSources(db)).filter((source) => !only || only.includes(source.url));
  const due = all.filter((source) => options.force || options.only || source.nextDueAt === null || source.nextDueAt <= clock().toISOString());
  report.notDue = all.length - due.length;
  /** Hosts that answered 429, until when. */
  const heldHosts = new Map<string, Date>();
  let done = 0;
  let total = 0;

  for (const source of due) {
    const counts: RefreshCounts = { added: 0, changed: 0, unchanged: 0, failed: 0 };
    const fail = (url: string, error: unknown) => {
      const reason = pageFailureReason(error);
      counts.failed++;
      report.failures.push({ url, reason });
      log.debug({ url, reason }, 'refresh: page failed');
    };
    let entries: SourceEntry[] = [];
    let list: RefreshReport['sources'][number]['list'];
    let leftOut: number | undefined;
    try {
      ({ entries, list, leftOut } = await listSource(db, fetcher, source, options));
    } catch (error) {
      options.signal?.throwIfAborted();
      fail(source.url, error);
      list = 'failed';
      // The list could not be read this time; the pages it listed last time are still worth checking.
      entries = await sourceEntries(db, source.id);
    }
    total += entries.length;
    const checkEntry = async (listed: SourceEntry): Promise<void> => {
      // Parsed feeds and sitemaps list keys already; a page source, or an entry stored before keys, may not.
      const entry = { ...listed, url: webUrlKey(listed.url) };
      const host = new URL(entry.url).host;
      const page = await findWebPage(db, entry.url);
      const decision = options.force ? ({ ask: true } as const) : decidePage(entry, page, heldHosts.get(host), clock());
      if (!decision.ask && 'deferredUntil' in decision) {
        report.deferred.push({ url: entry.url, until: decision.deferredUntil });
      } else if (!decision.ask && 'removed' in decision) {
        report.removed.push(entry.url);
      } else if (!decision.ask) {
        // Its sitemap says it hasn't changed since it was checked: not even a conditional request.
        counts.unchanged++;
        report.notAsked++;
      } else {
        try {
          const result = await ingestKnownUrl(db, fetcher, entry.url, page, { given: source.defaults, givenBy: source.origin === 'cli' ? 'admin' : 'sources-file', feed: entry.metadata, force: options.force, signal: options.signal, log, now: clock });
          counts[result.status]++;
          // Shown in /corpus status beside the admins' changes: a page that changed on its own is a change too.
          if (result.status !== 'unchanged') {
            const change = { at: clock().toISOString(), actor: REFRESH_ACTOR, action: result.status === 'added' ? 'add' : 'update', statementId: result.statementId, statementTitle: result.title, field: null, oldValue: null, newValue: entry.url } as const;
            await db.transaction(() => recordCorpusChange(db, change));
          }
        } catch (error) {
          // Stopped (the bot shutting down): not a failure of the page, and the rest is not to be asked.
          options.signal?.throwIfAborted();
          const wait = retryAfterSeconds(error);
          if (wait !== undefined) heldHosts.set(host, new Date(clock().getTime() + wait * 1000));
          fail(entry.url, error);
        }
      }
      options.onProgress?.(++done, total, entry.url);
    };
    await inPool(entries, options.concurrency ?? REFRESH_CONCURRENCY, checkEntry);
    const at = clock();
    await recordSourceRefresh(db, source.id, {
      status: list === 'failed' ? 'failed' : list === 'read' ? 'ok' : 'not-modified',
      error: list === 'failed' ? (report.failures.find((failure) => failure.url === source.url)?.reason ?? null) : null,
      counts,
      at,
      nextDueAt: new Date(at.getTime() + source.intervalSeconds * 1000),
    });
    for (const key of ['added', 'changed', 'unchanged', 'failed'] as const) report[key] += counts[key];
    report.sources.push({ url: source.url, kind: source.kind, list, counts, ...(leftOut ? { leftOut } : {}) });
  }
  // As after a file ingest: many statements written one transaction each leave the indexes in many segments.
  if (report.added + report.changed > 0) await mergeIndexIfWorthIt(db);
  return report;
}

/** Run `work` over `items`, at most `size` at a time, in order of start. */
async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
