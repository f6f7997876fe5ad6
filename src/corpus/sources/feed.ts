import { parse as parseHtml } from 'node-html-parser';
import { InputError } from '../document.js';
import { absoluteHttpUrl, feedDate, parseXml, textOf, type XmlNode } from './xml.js';

/** One feed item: where its page is, and what the feed says about it (used where the page itself doesn't say). */
export interface FeedEntry {
  url: string;
  title?: string;
  /** ISO 8601 day. */
  date?: string;
}

/** Entries read from one feed, at most. A larger feed is a site dump, better followed by its sitemap. */
export const MAX_FEED_ENTRIES = 10_000;

export interface ParsedFeed {
  entries: FeedEntry[];
  /** Items left out — no web link nor attachment, or past MAX_FEED_ENTRIES — counted so the report can say so. */
  leftOut: number;
}

/**
 * The entries of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, in the feed's order,
 * with links made absolute against the feed's URL. An item whose only
 * address is its attachment (an <enclosure>, a PDF) is that attachment, not
 * dropped; items with no usable http(s) address at all are counted as left
 * out; a link listed twice counts once. A document that is not a feed is an
 * {@link InputError} naming what it is instead.
 */
export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  const root = parseXml(text, feedUrl);
  let items: XmlNode[];
  let read: (item: XmlNode) => FeedEntry | undefined;
  if (isNode(root.rss)) {
    items = asNodes((root.rss.channel as XmlNode | undefined)?.item);
    read = (item) => rssEntry(item, feedUrl);
  } else if (isNode(root.RDF)) {
    items = asNodes(root.RDF.item);
    read = (item) => rssEntry(item, feedUrl);
  } else if (isNode(root.feed)) {
    items = asNodes(root.feed.entry);
    read = (item) => atomEntry(item, feedUrl);
  } else {
    const name = Object.keys(root).find((key) => !key.startsWith('?')) ?? 'nothing';
    throw new InputError(feedUrl, `not an RSS or Atom feed (its root element is <${name}>)`);
  }
  const seen = new Set<string>();
  const entries: FeedEntry[] = [];
  let leftOut = Math.max(0, items.length - MAX_FEED_ENTRIES);
  for (const item of items.slice(0, MAX_FEED_ENTRIES)) {
    const entry = read(item);
    if (!entry) leftOut++;
    if (!entry || seen.has(entry.url)) continue;
    seen.add(entry.url);
    entries.push(entry);
  }
  return { entries, leftOut };
}

/** RSS: <link>, else a permalink <guid>, else its <enclosure>; <pubDate> or Dublin Core <dc:date>. */
function rssEntry(item: XmlNode, base: string): FeedEntry | undefined {
  const guid = item.guid;
  const guidIsLink = !(isNode(guid) && guid['@_isPermaLink'] === 'false');
  const enclosure = asNodes(item.enclosure)[0]?.['@_url'] as string | undefined;
  const url = absoluteHttpUrl(textOf(item.link), base) ?? (guidIsLink ? absoluteHttpUrl(textOf(guid), base) : undefined) ?? absoluteHttpUrl(enclosure, base);
  if (!url) return undefined;
  return withMetadata(url, textOf(item.title), feedDate(textOf(item.pubDate) ?? textOf(item.date)));
}

/** Atom: the rel="alternate" link (or one without rel), else its enclosure; <published>, else <updated>. */
function atomEntry(entry: XmlNode, base: string): FeedEntry | undefined {
  const links = asNodes(entry.link);
  const link = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? links.find((l) => l['@_rel'] === 'enclosure');
  const url = absoluteHttpUrl(link?.['@_href'] as string | undefined, base);
  if (!url) return undefined;
  return withMetadata(url, textOf(entry.title), feedDate(textOf(entry.published) ?? textOf(entry.updated)));
}

function withMetadata(url: string, rawTitle: string | undefined, date: string | undefined): FeedEntry {
  // Atom's type="html" titles and RSS titles in CDATA may carry markup and HTML entities
  // (WordPress writes "Russia&#8217;s"): the title is its text.
  const title = rawTitle === undefined ? undefined : parseHtml(rawTitle).text.replace(/\s+/g, ' ').trim();
  return { url, ...(title ? { title } : {}), ...(date ? { date } : {}) };
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asNodes(value: unknown): XmlNode[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter(isNode);
}
