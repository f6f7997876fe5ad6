import type { BodyLimits } from './body.js';
import { formatBytes } from './body.js';
import { detectCharset } from './charset.js';
import { describeKinds, judgeDeclaredType, resolveType, type ContentKind } from './content-kind.js';
import { FetchError } from './fetch-error.js';
import type { Hop } from './hop.js';

/** A fetched body and what it is. */
export interface FetchedContent {
  /** MIME type, lowercased, no parameters: the declared one, or what sniffing found when the declared one was vague. */
  contentType: string;
  charset?: string;
  body: Buffer;
}

/** Types whose bytes are text, for which a charset means something. */
const BINARY_TYPES = new Set(['application/pdf', 'application/x-pdf']);

/**
 * Read a 2xx response's body if it is something the caller accepts: a type
 * plainly not wanted (an image for an HTML request) is refused before the body
 * is read, a vague one (missing, octet-stream, text/plain, text/html) is sniffed.
 */
export async function readAccepted(hop: Hop, accept: readonly ContentKind[], limits: BodyLimits): Promise<FetchedContent> {
  const header = hop.header('content-type');
  const declared = mimeOf(header);
  const url = hop.url.href;
  const length = Number(hop.header('content-length'));
  if (Number.isFinite(length) && length > limits.maxBytes) {
    await hop.discard();
    throw new FetchError('too-large', `${url} is ${formatBytes(length)}, more than the ${formatBytes(limits.maxBytes)} the bot fetches`, { url });
  }
  const verdict = judgeDeclaredType(declared, accept);
  const refuse = (type: string) =>
    new FetchError('content-type', `${url} is ${type === '' ? 'of an unknown type' : type}, not ${describeKinds(accept)}`, { url });
  if (verdict === 'refuse') {
    await hop.discard();
    throw refuse(declared);
  }
  const body = await hop.read(limits);
  const contentType = resolveType(declared, body, accept);
  if (contentType === undefined) throw refuse(declared);
  const charset = BINARY_TYPES.has(contentType) ? undefined : detectCharset(header, body);
  return { contentType, body, ...(charset === undefined ? {} : { charset }) };
}

/** "text/html" from "Text/HTML; charset=UTF-8". */
export function mimeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}
