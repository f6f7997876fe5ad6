import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from './document.js';
import { normaliseSourceKey } from './manifest.js';
import { whyNotRead } from './read-input.js';
import { folderScope, rootKey, scopeName, sourceIn } from './source-key.js';

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
  /** Where the file is, as a statement's stable identity (see source-key.ts). */
  source: string;
  /** Its path relative to its ingest root, with `/`: what a manifest names it by (and what sources were before 0006). */
  relative: string;
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
  /** Inputs missing or of no known type, and folders that could not be read (one line each); the run goes on without them. */
  failures: InputError[];
  /** Scopes (see source-key.ts) of the folders and JSONL files listed: what `--prune` may remove. */
  scopes: string[];
  /** Scopes of the folders that could not be read: what is under them was not seen, so it is not pruned. */
  unseen: string[];
}

export interface ListOptions {
  /** Name files relative to this folder instead of each input (a manifest's paths are relative to it). */
  root?: string;
  /** A name standing for `root` in sources, for a folder that is somewhere new on every run. */
  rootName?: string;
  /** Files inside it are named relative to it (default: this checkout). */
  projectDir?: string;
  exclude?: string[];
}

interface Root {
  dir: string;
  /** How the sources under it begin (source-key.ts). */
  key: string;
}

/**
 * The statement files under `inputs`, sorted by source. A folder is its own
 * ingest root (manifest paths are relative to it); a file named directly has
 * its folder as root, unless `root` is given. Hidden files and folders and files
 * of other types inside a folder are passed over; a file named directly must be
 * of a known type.
 */
export async function listInputFiles(inputs: string[], options: ListOptions = {}): Promise<InputListing> {
  const files = new Map<string, InputFile>();
  const listing: Omit<InputListing, 'files'> = { skipped: [], failures: [], scopes: [], unseen: [] };
  const excluded = new Set((options.exclude ?? []).map((path) => resolve(path)));
  const roots = new Map<string, Promise<Root>>();
  const rootFor = (dir: string): Promise<Root> => {
    if (!roots.has(dir)) roots.set(dir, rootKey(dir, { projectDir: options.projectDir, name: options.rootName }).then((key) => ({ dir, key })));
    return roots.get(dir)!;
  };
  const given = options.root ? resolve(options.root) : undefined;
  for (const input of inputs) {
    const absolute = resolve(input);
    const info = await stat(absolute).catch(() => undefined);
    // A mistyped path among good ones costs its own line, not the run (and nothing of it is pruned).
    if (!info) {
      listing.failures.push(new InputError(input, 'no such file or folder'));
      continue;
    }
    if (info.isDirectory()) {
      const root = await rootFor(given && isInside(absolute, given) ? given : absolute);
      listing.scopes.push(folderScope(root.key, pathInRoot(root, absolute)));
      await walk(absolute, root, new Set(), files, listing, excluded);
    } else {
      const format = formatOf(absolute);
      if (!format) {
        listing.failures.push(new InputError(input, 'not a statement file; use .txt, .md, .html or .jsonl'));
        continue;
      }
      const file = add(files, absolute, await rootFor(given && isInside(absolute, given) ? given : dirname(absolute)), format);
      if (format === 'jsonl') listing.scopes.push(`${file.source}#`);
    }
  }
  return { files: [...files.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)), ...listing };
}

function isInside(path: string, folder: string): boolean {
  const inside = relative(folder, path);
  return inside === '' || (inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside));
}

function pathInRoot(root: Root, path: string): string {
  return normaliseSourceKey(relative(root.dir, path));
}

function add(files: Map<string, InputFile>, path: string, root: Root, format: InputFormat): InputFile {
  const inRoot = pathInRoot(root, path) || basename(path);
  const file = { path, source: sourceIn(root.key, inRoot), relative: inRoot, format };
  files.set(path, file);
  return file;
}

async function walk(dir: string, root: Root, seen: Set<string>, files: Map<string, InputFile>, listing: Omit<InputListing, 'files'>, excluded: Set<string>): Promise<void> {
  let real: string;
  let entries: Dirent[];
  try {
    real = await realpath(dir);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // One unreadable folder costs its own statements, not the run.
    const scope = folderScope(root.key, pathInRoot(root, dir));
    listing.failures.push(new InputError(scopeName(scope), whyNotRead(error, 'folder')));
    listing.unseen.push(scope);
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
    else listing.skipped.push(sourceIn(root.key, pathInRoot(root, path)));
  }
}
