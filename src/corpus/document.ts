import type { StatementMetadata } from '../store/records.js';

/** Metadata someone wrote down (front matter, manifest, JSONL fields): wins over anything inferred. */
export type GivenMetadata = Partial<StatementMetadata> & { externalId?: string; aliases?: string[] };

/** One statement as read from a file, before cleaning: the body still carries whatever the source had. */
export interface RawStatement {
  /** Stable key: path relative to the ingest root, or `file.jsonl#<id>`. */
  source: string;
  body: string;
  given: GivenMetadata;
}

/**
 * A problem with one input (a file, or one line of a JSONL file). The run goes
 * on; the message is printed as one line, so it says what is wrong and where.
 */
export class InputError extends Error {
  constructor(
    /** The source key or `file:line`, as the user would look for it. */
    readonly source: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
