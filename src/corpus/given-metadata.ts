import { normaliseDate } from './dates.js';
import { InputError, type GivenMetadata } from './document.js';

/** The names people use for each field in front matter, manifests and JSONL. */
const ALIASES = {
  title: ['title'],
  organisation: ['organisation', 'organization', 'org', 'author', 'signatories'],
  date: ['date', 'published', 'year'],
  language: ['language', 'lang'],
  url: ['url', 'source_url', 'link'],
  externalId: ['id', '_id', 'external_id'],
  aliases: ['aliases', 'alias', 'also_known_as'],
} as const;
/** Names one organisation may be declared to go by, at most. */
const MAX_ALIASES = 50;

const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;
const MAX_FIELD_CHARS = 2_000;

function pick(record: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) {
    const value = record[name] ?? record[name.toUpperCase()] ?? record[name[0]!.toUpperCase() + name.slice(1)];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

function asText(value: unknown, field: string, where: string): string {
  if (Array.isArray(value)) return value.map((item) => asText(item, field, where)).join('; ');
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value).replace(/\s+/g, ' ').trim();
    if (text.length > MAX_FIELD_CHARS) throw new InputError(where, `${field} is longer than ${MAX_FIELD_CHARS} characters`);
    return text;
  }
  throw new InputError(where, `${field} must be text, not ${value instanceof Date ? 'a date object' : typeof value}`);
}

/**
 * Read the metadata fields of a front-matter block, manifest row or JSONL
 * record, checking each value: a date that can't be read or a language that
 * isn't a code is an error for that input, never silently dropped or guessed.
 * Fields that are absent stay absent (so inference may fill them).
 */
export function readGivenMetadata(record: Record<string, unknown>, where: string): GivenMetadata {
  const given: GivenMetadata = {};
  const title = pick(record, ALIASES.title);
  if (title !== undefined) given.title = asText(title, 'title', where);
  const organisation = pick(record, ALIASES.organisation);
  if (organisation !== undefined) given.organisation = asText(organisation, 'organisation', where);
  const date = pick(record, ALIASES.date);
  if (date !== undefined) {
    const iso = normaliseDate(date instanceof Date ? date : asText(date, 'date', where));
    if (!iso) throw new InputError(where, `date ${JSON.stringify(String(date))} is not a date (use YYYY, YYYY-MM, YYYY-MM-DD or "10 September 2021")`);
    given.date = iso;
  }
  const language = pick(record, ALIASES.language);
  if (language !== undefined) {
    const code = asText(language, 'language', where);
    if (!LANGUAGE_CODE.test(code)) throw new InputError(where, `language ${JSON.stringify(code)} is not a language code such as "en" or "fr"`);
    given.language = code.split('-')[0]!.toLowerCase();
  }
  const url = pick(record, ALIASES.url);
  if (url !== undefined) given.url = asText(url, 'url', where);
  const externalId = pick(record, ALIASES.externalId);
  if (externalId !== undefined) given.externalId = asText(externalId, 'id', where);
  const aliases = pick(record, ALIASES.aliases);
  if (aliases !== undefined) given.aliases = readAliases(aliases, where);
  return given;
}

/** Other names for the organisation: a list, or one text with names separated by ";" ("Korea, Republic of" keeps its comma). */
function readAliases(value: unknown, where: string): string[] {
  const names = (Array.isArray(value) ? value.map((item) => asText(item, 'aliases', where)) : asText(value, 'aliases', where).split(';'))
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length > MAX_ALIASES) throw new InputError(where, `aliases lists ${names.length} names; at most ${MAX_ALIASES}`);
  return [...new Set(names)];
}
