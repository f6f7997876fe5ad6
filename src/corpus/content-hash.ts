import { createHash } from 'node:crypto';
import type { GivenMetadata } from './document.js';

/**
 * Part of every content hash: bump it when cleaning, metadata inference or
 * splitting changes, so the next ingest redoes every statement rather than
 * keeping text produced by the old rules.
 */
export const PIPELINE_VERSION = 4;

/** sha256 of the pipeline version, the split settings, the raw bytes and the metadata given for them. */
export function contentHash(bytes: Uint8Array | string, given: GivenMetadata | undefined, split: object, version = PIPELINE_VERSION): string {
  return createHash('sha256')
    .update(`v${version}\0${JSON.stringify(split)}\0`)
    .update(bytes)
    .update(`\0${JSON.stringify(given ?? {})}`)
    .digest('hex');
}

/**
 * Was `hash` made from this very input (bytes, metadata, split settings) by
 * this pipeline or an earlier one? Then it is the same statement, only perhaps
 * cleaned by older rules.
 */
export function isHashOf(hash: string, bytes: Uint8Array | string, given: GivenMetadata | undefined, split: object): boolean {
  for (let version = PIPELINE_VERSION; version >= 1; version--) if (contentHash(bytes, given, split, version) === hash) return true;
  return false;
}
