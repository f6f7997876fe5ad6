import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { UserFacingError } from '../errors.js';
import { log as defaultLog, type Logger } from '../log.js';
import type { Database } from '../store/database.js';
import type { StatementInput } from '../store/records.js';
import { pruneStatements, saveStatement } from '../store/statement-writes.js';
import { decodeStatementFile } from './decode.js';
import { InputError, type GivenMetadata } from './document.js';
import { jsonlLines, parseJsonlStatement } from './jsonl.js';
import { loadManifest, type Manifest } from './manifest.js';
import { listInputFiles, type InputFile } from './read-files.js';
import { createPreparer } from './preparer.js';
import { readInput } from './read-input.js';
import type { PrepareTask, SplitOptions } from './statement-file.js';

/**
 * Part of every content hash: bump it when cleaning, metadata inference or
 * splitting changes, so the next ingest redoes every statement rather than
 * keeping text produced by the old rules.
 */
export const PIPELINE_VERSION = 3;

/** Statements prepared and waiting to be written: enough that the writer never waits, few enough to bound memory. */
const PREPARED_AHEAD = 8;

export interface IngestSummary {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  failed: number;
  /** Passages written by this run (added and updated statements). */
  passages: number;
  seconds: number;
  failures: { source: string; message: string }[];
  /** Bytes of input read (for throughput). */
  bytes: number;
}

export interface IngestOptions {
  /** Remove statements whose source was not found in this run's inputs. */
  prune?: boolean;
  /** CSV or JSONL giving metadata for plain files, keyed by source. */
  manifest?: string;
  /** Sources are paths relative to this folder (default: each input folder, or a file's own folder). */
  root?: string;
  onProgress?: (done: number, total: number, source: string) => void;
  log?: Logger;
  targetChars?: number;
  maxChars?: number;
}

/**
 * Ingest statement files (folders, .txt, .md, .html, .jsonl) into the corpus.
 * Unchanged inputs (same content hash) are skipped before any parsing; a
 * changed one replaces its statement, which keeps its id. Each statement is
 * written in its own transaction, so a killed run leaves whole statements only
 * and the next run picks up where it stopped. A bad input is recorded in
 * `failures` and the run goes on.
 */
export async function ingest(db: Database, inputs: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const log = options.log ?? defaultLog;
  const startedAt = new Date();
  const summary: IngestSummary = { added: 0, updated: 0, unchanged: 0, removed: 0, failed: 0, passages: 0, seconds: 0, failures: [], bytes: 0 };
  const manifest: Manifest = options.manifest ? await loadManifest(options.manifest) : new Map();
  const listing = await listInputFiles(inputs, { root: options.root, exclude: options.manifest ? [resolve(options.manifest)] : [] });
  const { files } = listing;
  if (options.prune && files.length === 0) {
    throw new UserFacingError('nothing_to_ingest', `No statement files (.txt, .md, .html, .jsonl) in ${inputs.join(', ')}; not pruning the whole corpus.`);
  }
  const run = await db.run('INSERT INTO ingest_runs (started_at) VALUES (?)', [startedAt.toISOString()]);
  const known = new Map((await db.all<{ source: string; content_hash: string }>('SELECT source, content_hash FROM statements')).map((row) => [row.source, row.content_hash]));
  const present = new Set<string>();
  // What could not be looked at is not known to be gone: never pruned.
  const keptPrefixes: string[] = [...listing.unseen];
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
  const fileOfSource = new Map<string, string>();
  try {
    for (const [index, file] of files.entries()) {
      options.onProgress?.(index, files.length, file.source);
      // Two inputs with one source key would overwrite each other on every run.
      const other = fileOfSource.get(file.source);
      if (other !== undefined) {
        fail(file.source, new InputError(file.path, `has the same source key "${file.source}" as ${other}; ingest them from one folder or give --root`));
        continue;
      }
      fileOfSource.set(file.source, file.path);
      try {
        const bytes = await readInput(file, log);
        summary.bytes += bytes.length;
        if (file.format === 'jsonl') {
          const jsonl = await ingestJsonl(file, bytes, known, present, submit, fail, split);
          if (jsonl.failedLines > 0) keptPrefixes.push(`${file.source}#`);
          summary.unchanged += jsonl.unchanged;
          continue;
        }
        present.add(file.source);
        const given = manifest.get(file.source);
        const hash = contentHash(bytes, given, split);
        if (known.get(file.source) === hash) {
          summary.unchanged++;
          continue;
        }
        await submit(file.source, { kind: 'file', file, bytes, given, hash, split });
      } catch (error) {
        present.add(file.source);
        fail(file.source, error);
      }
    }
    while (queue.length > 0) await writeNext();
  } finally {
    await preparer.close();
  }
  options.onProgress?.(files.length, files.length, '');

  if (options.prune) {
    const keep = new Set([...present, ...[...known.keys()].filter((source) => keptPrefixes.some((prefix) => source.startsWith(prefix)))]);
    summary.removed = (await pruneStatements(db, keep)).length;
  }
  if (summary.added + summary.updated + summary.removed >= OPTIMIZE_AFTER_CHANGES) await optimizeIndex(db);
  summary.seconds = (Date.now() - startedAt.getTime()) / 1000;
  await db.run('UPDATE ingest_runs SET finished_at = ?, added = ?, updated = ?, unchanged = ?, removed = ?, failed = ?, passages = ? WHERE id = ?', [
    new Date().toISOString(), summary.added, summary.updated, summary.unchanged, summary.removed, summary.failed, summary.passages, run.lastID,
  ]);
  const { failures, ...counts } = summary;
  log.debug({ ...counts, files: files.length }, 'ingest done');
  return summary;
}

/**
 * After a bulk load each FTS5 index is many segments, and every query looks a term
 * up in each of them; merging them into one is what the search benchmark measures
 * against. It costs seconds (about 5 s for the UN corpus), so only after large runs.
 */
const OPTIMIZE_AFTER_CHANGES = 1_000;

async function optimizeIndex(db: Database): Promise<void> {
  for (const index of ['passage_fts', 'statement_fts']) await db.run(`INSERT INTO ${index} (${index}) VALUES ('optimize')`);
}

/** sha256 of the pipeline version, the split settings, the raw bytes and the metadata given for them. */
function contentHash(bytes: Uint8Array | string, given: GivenMetadata | undefined, split: object): string {
  return createHash('sha256')
    .update(`v${PIPELINE_VERSION}\0${JSON.stringify(split)}\0`)
    .update(bytes)
    .update(`\0${JSON.stringify(given ?? {})}`)
    .digest('hex');
}

/** Each line its own statement and its own hash: editing one line re-ingests one statement. */
async function ingestJsonl(
  file: InputFile,
  bytes: Buffer,
  known: Map<string, string>,
  present: Set<string>,
  submit: (source: string, task: PrepareTask) => Promise<void>,
  fail: (source: string, error: unknown) => void,
  split: SplitOptions,
): Promise<{ unchanged: number; failedLines: number }> {
  const text = decodeStatementFile(bytes, file.source);
  let unchanged = 0;
  let failedLines = 0;
  const seenIds = new Map<string, number>();
  for (const line of jsonlLines(text)) {
    try {
      const raw = parseJsonlStatement(file.source, line);
      const firstLine = seenIds.get(raw.source);
      if (firstLine !== undefined) throw new InputError(`${file.source}:${line.lineNumber}`, `duplicate id ${JSON.stringify(raw.given.externalId)} (first on line ${firstLine})`);
      seenIds.set(raw.source, line.lineNumber);
      present.add(raw.source);
      const hash = contentHash(line.line, undefined, split);
      if (known.get(raw.source) === hash) {
        unchanged++;
        continue;
      }
      await submit(raw.source, { kind: 'raw', raw, hash, split });
    } catch (error) {
      failedLines++;
      fail(`${file.source}:${line.lineNumber}`, error);
    }
  }
  return { unchanged, failedLines };
}
