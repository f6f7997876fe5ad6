import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseSourceKey } from './manifest.js';

/**
 * A statement's source (statements.source) is its identity: re-ingesting the
 * same source replaces the statement and keeps its id, so citations and buttons
 * keep pointing at it. It used to be the path relative to whichever folder was
 * ingested, so two folders that both held statement.txt were one statement and
 * the second run silently overwrote the first one's words.
 *
 * Now a source says where the file is:
 * - inside the project folder: relative to it ("corpus/icor-….md"), so
 *   re-running `npm run ingest`, or moving or copying the whole project, keeps
 *   every statement (and `npm start`'s absolute path to corpus/ agrees with
 *   the CLI's relative one);
 * - outside it: the absolute path ("/data/appeals/statement.txt"), so two
 *   folders never share a source, whatever their files are called;
 * - for a folder that is somewhere new on every run (an archive unpacked to a
 *   scratch folder): a name for it, "ungdc:Session 50 - 1995/AFG_50_1995.txt".
 * Folders are compared by their real path, so a symlinked project or /tmp
 * doesn't make the same file two statements. A JSONL line adds "#<its id>".
 *
 * The price: moving a folder that lives outside the project makes its
 * statements new ones (old ones stay until removed); see also UNKNOWN_ROOT.
 */

/** This checkout: files inside it are named relative to it. */
export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What sources ingested before migration 0006 start with: they were relative to
 * a folder nobody recorded. The first file found at that relative path with the
 * same input takes such a statement over (see legacy-sources.ts).
 */
export const UNKNOWN_ROOT = 'unknown-root:';

/** A named root's sources: "name:path". Paths never look like this, absolute ones start with "/". */
const NAMED_SOURCE = /^[a-z][a-z0-9-]*:/;

/**
 * How the sources of files under `root` begin: "" for the project folder itself,
 * "corpus" inside it, "/data/appeals" outside it, "ungdc:" for a named root.
 */
export async function rootKey(root: string, { projectDir = PROJECT_DIR, name }: { projectDir?: string; name?: string } = {}): Promise<string> {
  if (name !== undefined) {
    if (!/^[a-z][a-z0-9-]*$/.test(name) || `${name}:` === UNKNOWN_ROOT) throw new Error(`not a usable root name: ${JSON.stringify(name)}`);
    return `${name}:`;
  }
  const [real, project] = await Promise.all([realpath(root).catch(() => resolve(root)), realpath(projectDir).catch(() => resolve(projectDir))]);
  const inside = relative(project, real);
  if (inside === '') return '';
  if (inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside)) return normaliseSourceKey(inside);
  return normaliseSourceKey(real);
}

/** The source of the file at `path` (relative, with "/") under a root whose key is `key`. */
export function sourceIn(key: string, path: string): string {
  if (key === '' || key.endsWith(':') || key.endsWith('/')) return `${key}${path}`;
  return `${key}/${path}`;
}

/**
 * The beginning every source under a folder shares: what `--prune` may remove
 * for it. "" stands for the project folder itself (every project-relative source).
 */
export function folderScope(key: string, pathInRoot: string): string {
  const folder = pathInRoot === '' ? key : sourceIn(key, pathInRoot);
  return folder === '' || folder.endsWith(':') || folder.endsWith('/') ? folder : `${folder}/`;
}

/** A folder's scope as the user would look for the folder: "corpus/ukraine", "/data/appeals", "." for the project. */
export function scopeName(scope: string): string {
  return scope.replace(/\/$/, '') || '.';
}

/** Is `source` under `scope` (from {@link folderScope}, or a JSONL file's "file#")? */
export function isWithin(source: string, scope: string): boolean {
  if (scope === '') return !source.startsWith('/') && !NAMED_SOURCE.test(source);
  return source.startsWith(scope);
}
