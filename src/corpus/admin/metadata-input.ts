/**
 * Metadata typed by an administrator — /corpus add's overrides, the "Correct
 * metadata" form — read with the same rules as front matter and manifests
 * (given-metadata.ts), so a date or language the ingest would refuse is
 * refused here too, with a message saying what to type instead.
 */
import { UserFacingError } from '../../errors.js';
import type { MetadataPatch } from '../../store/statement-admin.js';
import { InputError, type GivenMetadata } from '../document.js';
import { readGivenMetadata } from '../given-metadata.js';

/** Typed values by field name; '' (or absent) is "not given". */
export type TypedMetadata = Partial<Record<'title' | 'organisation' | 'date' | 'language' | 'url', string>>;

/** Read and check typed metadata; a bad value is a UserFacingError naming the field. */
export function readTypedMetadata(typed: TypedMetadata): GivenMetadata {
  const record = Object.fromEntries(Object.entries(typed).filter(([, value]) => value !== undefined && value.trim() !== ''));
  let given: GivenMetadata;
  try {
    given = readGivenMetadata(record, 'the form');
  } catch (error) {
    if (error instanceof InputError) throw new UserFacingError('bad_metadata', `Nothing was changed: the ${error.message.replace(/^(\w)/, (c) => c.toLowerCase())}.`);
    throw error;
  }
  if (given.url && !isWebAddress(given.url)) throw new UserFacingError('bad_metadata', `Nothing was changed: the URL ${JSON.stringify(given.url)} is not a web address (https://…).`);
  return given;
}

/**
 * The correction a submitted form asks for. Every field of the form is there:
 * an emptied organisation, date, language or URL is cleared (unknown); the title may not be emptied.
 */
export function readMetadataCorrection(typed: Required<TypedMetadata>): MetadataPatch {
  const given = readTypedMetadata(typed);
  if (!given.title) throw new UserFacingError('bad_metadata', 'Nothing was changed: a statement needs a title.');
  return { title: given.title, organisation: given.organisation ?? '', date: given.date ?? null, language: given.language ?? null, url: given.url ?? null };
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
