/** How far into a document its charset declaration may be (the HTML standard's prescan window). */
const DECLARATION_BYTES = 1024;

/**
 * The body's character encoding, lowercased, as far as the response says:
 * the Content-Type charset, else a byte-order mark, else an HTML `<meta>` or
 * an XML declaration in the first 1024 bytes. Undefined when nothing says
 * (the reader then assumes UTF-8, or sniffs). Only labels TextDecoder knows
 * are returned, so `new TextDecoder(charset)` never throws.
 */
export function detectCharset(contentTypeHeader: string | undefined, body: Buffer): string | undefined {
  return known(charsetParameter(contentTypeHeader)) ?? byteOrderMark(body) ?? known(declaredInDocument(body));
}

function charsetParameter(header: string | undefined): string | undefined {
  return header?.match(/;\s*charset\s*=\s*"?([^";\s]+)"?/i)?.[1];
}

function byteOrderMark(body: Buffer): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return undefined;
}

function declaredInDocument(body: Buffer): string | undefined {
  const head = body.subarray(0, DECLARATION_BYTES).toString('latin1');
  return (
    head.match(/<meta\s[^>]*charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1] ?? head.match(/^\s*<\?xml\s[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i)?.[1]
  );
}

function known(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  try {
    new TextDecoder(label);
    return label.toLowerCase();
  } catch {
    return undefined;
  }
}
