import type { FieldSource, ProvenanceField } from '../../store/provenance.js';
import type { StatementInput } from '../../store/records.js';
import { contentHash } from '../content-hash.js';
import type { GivenMetadata } from '../document.js';
import { prepareStatement } from '../statement-file.js';
import type { IntakeOptions } from './types.js';

const FIELDS: readonly ProvenanceField[] = ['title', 'organisation', 'date', 'language', 'url'];
/** Sources where the document states a value itself, rather than it being guessed. */
const STATED: ReadonlySet<FieldSource> = new Set(['page', 'file']);

/** What the document itself says about the statement, and where in it each value came from. */
export interface DocumentMetadata {
  values: Partial<Record<ProvenanceField, string>>;
  /** Per field in `values`: 'page' (its own metadata), 'file' (an upload's front matter), 'url', 'inferred' … */
  sources: Partial<Record<ProvenanceField, FieldSource>>;
}

export interface DescribedStatement {
  statement: StatementInput;
  fields: Partial<Record<ProvenanceField, FieldSource>>;
}

/**
 * The one way an outside document's text becomes a statement: its metadata
 * decided field by field — given explicitly (by an admin or the sources file)
 * wins, and so do an admin's earlier `corrections` of the statement (over the
 * sources file's, under a new admin value), then what the document states itself, then the feed entry's, then
 * what is guessed from the address or the text — and cleaned, described and split by the same
 * code as every ingested file (statement-file.ts). The content hash covers the
 * text and the metadata decided, so a page whose furniture changed but whose
 * statement didn't is unchanged.
 */
export function describeStatement(
  source: string,
  text: string,
  document: DocumentMetadata,
  options: Pick<IntakeOptions, 'given' | 'givenBy' | 'feed'>,
  extra: Pick<GivenMetadata, 'externalId' | 'aliases'> = {},
  corrections: Partial<Record<ProvenanceField, string>> = {},
): DescribedStatement {
  const givenBy = options.givenBy ?? 'admin';
  // A feed given as `given` is only a fallback: the page knows its own title better than a feed's teaser.
  const given = givenBy === 'feed' ? {} : pickFields(options.given ?? {});
  // An admin's earlier correction outlasts a changed page and the sources file's defaults; only a new admin value replaces it.
  const layers = givenBy === 'admin' ? [valuesBy(given, givenBy), valuesBy(corrections, 'admin')] : [valuesBy(corrections, 'admin'), valuesBy(given, givenBy)];
  const fallback: Partial<Record<ProvenanceField, string>> = { ...(givenBy === 'feed' ? pickFields(options.given ?? {}) : {}), ...pickFields(options.feed ?? {}) };
  const decided: GivenMetadata = { ...extra };
  const fields: DescribedStatement['fields'] = {};
  for (const field of FIELDS) {
    const own = valueFrom(document.values[field], document.sources[field] ?? 'page');
    // The document's own word (its markup, front matter) beats a feed's; a feed's beats a guess from the text or the address.
    const stated = own && STATED.has(own.source) ? own : undefined;
    const choice = layers.map((layer) => layer(field)).find((value) => value !== undefined) ?? stated ?? valueFrom(fallback[field], 'feed') ?? own;
    if (!choice) continue;
    decided[field] = choice.value;
    fields[field] = choice.source;
  }
  const statement = prepareStatement({ source, body: text, given: decided }, contentHash(text, decided, {}));
  for (const field of FIELDS) if (!fields[field] && statement[field]) fields[field] = 'inferred';
  return { statement, fields };
}

function valuesBy(values: Partial<Record<ProvenanceField, string>>, source: FieldSource): (field: ProvenanceField) => { value: string; source: FieldSource } | undefined {
  return (field) => valueFrom(values[field], source);
}

function valueFrom(value: string | null | undefined, source: FieldSource): { value: string; source: FieldSource } | undefined {
  return value ? { value, source } : undefined;
}

function pickFields(record: Partial<Record<string, unknown>>): Partial<Record<ProvenanceField, string>> {
  const picked: Partial<Record<ProvenanceField, string>> = {};
  for (const field of FIELDS) {
    const value = record[field];
    if (typeof value === 'string' && value !== '') picked[field] = value;
  }
  return picked;
}
