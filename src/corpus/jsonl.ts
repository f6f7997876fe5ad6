import { InputError, type RawStatement } from './document.js';
import { readGivenMetadata } from './given-metadata.js';

export interface JsonlLine {
  /** 1-based, as editors show it. */
  lineNumber: number;
  /** The line's own bytes' text: its content hash covers only this line, so editing one line re-ingests one statement. */
  line: string;
}

/** The non-blank lines of a JSONL file, numbered. */
export function jsonlLines(text: string): JsonlLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: JsonlLine[] = [];
  lines.forEach((line, index) => {
    if (line.trim() !== '') out.push({ lineNumber: index + 1, line });
  });
  return out;
}

/**
 * One JSONL line → one statement: `id` or `_id`, `title`, `text` or `body`,
 * optional `organisation`, `date`, `url`, `language`. Anything wrong is an
 * {@link InputError} for `file:line` only; the other lines still go in.
 */
export function parseJsonlStatement(file: string, { lineNumber, line }: JsonlLine): RawStatement {
  const where = `${file}:${lineNumber}`;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    throw new InputError(where, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new InputError(where, 'each line must be a JSON object');
  const fields = record as Record<string, unknown>;
  const given = readGivenMetadata(fields, where);
  if (!given.externalId) throw new InputError(where, 'missing "id" (or "_id"): it keeps the statement the same across runs');
  const body = fields.text ?? fields.body;
  if (typeof body !== 'string') throw new InputError(where, 'missing "text" (or "body") string');
  if (body.trim() === '') throw new InputError(where, '"text" is empty');
  return { source: `${file}#${given.externalId}`, body, given };
}
