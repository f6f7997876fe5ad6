import { readFile, stat } from 'node:fs/promises';
import type { Logger } from '../log.js';
import { checkFileSize } from './decode.js';
import { InputError } from './document.js';
import type { InputFile } from './read-files.js';

/**
 * A statement file's bytes. Anything that stops them being read — the file
 * deleted or moved since it was listed, a broken link, no permission, a pipe —
 * is an {@link InputError} with one readable line; the system error with its
 * stack goes to the debug log only, since it says nothing more to the user.
 */
export async function readInput(file: InputFile, log: Pick<Logger, 'debug'>): Promise<Buffer> {
  try {
    const info = await stat(file.path);
    // Reading a pipe would wait for a writer forever.
    if (!info.isFile()) throw new InputError(file.source, 'not a regular file (a pipe, socket or device); not read');
    // Refuse before reading: a huge file must not be loaded to find out it is huge.
    checkFileSize(info.size, file.source);
    return await readFile(file.path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    log.debug({ err: error, source: file.source, path: file.path }, 'ingest: file not read');
    throw new InputError(file.source, whyNotRead(error, 'file'));
  }
}

/** A file system error as the person running the ingest needs it: what happened, not where in Node. */
export function whyNotRead(error: unknown, what: 'file' | 'folder'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `the ${what} is gone (deleted or moved while the ingest ran, or a broken link)`;
    case 'EACCES':
    case 'EPERM':
      return `can't read the ${what}: permission denied`;
    case 'ELOOP':
      return `can't read the ${what}: its links go round in a loop`;
    default:
      return `can't read the ${what} (${code ?? (error instanceof Error ? error.message.split('\n')[0] : String(error))})`;
  }
}
