import type { Logger } from '../../log.js';
import type { FieldSource, ProvenanceField } from '../../store/provenance.js';
import type { GivenMetadata } from '../document.js';

/** Who gave metadata explicitly: it wins over what the document says ('feed' only fills what the page lacks). */
export type MetadataGiver = 'sources-file' | 'admin' | 'feed';

/** What one outside document did to the corpus. */
export interface IntakeResult {
  /** 'changed': the statement kept its id; its previous text is kept as a version. */
  status: 'added' | 'changed' | 'unchanged';
  statementId: number;
  slug: string;
  title: string;
  organisation: string;
  date: string | null;
  language: string | null;
  url: string | null;
  /** Passages the statement has now. */
  passages: number;
  /** Where each metadata field's value came from. */
  fields: Partial<Record<ProvenanceField, FieldSource>>;
}

export interface IntakeOptions {
  /** Metadata given explicitly (by `givenBy`, default 'admin'): wins over the document's own, and the provenance says so. */
  given?: GivenMetadata;
  givenBy?: MetadataGiver;
  /** What a feed entry said about the page: used only where the page says nothing. */
  feed?: { title?: string; date?: string };
  /** Fetch even when the stored validators say nothing changed, and rewrite even an identical body. */
  force?: boolean;
  signal?: AbortSignal;
  log?: Logger;
  /** The clock for fetched-at and version dates (tests). */
  now?: () => Date;
}

/** An uploaded file, e.g. a Discord attachment. */
export interface Upload {
  filename: string;
  bytes: Uint8Array;
  contentType?: string;
}
