/** What a caller will accept. feed = RSS, Atom, RDF and other XML (sitemaps); text = plain text, Markdown, JSON lines. */
export type ContentKind = 'html' | 'pdf' | 'feed' | 'text' | 'robots' | 'any';

const MIME_TYPES: Record<Exclude<ContentKind, 'any'>, readonly string[]> = {
  html: ['text/html', 'application/xhtml+xml'],
  pdf: ['application/pdf', 'application/x-pdf'],
  feed: ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml'],
  text: ['text/plain', 'text/markdown', 'text/x-markdown', 'application/jsonl', 'application/x-jsonlines', 'application/x-ndjson', 'application/jsonlines'],
  robots: ['text/plain'],
};

/** What each kind is called in a message to a user. */
const KIND_NAMES: Record<ContentKind, string> = {
  html: 'a web page',
  pdf: 'a PDF',
  feed: 'a feed or sitemap',
  text: 'a text file',
  robots: 'a robots.txt',
  any: 'anything',
};

/**
 * Types servers send when they don't know better (or lie): the body is
 * sniffed instead. text/plain is here because raw file hosts serve HTML and
 * XML as text/plain; text/html because feeds are often misconfigured as it.
 */
const VAGUE_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown', 'application/x-download', 'application/force-download', 'text/plain', 'text/html']);

/** The Accept header for these kinds, the wanted types first. */
export function acceptHeader(accept: readonly ContentKind[]): string {
  const types = accept.flatMap((kind) => (kind === 'any' ? [] : MIME_TYPES[kind]));
  return [...new Set(types), '*/*;q=0.1'].join(', ');
}

/** Whether a MIME type (lowercase, no parameters) is one of the accepted kinds. */
export function isAccepted(mime: string, accept: readonly ContentKind[]): boolean {
  return accept.some((kind) => kind === 'any' || MIME_TYPES[kind].includes(mime));
}

/** What to do with a response of this declared type before reading its body. */
export function judgeDeclaredType(mime: string, accept: readonly ContentKind[]): 'accept' | 'sniff' | 'refuse' {
  if (isAccepted(mime, accept)) return 'accept';
  return VAGUE_TYPES.has(mime) ? 'sniff' : 'refuse';
}

/** "a web page or a PDF": the kinds, for a message. */
export function describeKinds(accept: readonly ContentKind[]): string {
  const names = accept.map((kind) => KIND_NAMES[kind]);
  return names.length <= 1 ? (names[0] ?? 'anything') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

const FEED_ROOT_TYPES = new Set(['application/rss+xml', 'application/atom+xml']);

/**
 * The type to report once the body is in: a precise declared type as it is;
 * for a vague one, what the body shows when that is accepted — a feed's root
 * element overrides text/html, any structure (HTML, XML, PDF) overrides
 * text/plain — else the declared type if accepted. Undefined: refuse.
 */
export function resolveType(declared: string, body: Buffer, accept: readonly ContentKind[]): string | undefined {
  // A response with no type, taken as 'any', is reported as bytes of unknown type.
  const declaredIfAccepted = isAccepted(declared, accept) ? declared || 'application/octet-stream' : undefined;
  if (!VAGUE_TYPES.has(declared)) return declaredIfAccepted;
  const sniffed = sniffType(body);
  if (sniffed === undefined || !isAccepted(sniffed, accept)) return declaredIfAccepted;
  if (declared === 'text/html') return FEED_ROOT_TYPES.has(sniffed) ? sniffed : declaredIfAccepted ?? sniffed;
  if (declared === 'text/plain') return sniffed !== 'text/plain' ? sniffed : declaredIfAccepted;
  return sniffed;
}

const SNIFF_BYTES = 1024;

/**
 * The type a body's first bytes show, or undefined: PDF by its magic number,
 * feeds and sitemaps by their root element, HTML by its doctype or first tag,
 * and plain text when there is no NUL byte (binary files have them early).
 */
export function sniffType(body: Buffer): string | undefined {
  const head = body.subarray(0, SNIFF_BYTES);
  const text = head.toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (text.startsWith('%pdf-')) return 'application/pdf';
  if (/^(<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*)?<rss[\s>]/.test(text)) return 'application/rss+xml';
  if (/^(<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*)?<feed[\s>]/.test(text)) return 'application/atom+xml';
  if (/^<!doctype html|^(<!--[\s\S]*?-->\s*)*<(html|head|body)[\s>]/.test(text)) return 'text/html';
  if (text.startsWith('<?xml')) return /<html[\s>]/.test(text) ? 'application/xhtml+xml' : 'application/xml';
  if (body.length > 0 && !head.includes(0)) return 'text/plain';
  return undefined;
}
