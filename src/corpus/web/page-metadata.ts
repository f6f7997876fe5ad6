import { normaliseDate } from '../dates.js';

/**
 * What a web page says about itself, read from its markup before any
 * extraction touches it, most trusted first: schema.org JSON-LD (what news and
 * WordPress sites emit for search engines), Open Graph / article meta tags, the
 * Dublin Core and citation tags of archives and journals, a `<time datetime>`,
 * `<link rel=canonical>` and `<html lang>`.
 */
export interface PageMetadata {
  title?: string;
  date?: string;
  /** The organisation that wrote it: a JSON-LD author that is an Organization. */
  author?: string;
  /** The organisation that published it: JSON-LD publisher, else og:site_name. */
  publisher?: string;
  language?: string;
  canonical?: string;
}

/** The DOM surface read here (linkedom's, and any browser's). */
export interface PageElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
export interface PageDocument {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}

type JsonObject = Record<string, unknown>;

/** Schema.org types a statement is published as. */
const ARTICLE_TYPE = /^(Article|NewsArticle|BlogPosting|Report|ScholarlyArticle|WebPage|PressRelease|OpinionNewsArticle|AnalysisNewsArticle|ReportageNewsArticle|CreativeWork|SocialMediaPosting|DigitalDocument)$/;
const DATE_META = ['article:published_time', 'og:article:published_time', 'datePublished', 'date', 'pubdate', 'publish-date', 'publication_date', 'citation_publication_date', 'citation_date', 'DC.date.issued', 'DC.date', 'dcterms.date', 'dcterms.issued', 'parsely-pub-date', 'sailthru.date'];
/** Most specific first; a bare `<time>` outside the article (a comment's, a sidebar's) is not the statement's date. */
const TIME_SELECTORS = ['time[itemprop=datePublished][datetime]', 'time[pubdate][datetime]', 'time.published[datetime]', 'time.entry-date[datetime]', 'article header time[datetime]', 'article time[datetime]', 'main time[datetime]'];
const TITLE_META = ['og:title', 'twitter:title', 'citation_title', 'DC.title', 'dcterms.title'];

export function readPageMetadata(document: PageDocument, pageUrl: string): PageMetadata {
  const article = jsonLdArticle(document);
  const meta = metaValues(document);
  const first = (names: string[]) => names.map((name) => meta.get(name.toLowerCase())).find((value) => value);
  const timeElement = TIME_SELECTORS.map((selector) => document.querySelector(selector)).find((element) => element);
  const dates = [text(article?.datePublished), text(article?.dateCreated), first(DATE_META), timeElement?.getAttribute('datetime') ?? undefined];
  const publisher = organisationName(article?.publisher, true) ?? first(['og:site_name', 'application-name']);
  return {
    title: withoutSiteName(text(article?.headline) ?? text(article?.name) ?? first(TITLE_META), publisher),
    date: dates.map((value) => (value ? normaliseDate(value) : undefined)).find((value) => value),
    author: organisationName(article?.author),
    publisher,
    language: languageCode(document.querySelector('html')?.getAttribute('lang') ?? first(['og:locale', 'language', 'DC.language', 'content-language'])),
    canonical: sameSiteUrl(document.querySelector('link[rel=canonical]')?.getAttribute('href') ?? first(['og:url']), pageUrl),
  };
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const squashed = value.replace(/\s+/g, ' ').trim();
  return squashed === '' ? undefined : squashed;
}

/** "No to intervention! | ICOR" → "No to intervention!": sites append their name to og:title as to <title>. */
function withoutSiteName(title: string | undefined, siteName: string | undefined): string | undefined {
  if (!title || !siteName) return title;
  for (const separator of [' | ', ' – ', ' — ', ' - ', ' :: ', ' · ']) {
    if (title.endsWith(separator + siteName)) return title.slice(0, -(separator + siteName).length).trim() || title;
    if (title.startsWith(siteName + separator)) return title.slice((siteName + separator).length).trim() || title;
  }
  return title;
}

/** `<meta name|property|itemprop=… content=…>`, by lower-cased name, first one winning. */
function metaValues(document: PageDocument): Map<string, string> {
  const values = new Map<string, string>();
  for (const element of document.querySelectorAll('meta[content]')) {
    const name = element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? element.getAttribute('http-equiv');
    const content = text(element.getAttribute('content'));
    if (name && content && !values.has(name.toLowerCase())) values.set(name.toLowerCase(), content);
  }
  return values;
}

/** The first JSON-LD object of an article type, looking inside arrays and `@graph`; malformed blocks are skipped. */
function jsonLdArticle(document: PageDocument): JsonObject | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // sites ship broken JSON-LD; the meta tags still count
    }
    const found = flatten(parsed).find((node) => [node['@type']].flat().some((type) => typeof type === 'string' && ARTICLE_TYPE.test(type)));
    if (found) return found;
  }
  return undefined;
}

function flatten(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value === null || typeof value !== 'object') return [];
  const node = value as JsonObject;
  return [node, ...flatten(node['@graph'])];
}

/** An organisation's name from a JSON-LD author or publisher; a Person author is no organisation (unless any type will do). */
function organisationName(value: unknown, anyType = false): string | undefined {
  for (const candidate of [value].flat()) {
    if (typeof candidate === 'string') {
      if (anyType) return text(candidate);
      continue;
    }
    if (candidate === null || typeof candidate !== 'object') continue;
    const node = candidate as JsonObject;
    const isOrganisation = [node['@type']].flat().some((type) => typeof type === 'string' && /Organization|Corporation|NGO|PoliticalParty|NewsMediaOrganization/.test(type));
    if (isOrganisation || (anyType && node['@type'] === undefined)) {
      const name = text(node.name);
      if (name) return name;
    }
  }
  return undefined;
}

/** "en-GB", "en_US", "fr" → ISO 639-1 ("en", "fr"); anything else → undefined. */
export function languageCode(value: string | null | undefined): string | undefined {
  const match = /^\s*([a-z]{2})(?:[-_][a-z0-9]+)*\s*$/i.exec(value ?? '');
  return match ? match[1]!.toLowerCase() : undefined;
}

/**
 * A canonical URL, absolute, when it is on the page's own site: a canonical
 * pointing elsewhere (syndication, a misconfigured CMS) is not where we read
 * the statement, so the fetched URL stands.
 */
function sameSiteUrl(href: string | null | undefined, pageUrl: string): string | undefined {
  if (!href) return undefined;
  try {
    const canonical = new URL(href, pageUrl);
    const page = new URL(pageUrl);
    const site = (host: string) => host.replace(/^www\./, '');
    if (!/^https?:$/.test(canonical.protocol) || site(canonical.hostname) !== site(page.hostname)) return undefined;
    canonical.hash = '';
    return canonical.href;
  } catch {
    return undefined;
  }
}
