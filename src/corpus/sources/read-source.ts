import type { Database } from '../../store/database.js';
import { recordSourceBody, replaceSourceEntries, sourceEntries, type SourceEntry, type WebSource } from '../../store/web-sources.js';
import type { WebFetcher } from '../../web/fetcher.js';
import { bodyHash } from '../intake/save.js';
import { parseFeed } from './feed.js';
import { MAX_SITEMAP_URLS, parseSitemap, type Sitemap, type SitemapPage } from './sitemap.js';

/** Sitemaps read below one sitemap index, at most (each may list 50,000 pages). */
export const MAX_CHILD_SITEMAPS = 50;
/** What a feed or sitemap is fetched as (the fetcher's 'feed' takes RSS, Atom and any XML). */
const LIST_KINDS = ['feed'] as const;

/** The entries a followed source stands for now, and whether its list had to be read afresh. */
export interface SourceListing {
  entries: SourceEntry[];
  /** 'not-modified': a 304 or the same body, the stored entries stand; 'read': the list was parsed anew. */
  list: 'not-modified' | 'read';
  /** Feed items with no web address (or past the limit), when the list was read. */
  leftOut?: number;
}

/**
 * The pages a followed source stands for. A page is itself. A feed or sitemap
 * is asked conditionally with its stored validators: a 304, or a body hashing
 * as before, means the stored entries stand (their pages are still checked:
 * a page can change without its feed entry changing). Otherwise it is parsed
 * and its entries replace the stored ones; a sitemap index's sitemaps are read
 * too. A failure is thrown (the caller counts it).
 */
export async function listSource(db: Database, fetcher: Pick<WebFetcher, 'fetch'>, source: WebSource, options: { force?: boolean; signal?: AbortSignal } = {}): Promise<SourceListing> {
  if (source.kind === 'page') return { entries: [{ url: source.url, metadata: {} }], list: 'not-modified' };
  const conditional = !options.force && source.bodyHash !== null;
  const response = await fetcher.fetch(
    { url: source.url, accept: [...LIST_KINDS], ...(conditional && source.etag ? { etag: source.etag } : {}), ...(conditional && source.lastModified ? { lastModified: source.lastModified } : {}) },
    options.signal,
  );
  if (response.status === 'not-modified') return { entries: await sourceEntries(db, source.id), list: 'not-modified' };
  const hash = bodyHash(response.body);
  const validators = { etag: response.etag ?? null, lastModified: response.lastModified ?? null, bodyHash: hash };
  if (conditional && hash === source.bodyHash) {
    await recordSourceBody(db, source.id, validators);
    return { entries: await sourceEntries(db, source.id), list: 'not-modified' };
  }
  const text = decodeBody(response.body, response.charset);
  const feed = source.kind === 'feed' ? parseFeed(text, response.url) : undefined;
  const entries = feed ? feed.entries.map(({ url, ...metadata }) => ({ url, metadata })) : await sitemapEntries(fetcher, parseSitemap(text, response.url), options.signal);
  await replaceSourceEntries(db, source.id, entries);
  await recordSourceBody(db, source.id, validators);
  return { entries, list: 'read', ...(feed?.leftOut ? { leftOut: feed.leftOut } : {}) };
}

/** A sitemap's pages, or those of the sitemaps an index lists (one level: an index of indexes is not followed further). */
async function sitemapEntries(fetcher: Pick<WebFetcher, 'fetch'>, sitemap: Sitemap, signal: AbortSignal | undefined): Promise<SourceEntry[]> {
  if (sitemap.kind === 'urlset') return sitemap.pages.map(toEntry);
  const entries = new Map<string, SourceEntry>();
  for (const url of sitemap.sitemaps.slice(0, MAX_CHILD_SITEMAPS)) {
    const response = await fetcher.fetch({ url, accept: [...LIST_KINDS] }, signal);
    if (response.status !== 'fetched') continue;
    const child = parseSitemap(decodeBody(response.body, response.charset), response.url);
    if (child.kind !== 'urlset') continue;
    for (const page of child.pages) if (!entries.has(page.url)) entries.set(page.url, toEntry(page));
    // One source is at most what one sitemap may list: at one request a second that is already half a day.
    if (entries.size >= MAX_SITEMAP_URLS) break;
  }
  return [...entries.values()].slice(0, MAX_SITEMAP_URLS);
}

/** A sitemap's <lastmod> is when the page last changed, not the statement's date: it is no metadata, only a hint whether to ask. */
function toEntry(page: SitemapPage): SourceEntry {
  return { url: page.url, metadata: {}, ...(page.lastModified ? { lastModified: page.lastModified } : {}) };
}

/** The feed's text in the charset its response declared (UTF-8 when none, as XML's default). */
function decodeBody(body: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
