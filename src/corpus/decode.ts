import { InputError } from './document.js';

/** Files larger than this are refused: no statement is that long, and it protects memory. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Refuse a file over {@link MAX_FILE_BYTES}, before reading it. */
export function checkFileSize(size: number, source: string): void {
  if (size > MAX_FILE_BYTES) throw new InputError(source, `file is too large (${(size / 2 ** 20).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 2 ** 20} MB)`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bytes → text, refusing what is not a statement: empty files, binary files
 * (NUL bytes), invalid UTF-8 (rather than silently storing U+FFFD) and files
 * over {@link MAX_FILE_BYTES}.
 */
export function decodeStatementFile(bytes: Uint8Array, source: string): string {
  checkFileSize(bytes.length, source);
  if (bytes.length === 0) throw new InputError(source, 'file is empty');
  if (bytes.includes(0)) throw new InputError(source, 'file looks binary (it contains NUL bytes); expected UTF-8 text');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError(source, `file is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(bytes)}); re-save it as UTF-8`);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new InputError(source, 'file has no text (only whitespace)');
  return text;
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
