import { InputError } from '../document.js';
import { absoluteHttpUrl, parseXml, textOf, type XmlNode } from './xml.js';

/** A page a sitemap lists, with its <lastmod> (ISO 8601, UTC) when given. */
export interface SitemapPage {
  url: string;
  lastModified?: string;
}

/** A sitemap lists pages; a sitemap index lists further sitemaps. */
export type Sitemap = { kind: 'urlset'; pages: SitemapPage[] } | { kind: 'index'; sitemaps: string[] };

/** The protocol's own limit per sitemap file (sitemaps.org). */
export const MAX_SITEMAP_URLS = 50_000;

/**
 * A sitemap.xml (<urlset>) or sitemap index (<sitemapindex>), with locations
 * made absolute against its URL and duplicates dropped. Anything else is an
 * {@link InputError} naming what it is instead.
 */
export function parseSitemap(text: string, sitemapUrl: string): Sitemap {
  const root = parseXml(text, sitemapUrl);
  const urlset = root.urlset as XmlNode | undefined;
  const index = root.sitemapindex as XmlNode | undefined;
  if (urlset && typeof urlset === 'object') {
    const pages = new Map<string, SitemapPage>();
    for (const node of locations(urlset.url)) {
      const url = absoluteHttpUrl(textOf(node.loc), sitemapUrl);
      const lastModified = instant(textOf(node.lastmod));
      if (url && !pages.has(url)) pages.set(url, { url, ...(lastModified ? { lastModified } : {}) });
    }
    return { kind: 'urlset', pages: [...pages.values()] };
  }
  if (index && typeof index === 'object') {
    const sitemaps = locations(index.sitemap).map((node) => absoluteHttpUrl(textOf(node.loc), sitemapUrl));
    return { kind: 'index', sitemaps: [...new Set(sitemaps.filter((url): url is string => url !== undefined))] };
  }
  const name = Object.keys(root).find((key) => !key.startsWith('?')) ?? 'nothing';
  throw new InputError(sitemapUrl, `not a sitemap (its root element is <${name}>, not <urlset> or <sitemapindex>)`);
}

function locations(value: unknown): XmlNode[] {
  const nodes = Array.isArray(value) ? value : value ? [value] : [];
  return nodes.filter((node): node is XmlNode => typeof node === 'object' && node !== null).slice(0, MAX_SITEMAP_URLS);
}

/** "2021-08-25" or "2021-08-25T12:00:00+00:00" → "2021-08-25T12:00:00.000Z", comparable as text with the checks' times. */
function instant(value: string | undefined): string | undefined {
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
