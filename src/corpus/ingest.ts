import { resolve } from 'node:path';
import { log as defaultLog, type Logger } from '../log.js';
import type { Database } from '../store/database.js';
import type { StatementInput } from '../store/records.js';
import { pruneStatements, saveStatement } from '../store/statement-writes.js';
import { contentHash, isHashOf } from './content-hash.js';
import { InputError } from './document.js';
import { ingestJsonl } from './ingest-jsonl.js';
import { abandonIngestRun, finishIngestRun, startIngestRun, type InterruptedRun, type RunCounts } from './ingest-runs.js';
import { mergeIndexIfWorthIt } from './index-merge.js';
import { loadKnownStatements } from './known-statements.js';
import { loadManifest, type Manifest } from './manifest.js';
import { createPreparer } from './preparer.js';
import { listInputFiles, type InputListing } from './read-files.js';
import { readInput } from './read-input.js';
import { backfillSignatories } from './signatory-backfill.js';
import { isWithin, scopeName } from './source-key.js';
import type { PrepareTask, SplitOptions } from './statement-file.js';

export { PIPELINE_VERSION } from './content-hash.js';

/** Statements prepared and waiting to be written: enough that the writer never waits, few enough to bound memory. */
const PREPARED_AHEAD = 8;

/** The run's counts (`passages`: written by this run, for added and updated statements), with its time, failures and input size. */
export interface IngestSummary extends RunCounts {
  seconds: number;
  failures: { source: string; message: string }[];
  /** Bytes of input read (for throughput). */
  bytes: number;
  /** Earlier runs that never finished (killed), closed by this one. */
  interruptedRuns: InterruptedRun[];
}

export interface IngestOptions {
  /** Remove the statements under the folders read (and of the JSONL files read) whose file or line is gone. */
  prune?: boolean;
  /** CSV or JSONL giving metadata for plain files, keyed by their path relative to the folder read (or `root`). */
  manifest?: string;
  /** Manifest paths are relative to this folder (default: each input folder, or a file's own folder). */
  root?: string;
  /** A name standing for `root` in sources, for a folder that is somewhere new on every run (an unpacked archive). */
  rootName?: string;
  /** Files inside it get sources relative to it (default: this checkout; see source-key.ts). */
  projectDir?: string;
  onProgress?: (done: number, total: number, source: string) => void;
  log?: Logger;
  targetChars?: number;
  maxChars?: number;
}

/**
 * Ingest statement files (folders, .txt, .md, .html, .jsonl) into the corpus.
 * A statement is known by where its file is (source-key.ts), so files of the
 * same name in two folders are two statements. Unchanged inputs (same content
 * hash) are skipped before any parsing; a changed one replaces its statement,
 * which keeps its id; `prune` removes statements only under the folders read.
 * Each statement is written in its own transaction, so a killed run leaves
 * whole statements only; the next run closes its record as interrupted and
 * picks up where it stopped. A bad input is recorded in `failures` and the
 * run goes on.
 */
export async function ingest(db: Database, inputs: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const log = options.log ?? defaultLog;
  const startedAt = new Date();
  const summary: IngestSummary = { added: 0, updated: 0, unchanged: 0, removed: 0, failed: 0, passages: 0, seconds: 0, failures: [], bytes: 0, interruptedRuns: [] };
  const manifest: Manifest = options.manifest ? await loadManifest(options.manifest) : new Map();
  const listing = await listInputFiles(inputs, { root: options.root, rootName: options.rootName, projectDir: options.projectDir, exclude: options.manifest ? [resolve(options.manifest)] : [] });
  const run = await startIngestRun(db, startedAt);
  summary.interruptedRuns = run.interrupted;
  try {
    const backfilled = await backfillSignatories(db);
    if (backfilled) log.debug(backfilled, 'ingest: signatories read from the statements already stored');
    await ingestFiles(db, listing, manifest, summary, options);
  } catch (error) {
    await abandonIngestRun(db, run.id).catch(() => undefined);
    throw error;
  }
  await mergeIndexIfWorthIt(db);
  summary.seconds = (Date.now() - startedAt.getTime()) / 1000;
  await finishIngestRun(db, run.id, summary);
  const { failures, interruptedRuns, ...counts } = summary;
  log.debug({ ...counts, files: listing.files.length, interruptedRuns }, 'ingest done');
  return summary;
}

/** Read, compare, prepare and write every listed file; then prune if asked. Counts go into `summary`. */
async function ingestFiles(db: Database, listing: InputListing, manifest: Manifest, summary: IngestSummary, options: IngestOptions): Promise<void> {
  const log = options.log ?? defaultLog;
  const { files } = listing;
  const known = await loadKnownStatements(db);
  const present = new Set<string>();
  // What could not be looked at is not known to be gone: never pruned.
  const keptScopes: string[] = [...listing.unseen];
  const split: SplitOptions = { targetChars: options.targetChars, maxChars: options.maxChars };

  const fail = (source: string, error: unknown): void => {
    if (!(error instanceof InputError)) log.error({ err: error, source }, 'ingest: unexpected error');
    const message = error instanceof Error ? error.message : String(error);
    summary.failed++;
    summary.failures.push({ source: error instanceof InputError ? error.source : source, message });
  };

  // Statements are prepared ahead (on a worker thread for long runs) and written
  // in order, one transaction each; a few wait ready so SQLite never waits for cleaning.
  const preparer = createPreparer(log);
  const queue: { source: string; prepared: Promise<{ statement: StatementInput } | { error: unknown }> }[] = [];
  const writeNext = async (): Promise<void> => {
    const { source, prepared } = queue.shift()!;
    const result = await prepared;
    if ('error' in result) return fail(source, result.error);
    try {
      const { outcome } = await saveStatement(db, result.statement);
      summary[outcome]++;
      if (outcome !== 'unchanged') summary.passages += result.statement.passages.length;
    } catch (error) {
      fail(source, error);
    }
  };
  const submit = async (source: string, task: PrepareTask): Promise<void> => {
    // Settled at once into a value, so a failed preparation is never an unhandled rejection while it waits.
    queue.push({ source, prepared: preparer.prepare(task).then((statement) => ({ statement }), (error: unknown) => ({ error })) });
    if (queue.length >= PREPARED_AHEAD) await writeNext();
  };

  for (const failure of listing.failures) fail(failure.source, failure);
  try {
    for (const [index, file] of files.entries()) {
      options.onProgress?.(index, files.length, file.source);
      try {
        const bytes = await readInput(file, log);
        summary.bytes += bytes.length;
        if (file.format === 'jsonl') {
          const jsonl = await ingestJsonl(file, bytes, { known, present, submit, fail, split });
          if (jsonl.failedLines > 0) keptScopes.push(`${file.source}#`);
          summary.unchanged += jsonl.unchanged;
          continue;
        }
        present.add(file.source);
        const given = manifest.get(file.relative);
        const hash = contentHash(bytes, given, split);
        if ((await known.storedHash(file.source, file.relative, (old) => isHashOf(old, bytes, given, split))) === hash) {
          summary.unchanged++;
          continue;
        }
        await submit(file.source, { kind: 'file', file, bytes, given, hash, split });
      } catch (error) {
        present.add(file.source);
        if (file.format === 'jsonl') keptScopes.push(`${file.source}#`);
        fail(file.source, error);
      }
    }
    while (queue.length > 0) await writeNext();
  } finally {
    await preparer.close();
  }
  options.onProgress?.(files.length, files.length, '');

  if (options.prune) {
    // Only under the folders (and JSONL files) read in this run: never another folder's statements.
    const scopes = listing.scopes.filter((scope) => {
      if (scope.endsWith('#') || files.some((file) => isWithin(file.source, scope))) return true;
      // An empty folder is more likely a mistake (or an unmounted disk) than a wish to delete everything ingested from it.
      fail(scopeName(scope), new InputError(scopeName(scope), 'no statement files (.txt, .md, .html, .jsonl) in it; not pruning the statements ingested from it'));
      return false;
    });
    const inScope = (source: string) => scopes.some((scope) => isWithin(source, scope)) && !keptScopes.some((scope) => isWithin(source, scope));
    summary.removed = (await pruneStatements(db, present, inScope)).length;
  }
}
