import type { WebResponse } from '../web/fetcher.js';
import { printable } from './cli-run.js';

/** What `npm run fetch-url` prints for a response: a few lines for people, or one JSON line (the body's size, not the body). */
export function renderWebResponse(response: WebResponse, json: boolean): string {
  if (json) {
    const { body, ...rest } = response.status === 'fetched' ? response : { ...response, body: undefined };
    return `${JSON.stringify({ ...rest, ...(body === undefined ? {} : { bytes: body.length }) })}\n`;
  }
  const lines = [`${response.status} ${printable(response.url)}`];
  if (response.url !== response.requestedUrl) lines.push(`  redirected from ${printable(response.requestedUrl)}`);
  if (response.status === 'fetched') lines.push(`  ${response.contentType}${response.charset ? `; charset ${response.charset}` : ''} · ${response.body.length} bytes`);
  if (response.etag) lines.push(`  etag ${printable(response.etag)}`);
  if (response.lastModified) lines.push(`  last modified ${printable(response.lastModified)}`);
  return `${lines.join('\n')}\n`;
}
