import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { UserFacingError } from '../errors.js';
import { InputError } from './document.js';
import { normaliseSourceKey } from './manifest.js';
import { whyNotRead } from './read-input.js';

export type InputFormat = 'text' | 'markdown' | 'html' | 'jsonl';

const FORMATS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

export interface InputFile {
  path: string;
  /** Path relative to its ingest root, with `/`: the statement's stable source key. */
  source: string;
  format: InputFormat;
}

export function formatOf(path: string): InputFormat | undefined {
  return FORMATS[extname(path).toLowerCase()];
}

/** What listing the inputs found: statement files to read, and what could not be looked into. */
export interface InputListing {
  files: InputFile[];
  /** Files of other types inside the folders, passed over. */
  skipped: string[];
  /** Folders that could not be read (one line each); the run goes on without them. */
  failures: InputError[];
  /** Source prefixes (`folder/`) of those folders: what is under them was not seen, so it is not pruned. */
  unseen: string[];
}

/**
 * The statement files under `inputs`, sorted by source. A folder is its own
 * ingest root (sources are relative to it, so they don't depend on the working
 * directory); a file named directly has its folder as root, unless `root` is
 * given. Hidden files and folders and files of other types inside a folder are
 * passed over; a file named directly must be of a known type.
 */
export async function listInputFiles(inputs: string[], options: { root?: string; exclude?: string[] } = {}): Promise<InputListing> {
  const files = new Map<string, InputFile>();
  const listing: Omit<InputListing, 'files'> = { skipped: [], failures: [], unseen: [] };
  const excluded = new Set((options.exclude ?? []).map((path) => resolve(path)));
  for (const input of inputs) {
    const absolute = resolve(input);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UserFacingError('no_input', `No such file or folder: ${input}`);
    if (info.isDirectory()) {
      const root = options.root ? resolve(options.root) : absolute;
      await walk(absolute, root, new Set(), files, listing, excluded);
    } else {
      const format = formatOf(absolute);
      if (!format) throw new UserFacingError('unknown_format', `Can't ingest ${input}: use .txt, .md, .html or .jsonl`);
      const root = options.root ? resolve(options.root) : dirname(absolute);
      add(files, absolute, root, format);
    }
  }
  return { files: [...files.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)), ...listing };
}

function add(files: Map<string, InputFile>, path: string, root: string, format: InputFormat): void {
  const source = normaliseSourceKey(relative(root, path) || basename(path));
  files.set(path, { path, source, format });
}

async function walk(dir: string, root: string, seen: Set<string>, files: Map<string, InputFile>, listing: Omit<InputListing, 'files'>, excluded: Set<string>): Promise<void> {
  let real: string;
  let entries: Dirent[];
  try {
    real = await realpath(dir);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // One unreadable folder costs its own statements, not the run.
    const source = normaliseSourceKey(relative(root, dir) || basename(dir));
    listing.failures.push(new InputError(source, whyNotRead(error, 'folder')));
    listing.unseen.push(`${source}/`);
    return;
  }
  if (seen.has(real)) return; // a symlink loop
  seen.add(real);
  for (const entry of entries) {
    // Hidden files, and a folder's README/LICENSE, describe the corpus; they are not statements in it.
    if (entry.name.startsWith('.') || /^(readme|licen[cs]e)(\.[a-z]+)?$/i.test(entry.name)) continue;
    const path = join(dir, entry.name);
    if (excluded.has(path)) continue;
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isDirectory());
    if (isDirectory) {
      await walk(path, root, seen, files, listing, excluded);
      continue;
    }
    const format = formatOf(entry.name);
    if (format) add(files, path, root, format);
    else listing.skipped.push(normaliseSourceKey(relative(root, path)));
  }
}
