/**
 * What an administrator can do to the corpus from a chat surface (/corpus in
 * Discord, the terminal session), behind one interface so src/discord knows
 * no SQL: add a statement from a web page or an uploaded file, correct a
 * statement's metadata, remove one, and see the state of it all. Every change
 * is recorded with who made it (corpus_changes). Built by createCorpusAdmin
 * (create-corpus-admin.ts) over a connection of its own, so readers on the
 * bot's connection see a statement before or after a write, never half-way.
 */
import type { CorpusActor } from '../../store/corpus-changes.js';
import type { CorpusStatus } from '../../store/corpus-status.js';
import type { FieldChange, MetadataField } from '../../store/statement-admin.js';
import type { IntakeResult } from '../intake/types.js';
import type { TypedMetadata } from './metadata-input.js';

export type { CorpusStatus, FailingSource, RefreshSummary } from '../../store/corpus-status.js';

/** One statement as /corpus add understood it: what intake did with it, and where each field came from. */
export type AddedStatement = IntakeResult;

/** An attachment to fetch and ingest: where the chat service serves it, and what it says it is. */
export interface UploadSource {
  filename: string;
  url: string;
  size: number;
  contentType?: string | null;
}

export interface CorpusAdmin {
  /** Fetch a web page (or document) and ingest it; `given` overrides what is found. */
  addUrl(url: string, given: TypedMetadata, actor: CorpusActor, signal?: AbortSignal): Promise<AddedStatement[]>;
  /** Check, download and ingest an uploaded file (a JSONL file may hold several statements). */
  addUpload(upload: UploadSource, given: TypedMetadata, actor: CorpusActor, signal?: AbortSignal): Promise<AddedStatement[]>;
  /** Correct a statement's metadata as typed in a form (every field; '' clears it); returns what changed. */
  correct(statementId: number, typed: Required<TypedMetadata>, actor: CorpusActor): Promise<{ title: string; changes: FieldChange[] }>;
  /** Remove a statement; returns its title. */
  remove(statementId: number, actor: CorpusActor): Promise<{ title: string }>;
  /** Size, last ingest and refresh, failing sources and the latest `changes` changes. */
  status(changes: number): Promise<CorpusStatus>;
}
