import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mayStillRun } from './running-process.js';

/**
 * Scratch folders this program makes in the temp folder are named
 * "statement-corpus-bot-<purpose>-<pid>-XXXXXX": the prefix says they are ours,
 * the pid whether the run that made one may still be using it. A run killed
 * outright (SIGKILL, power loss) can't remove its folder — the UN corpus's is
 * 194 MB — so the next run removes those (see {@link removeLeftoverScratchFolders}).
 */
const PREFIX = 'statement-corpus-bot-';

export async function makeScratchFolder(purpose: string, parent = tmpdir()): Promise<string> {
  return mkdtemp(join(parent, `${PREFIX}${purpose}-${process.pid}-`));
}

/**
 * Remove the scratch folders for `purpose` that earlier runs made and could not
 * remove: only real folders (not links) named by {@link makeScratchFolder},
 * owned by this user, whose process is gone. Returns their paths. Call it
 * before making this run's own: a folder with this process's pid is taken for
 * an earlier process's that had the same pid (as in a container).
 */
export async function removeLeftoverScratchFolders(purpose: string, parent = tmpdir()): Promise<string[]> {
  const name = new RegExp(`^${PREFIX}${purpose}-(\\d+)-[A-Za-z0-9]{6}$`);
  const removed: string[] = [];
  for (const entry of await readdir(parent).catch(() => [] as string[])) {
    const pid = name.exec(entry)?.[1];
    if (pid === undefined || mayStillRun(`${pid}:`)) continue;
    const path = join(parent, entry);
    const info = await lstat(path).catch(() => undefined);
    if (!info?.isDirectory() || (process.getuid && info.uid !== process.getuid())) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}
