/**
 * Ingest throughput on the UN General Debate Corpus (10,952 speeches, 212 MB),
 * beside a raw bulk insert of the same rows by the `sqlite3` command-line shell
 * into the same schema (`.import` of CSV in one transaction: the FTS triggers
 * fire exactly as they do for us). Target: ingest within 2× of the raw insert.
 * `npm run bench -- ingest` or `npx tsx bench/ingest.ts [--limit N]`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ingest } from '../src/corpus/ingest.js';
import { DEFAULT_MAX_CHARS, DEFAULT_TARGET_CHARS } from '../src/corpus/split.js';
import { prepareUngdc, UNGDC_SPEAKERS, UNGDC_TARBALL } from '../src/corpus/ungdc.js';
import type { Database } from '../src/store/database.js';
import { openForWriting } from '../src/store/migrate.js';
import { machineLine, writeBenchmarkSection } from './report.js';

const DATASET = resolve(fileURLToPath(new URL('../', import.meta.url)), '../shared/datasets/ungdc');
const quiet = { debug: () => undefined, info: () => undefined, error: () => undefined } as never;

function quoteCsv(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Copy a table's rows to CSV (header first) for the shell's `.import`. */
async function exportCsv(db: Database, table: string, columns: string[], path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${columns.join(',')}\n`);
  const BATCH = 5_000;
  for (let offset = 0; ; offset += BATCH) {
    const rows = await db.all<Record<string, unknown>>(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY id LIMIT ? OFFSET ?`, [BATCH, offset]);
    if (rows.length === 0) break;
    for (const row of rows) if (!out.write(`${columns.map((column) => quoteCsv(row[column])).join(',')}\n`)) await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
}

/** Run the sqlite3 shell on `database` with `script` on standard input; resolves with wall-clock seconds. */
function timeSqliteShell(database: string, script: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const shell = spawn('sqlite3', ['-bail', database], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    shell.stderr.on('data', (chunk) => (stderr += chunk));
    shell.on('error', reject);
    shell.on('close', (code) => (code === 0 ? resolvePromise((performance.now() - started) / 1000) : reject(new Error(`sqlite3 exited ${code}: ${stderr}`))));
    shell.stdin.end(script);
  });
}

const STATEMENT_COLUMNS = ['id', 'source', 'external_id', 'slug', 'title', 'organisation', 'date', 'language', 'url', 'text', 'content_hash', 'ingested_at'];
const PASSAGE_COLUMNS = ['id', 'statement_id', 'ordinal', 'start_offset', 'end_offset', 'text'];

export async function benchIngest(options: { limit?: number } = {}): Promise<void> {
  if (!existsSync(join(DATASET, UNGDC_TARBALL)) || !existsSync(join(DATASET, UNGDC_SPEAKERS))) {
    console.log(`ingest benchmark skipped: the UN General Debate Corpus is not in ${DATASET}`);
    return;
  }
  const scratch = await mkdtemp(join(tmpdir(), 'bench-ingest-'));
  try {
    const unpackStarted = performance.now();
    const { root, files, manifest } = await prepareUngdc(DATASET, join(scratch, 'ungdc'), options.limit);
    const unpackSeconds = (performance.now() - unpackStarted) / 1000;
    console.log(`unpacked ${files.length} speeches in ${unpackSeconds.toFixed(1)} s`);

    // Ours: the ordinary ingest, as `npm run ingest:ungdc` runs it.
    const loadBefore = loadavg()[0]!;
    const ourPath = join(scratch, 'ingest.sqlite');
    const db = await openForWriting(ourPath);
    const summary = await ingest(db, options.limit === undefined ? [root] : files, { root, manifest, log: quiet });
    if (summary.failed > 0) throw new Error(`ingest failed on ${summary.failed} files: ${summary.failures.slice(0, 3).map((f) => `${f.source}: ${f.message}`).join('; ')}`);
    const rerunStarted = performance.now();
    const rerun = await ingest(db, options.limit === undefined ? [root] : files, { root, manifest, log: quiet });
    const rerunSeconds = (performance.now() - rerunStarted) / 1000;
    const textBytes = (await db.get<{ bytes: number }>('SELECT sum(length(CAST(text AS BLOB))) AS bytes FROM statements'))?.bytes ?? 0;
    console.log(`ingest: ${summary.added} statements, ${summary.passages} passages in ${summary.seconds.toFixed(1)} s; unchanged re-run ${rerunSeconds.toFixed(1)} s`);

    // Raw: the same rows, imported by the sqlite3 shell into a fresh database with the same schema and pragmas.
    const statementsCsv = join(scratch, 'statements.csv');
    const passagesCsv = join(scratch, 'passages.csv');
    await exportCsv(db, 'statements', STATEMENT_COLUMNS, statementsCsv);
    await exportCsv(db, 'passages', PASSAGE_COLUMNS, passagesCsv);
    await db.close();
    const rawPath = join(scratch, 'raw.sqlite');
    await (await openForWriting(rawPath)).close();
    const rawSeconds = await timeSqliteShell(
      rawPath,
      ['PRAGMA journal_mode = WAL;', 'PRAGMA synchronous = NORMAL;', 'PRAGMA foreign_keys = ON;', 'BEGIN;', `.import --csv --skip 1 ${statementsCsv} statements`, `.import --csv --skip 1 ${passagesCsv} passages`, 'COMMIT;', ''].join('\n'),
    );
    const rawPassages = Number(execFileSync('sqlite3', [rawPath, 'SELECT count(*) FROM passages']).toString().trim());
    if (rawPassages !== summary.passages) throw new Error(`raw import has ${rawPassages} passages, ingest wrote ${summary.passages}`);
    console.log(`raw sqlite3 .import: ${rawSeconds.toFixed(1)} s`);

    const loadAfter = loadavg()[0]!;
    const inputMb = summary.bytes / 1e6;
    const ratio = summary.seconds / rawSeconds;
    const sqliteVersion = execFileSync('sqlite3', ['--version']).toString().split(' ')[0];
    const markdown = `## Ingest: UN General Debate Corpus

${await machineLine()}. \`npm run bench -- ingest\`: ${summary.added} speeches (${inputMb.toFixed(0)} MB of input, ${(textBytes / 1e6).toFixed(0)} MB after cleaning) → ${summary.passages} passages (target ${DEFAULT_TARGET_CHARS}, max ${DEFAULT_MAX_CHARS} characters).

| | seconds | MB/s | statements/s | passages/s |
|---|---:|---:|---:|---:|
| \`ingest()\` (read, clean, describe, split, one transaction per statement, FTS5 triggers) | ${summary.seconds.toFixed(1)} | ${(inputMb / summary.seconds).toFixed(2)} | ${(summary.added / summary.seconds).toFixed(0)} | ${(summary.passages / summary.seconds).toFixed(0)} |
| raw bulk insert of the same rows: \`sqlite3\` ${sqliteVersion} shell, \`.import\` CSV in one transaction, same schema and triggers | ${rawSeconds.toFixed(1)} | ${(inputMb / rawSeconds).toFixed(2)} | ${(summary.added / rawSeconds).toFixed(0)} | ${(summary.passages / rawSeconds).toFixed(0)} |
| **ratio ingest / raw** (target ≤ 2×) | **${ratio.toFixed(2)}×** | | | |

Re-running the ingest on the unchanged corpus (content hashes match, nothing parsed or written): ${rerunSeconds.toFixed(1)} s. Unpacking the tarball (not counted above): ${unpackSeconds.toFixed(1)} s. Database size: ${(statSync(ourPath).size / 1e6).toFixed(0)} MB. Load average (1 min) before and after: ${loadBefore.toFixed(1)}, ${loadAfter.toFixed(1)} — the ingest uses two cores (cleaning on a worker thread while SQLite writes), the shell one, so a busy machine slows the ingest more.`;
    writeBenchmarkSection('ingest', markdown);
    console.log(`ingest / raw = ${ratio.toFixed(2)}×`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const limitIndex = process.argv.indexOf('--limit');
  await benchIngest({ limit: limitIndex > 0 ? Number(process.argv[limitIndex + 1]) : undefined });
}
