/**
 * A web page's bytes → text, in the charset the page is in. The order is the
 * HTML standard's, shortened: a byte-order mark settles it; then the charset the
 * server sent (Content-Type); then one the page declares in its first bytes
 * (`<meta charset>`, `<meta http-equiv="Content-Type">`); then UTF-8 if the bytes
 * are valid UTF-8, else windows-1252 (what browsers assume of undeclared legacy
 * pages). Node's TextDecoder (full ICU) reads the WHATWG encodings —
 * windows-1251/1252, ISO-8859-x, KOI8-R, Shift_JIS, GBK …; a label it doesn't
 * know is passed over, not fatal. windows-1252 is read by ./windows-1252.ts
 * (Node's own decoder for it is broken in Node 20).
 */

import { decodeWindows1252 } from './windows-1252.js';

/** How far into the page a `<meta charset>` is looked for (the standard's pre-scan reads 1,024 bytes; real pages put comments first). */
const META_SNIFF_BYTES = 4096;

const BOMS: { bytes: number[]; charset: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
];

/** The charset parameter of a Content-Type header ("text/html; charset=windows-1251" → "windows-1251"). */
export function charsetOfContentType(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1];
}

/** The charset a page declares in its head, read from its first bytes as ASCII. */
export function declaredCharset(body: Uint8Array): string | undefined {
  const head = Buffer.from(body.subarray(0, META_SNIFF_BYTES)).toString('latin1');
  return (
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] // both <meta charset=…> and http-equiv content="…; charset=…"
  );
}

/** The WHATWG encoding a label names ("latin1" → "windows-1252"), or undefined for a label no decoder knows. */
function encodingOf(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    const { encoding } = new TextDecoder(label.trim().toLowerCase());
    // A page can't truly declare UTF-16 in ASCII-compatible bytes; the standard reads it as UTF-8.
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return undefined;
  }
}

/** The page's text and the charset it was read in. */
export function decodePage(body: Uint8Array, contentType: string, charset?: string): { text: string; charset: string } {
  const bom = BOMS.find(({ bytes }) => bytes.every((byte, i) => body[i] === byte));
  if (bom) return { text: new TextDecoder(bom.charset).decode(body), charset: bom.charset };
  const declared = encodingOf(charset) ?? encodingOf(charsetOfContentType(contentType)) ?? encodingOf(declaredCharset(body));
  if (declared) return { text: decode(body, declared), charset: declared };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), charset: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), charset: 'windows-1252' };
  }
}

function decode(body: Uint8Array, encoding: string): string {
  return encoding === 'windows-1252' ? decodeWindows1252(body) : new TextDecoder(encoding).decode(body);
}
