import type { FieldSource, ProvenanceField } from '../../store/provenance.js';
import { extractStatement } from '../web/extract.js';
import type { DocumentMetadata } from './describe.js';

/** An HTML page's or PDF's main text and own metadata, as intake uses them. */
export interface ExtractedDocument {
  text: string;
  /** The page's canonical URL (its statement's source); null for an upload. */
  canonicalUrl: string | null;
  metadata: DocumentMetadata;
}

const FIELDS: readonly ProvenanceField[] = ['title', 'organisation', 'date', 'language', 'url'];

/**
 * extractStatement (src/corpus/web/extract.ts) for a fetched page or an
 * uploaded file. An upload has no address: it is extracted under a file: URL
 * naming it, and neither that URL nor a canonical link it claims becomes the
 * statement's url unless the page gives one (then it is the page's word).
 */
export async function extractDocument(input: { url: string | null; filename?: string; contentType: string; charset?: string; body: Buffer }): Promise<ExtractedDocument> {
  const url = input.url ?? `file:///uploads/${encodeURIComponent(input.filename ?? 'upload')}`;
  const extracted = await extractStatement({ url, contentType: input.contentType, ...(input.charset ? { charset: input.charset } : {}), body: input.body });
  const values: DocumentMetadata['values'] = {};
  const sources: DocumentMetadata['sources'] = {};
  for (const field of FIELDS) {
    const value = field === 'url' ? (input.url === null && extracted.fields.url !== 'page' ? undefined : extracted.url) : extracted[field];
    if (!value) continue;
    values[field] = value;
    sources[field] = (extracted.fields[field] ?? 'page') as FieldSource;
  }
  return { text: extracted.text, canonicalUrl: input.url === null ? null : extracted.url, metadata: { values, sources } };
}
