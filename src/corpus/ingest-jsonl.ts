import { contentHash, isHashOf } from './content-hash.js';
import { decodeStatementFile } from './decode.js';
import { InputError } from './document.js';
import { jsonlLines, parseJsonlStatement } from './jsonl.js';
import type { KnownStatements } from './known-statements.js';
import type { InputFile } from './read-files.js';
import type { PrepareTask, SplitOptions } from './statement-file.js';

export interface JsonlContext {
  known: KnownStatements;
  /** Sources seen in this run (kept by --prune). */
  present: Set<string>;
  submit: (source: string, task: PrepareTask) => Promise<void>;
  fail: (source: string, error: unknown) => void;
  split: SplitOptions;
}

/** Each line its own statement and its own hash: editing one line re-ingests one statement. */
export async function ingestJsonl(file: InputFile, bytes: Buffer, { known, present, submit, fail, split }: JsonlContext): Promise<{ unchanged: number; failedLines: number }> {
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
      const stored = await known.storedHash(raw.source, `${file.relative}#${raw.given.externalId}`, (old) => isHashOf(old, line.line, undefined, split));
      if (stored === hash) {
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
