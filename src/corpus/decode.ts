import { InputError } from './document.js';

/** Files larger than this are refused: no statement is that long, and it protects memory. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Refuse a file over {@link MAX_FILE_BYTES}, before reading it. */
export function checkFileSize(size: number, source: string): void {
  if (size > MAX_FILE_BYTES) throw new InputError(source, `file is too large (${(size / 2 ** 20).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 2 ** 20} MB)`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** These drop the byte-order mark they are chosen by. */
const utf16 = { LE: new TextDecoder('utf-16le', { fatal: true }), BE: new TextDecoder('utf-16be', { fatal: true }) };

/**
 * Bytes → text, refusing what is not a statement: empty files, binary files
 * (NUL bytes), invalid UTF-8 (rather than silently storing U+FFFD) and files
 * over {@link MAX_FILE_BYTES}. A UTF-16 file is read when a byte-order mark says
 * which (Windows "Unicode" text is UTF-16 LE with one); without a mark its byte
 * order is a guess, so it is refused with a message saying how to re-save it.
 */
export function decodeStatementFile(bytes: Uint8Array, source: string): string {
  checkFileSize(bytes.length, source);
  if (bytes.length === 0) throw new InputError(source, 'file is empty');
  const byteOrder = utf16ByteOrder(bytes);
  const text = byteOrder ? decodeUtf16(bytes, byteOrder, source) : decodeUtf8(bytes, source);
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new InputError(source, 'file has no text (only whitespace)');
  return text;
}

function utf16ByteOrder(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'BE';
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, byteOrder: 'LE' | 'BE', source: string): string {
  let text: string;
  try {
    text = utf16[byteOrder].decode(bytes);
  } catch {
    throw new InputError(source, `file is not valid UTF-16 ${byteOrder} (it starts with a UTF-16 ${byteOrder} byte-order mark); re-save it as UTF-8`);
  }
  if (text.includes('\u0000')) throw new InputError(source, 'file looks binary (it contains NUL characters); expected text');
  return text;
}

function decodeUtf8(bytes: Uint8Array, source: string): string {
  if (bytes.includes(0)) {
    if (looksLikeUtf16(bytes)) throw new InputError(source, 'file looks like UTF-16 without a byte-order mark; re-save it as UTF-8 (or UTF-16 with a byte-order mark)');
    throw new InputError(source, 'file looks binary (it contains NUL bytes); expected UTF-8 text');
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError(source, `file is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(bytes)}); re-save it as UTF-8`);
  }
}

/** Bytes looked at to tell UTF-16 text from other binary data. */
const UTF16_SNIFF_BYTES = 4096;

/**
 * Latin-script UTF-16 has a NUL in every other byte, nearly always on the same
 * side; binary formats have NULs on both. Only used to word the refusal.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, UTF16_SNIFF_BYTES - (UTF16_SNIFF_BYTES % 2));
  const zeros = [0, 0];
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) zeros[i % 2]!++;
  const pairs = Math.floor(sample.length / 2);
  const [more, fewer] = zeros[0]! > zeros[1]! ? [zeros[0]!, zeros[1]!] : [zeros[1]!, zeros[0]!];
  return pairs > 0 && more >= pairs / 2 && fewer * 10 <= more;
}

/** Where decoding first fails, so the user can find the bad byte. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  // Walk sequence by sequence: cheap, and only runs on a file that already failed.
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}
