import type { GivenMetadata } from '../document.js';
import type { ExtractedField, ExtractedStatement, FieldSource } from './extract.js';

const FIELDS: readonly ExtractedField[] = ['title', 'date', 'organisation', 'language', 'url'];

/**
 * An extracted statement with metadata someone gave — a feed entry, a sources
 * file, an admin's command — put over what the page said, and `fields` saying
 * so. `given` is validated already (../given-metadata.ts readGivenMetadata:
 * dates normalised, language codes checked); absent or empty values leave the
 * page's. Call once per source, the most trusted last.
 */
export function withGivenFields(statement: ExtractedStatement, given: GivenMetadata, source: FieldSource): ExtractedStatement {
  const next: ExtractedStatement = { ...statement, fields: { ...statement.fields } };
  for (const field of FIELDS) {
    const value = given[field];
    if (typeof value !== 'string' || value.trim() === '') continue;
    next[field] = value.trim();
    next.fields[field] = source;
  }
  return next;
}
