import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, loadDotEnv } from '../config.js';
import { ingest } from '../corpus/ingest.js';
import { makeScratchFolder, removeLeftoverScratchFolders } from '../corpus/scratch-folder.js';
import { prepareUngdc, UNGDC_SPEAKERS, UNGDC_TARBALL } from '../corpus/ungdc.js';
import { openForWriting } from '../store/migrate.js';
import { resolveDatabasePath } from './args.js';
import { intFlag, parseFlags, runCli, UsageError } from './cli-run.js';
import { formatSummary, readTotals } from './ingest-summary.js';
import { createProgress } from './progress.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The shared datasets live beside the checkout, never in it. */
export const DEFAULT_UNGDC_DIR = resolve(REPO_ROOT, '../shared/datasets/ungdc');

const USAGE = `Usage: npm run ingest:ungdc -- [--db path] [--limit N] [--dataset folder]

Ingest the UN General Debate Corpus (10,952 speeches, 1946-2024): unpack
${UNGDC_TARBALL} to a scratch folder, describe each speech from ${UNGDC_SPEAKERS}
(title, speaker, country, year), and run the ordinary ingest on it. Re-running
skips unchanged speeches.

  --db path        database file (default: $DATABASE_PATH or db/corpus.sqlite)
  --limit N        only the first N speeches (by session, then file name)
  --dataset folder where the tarball and speakers.csv are (default: ${DEFAULT_UNGDC_DIR})
  -h, --help       show this help`;

/** Signals that end a run from outside (Ctrl-C, `kill`, a closed terminal); the exit code is 128 + the signal's number, as shells report it. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Remove `folder` however the process ends: on a stop signal (then exit, as the
 * signal would have), or on an exit that skips main's `finally`. Only
 * SIGKILL escapes; the next run removes what that leaves. The database needs
 * nothing: each statement is its own transaction, and the next run closes this
 * run's record as interrupted.
 */
function removeOnExit(folder: string): () => void {
  const remove = () => rmSync(folder, { recursive: true, force: true });
  const handlers = STOP_SIGNALS.map((signal) => {
    const handler = () => {
      remove();
      process.exit(128 + constants.signals[signal]);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  process.once('exit', remove);
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('exit', remove);
  };
}

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags({
    db: { type: 'string' },
    limit: { type: 'string' },
    dataset: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]} (the dataset folder is --dataset)`);
  const limit = intFlag('limit', values.limit, undefined);
  loadDotEnv();
  const databasePath = resolveDatabasePath(values.db, loadConfig());
  for (const leftover of await removeLeftoverScratchFolders('ungdc')) process.stderr.write(`Removed ${leftover}, left by an earlier run that was killed.\n`);
  const scratch = await makeScratchFolder('ungdc');
  const stopRemovingOnExit = removeOnExit(scratch);
  try {
    const extractStarted = Date.now();
    const { root, files, manifest, described } = await prepareUngdc(values.dataset ?? DEFAULT_UNGDC_DIR, scratch, limit);
    process.stderr.write(`Unpacked ${files.length} speeches (${described} described from speakers.csv) in ${((Date.now() - extractStarted) / 1000).toFixed(1)} s\n`);
    const db = await openForWriting(databasePath);
    const progress = createProgress('Ingesting UN speeches');
    try {
      const summary = await ingest(db, limit === undefined ? [root] : files, { root, rootName: 'ungdc', manifest, onProgress: (done, total, source) => progress.update(done, total, source) });
      progress.stop();
      for (const failure of summary.failures) process.stderr.write(`error: ${failure.source}: ${failure.message}\n`);
      process.stdout.write(`${formatSummary(summary, await readTotals(db), databasePath)}\n`);
      return summary.failed > 0 ? 1 : 0;
    } finally {
      progress.stop();
      await db.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
    stopRemovingOnExit();
  }
});
