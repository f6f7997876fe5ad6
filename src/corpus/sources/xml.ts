import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { webUrlKey } from '../../web/web-url.js';
import { InputError } from '../document.js';

/** Elements that may repeat: always arrays, so one item and many read the same. */
const REPEATED = new Set(['item', 'entry', 'link', 'url', 'sitemap']);

/**
 * fast-xml-parser set up for feeds and sitemaps: namespace prefixes dropped
 * ("dc:date" → "date", Atom's default namespace alike), values kept as text
 * (a title "2021" stays a string), attributes under "@_". Entity expansion
 * keeps the library's limits, so a "billion laughs" document is refused
 * rather than expanded; external entities are never fetched.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

export type XmlNode = Record<string, unknown>;

/** Parse a feed's or sitemap's XML, or say in one line why it isn't XML. */
export function parseXml(text: string, where: string): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new InputError(where, `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    throw new InputError(where, `XML could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** An element's text, whether it has attributes ("#text") or not; undefined when empty. */
export function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return textOf((value as XmlNode)['#text']);
  return undefined;
}

/** The key ({@link webUrlKey}) of the http(s) URL `link` makes relative to `base` ("…/x#comments" is "…/x"), or undefined for anything else (mailto:, javascript:, junk). */
export function absoluteHttpUrl(link: string | undefined, base: string): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return webUrlKey(url.href);
  } catch {
    return undefined;
  }
}

/** A feed's or sitemap's date ("Fri, 10 Sep 2021 09:00:00 GMT", "2021-09-10T09:00:00Z", "2021-09-10") → "2021-09-10". */
export function feedDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value);
  if (iso) return iso[1];
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}
