import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import { UserFacingError } from '../errors.js';
import { InputError, type GivenMetadata } from './document.js';
import { readGivenMetadata } from './given-metadata.js';

/** Metadata for plain files, keyed by source (the file's path relative to the ingest root, with `/`). */
export type Manifest = Map<string, GivenMetadata>;

const KEY_COLUMNS = ['path', 'file', 'filename'];

/** "./a\\b.txt" → "a/b.txt": how a manifest key and a source key are compared. */
export function normaliseSourceKey(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/');
}

/**
 * Read a manifest: CSV with a header row, or JSONL, one entry per file with a
 * `path` (or `file`) column and any of title, organisation, date, language,
 * url, id. A bad manifest stops the run before anything is written: every file
 * it describes would otherwise be ingested with the wrong metadata.
 */
export async function loadManifest(path: string): Promise<Manifest> {
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UserFacingError('bad_manifest', `Can't read the manifest ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const rows = path.toLowerCase().endsWith('.jsonl') ? jsonlRows(text, path) : csvRows(text, path);
  const manifest: Manifest = new Map();
  for (const { row, where } of rows) {
    const keyColumn = KEY_COLUMNS.find((column) => typeof row[column] === 'string' && row[column] !== '');
    if (!keyColumn) throw new UserFacingError('bad_manifest', `${where}: no "path" column giving the file it describes`);
    const key = normaliseSourceKey(String(row[keyColumn]));
    const fields = Object.fromEntries(Object.entries(row).filter(([column]) => !KEY_COLUMNS.includes(column)));
    try {
      manifest.set(key, readGivenMetadata(fields, where));
    } catch (error) {
      if (error instanceof InputError) throw new UserFacingError('bad_manifest', `${error.source}: ${error.message}`);
      throw error;
    }
  }
  return manifest;
}

function csvRows(text: string, path: string): { row: Record<string, unknown>; where: string }[] {
  try {
    const rows = parseCsv(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, info: true }) as { record: Record<string, unknown>; info: { lines: number } }[];
    return rows.map(({ record, info }) => ({ row: record, where: `${path}:${info.lines}` }));
  } catch (error) {
    throw new UserFacingError('bad_manifest', `${path}: not a valid CSV manifest (${error instanceof Error ? error.message : String(error)})`);
  }
}

function jsonlRows(text: string, path: string): { row: Record<string, unknown>; where: string }[] {
  const rows: { row: Record<string, unknown>; where: string }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${path}:${index + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new UserFacingError('bad_manifest', `${where}: not valid JSON`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new UserFacingError('bad_manifest', `${where}: each line must be a JSON object`);
    rows.push({ row: row as Record<string, unknown>, where });
  });
  return rows;
}
