import { detectLanguage } from '../language/detect.js';
import type { StatementMetadata } from '../store/records.js';
import { findDates } from './dates.js';
import { trailingSignature, withoutDates } from './signature.js';

export type InferredMetadata = Pick<StatementMetadata, 'title' | 'organisation' | 'date' | 'language'>;

/**
 * What a cleaned statement says about itself, for files that come without
 * metadata. Every value is read from the text — a heading, a byline, a
 * signature, a dated line; a value the text doesn't give stays '' or null.
 */
export function inferMetadata(text: string): InferredMetadata {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const signature = trailingSignature(text);
  const byline = findByline(lines);
  return {
    title: findTitle(lines),
    organisation: byline?.organisation ?? signatureOrganisation(signature.lines) ?? signatoryList(lines) ?? acronymSpeaker(text) ?? '',
    date: byline?.date ?? (signature.dateLine ? findDates(signature.dateLine)[0]?.iso : undefined) ?? currentDate(text) ?? null,
    language: detectLanguage(text) ?? null,
  };
}

const MAX_TITLE_CHARS = 160;
/** Openings of a speech, not titles: "Mr. President,", "Excellencies,", "**Mr President,**". */
const SALUTATION = /^[*_]*(mr\.?|madam|mister|monsieur|señor|excellenc|your (excellenc|majest|highness)|ladies|dear|distinguished|honourable|honorable|friends|comrades)\b/i;

/** The first line, when it reads as a heading: short, not a salutation or list item, not ending in a comma or colon. */
function findTitle(lines: string[]): string {
  const first = lines[0];
  if (!first || first.length > MAX_TITLE_CHARS || SALUTATION.test(first) || /^(\d{1,3}[.)]|[•▪●◦*–-])\s/u.test(first)) return '';
  if (/[,;:]$/.test(first)) return '';
  const title = first.replace(/^[#*_\s]+|[*_\s]+$/g, '');
  return title.endsWith('.') && !/\b\p{Lu}\.$/u.test(title) ? title.slice(0, -1) : title;
}

/** "ICOR Resolution, 10 September 2021", "Joint Statement of X, …" in the first lines. */
const BYLINE = /^(?:the\s+)?(.{2,80}?)\s+(resolution|statement|declaration|communiqu[ée]|appeal|press release)\b(.*)$/iu;
const BYLINE_OF = /^(?:joint\s+)?(?:resolution|statement|declaration|communiqu[ée]|appeal|press release)\s+(?:of|by|from)\s+(?:the\s+)?(.{2,100}?)(?:[,–—-]\s*(.*))?$/iu;
const BYLINE_LINES = 4;
const MAX_BYLINE_CHARS = 140;

function findByline(lines: string[]): { organisation: string; date: string | undefined } | undefined {
  for (const line of lines.slice(0, BYLINE_LINES)) {
    if (line.length > MAX_BYLINE_CHARS || /[.!?]$/.test(line)) continue;
    const dates = findDates(line);
    const of = BYLINE_OF.exec(line);
    const named = BYLINE.exec(line);
    const organisation = of ? withoutDates(of[1]!) : named && /^\p{Lu}/u.test(named[1]!) && (named[3]!.trim() === '' || dates.length > 0) ? named[1]! : undefined;
    if (organisation && /\p{Lu}/u.test(organisation)) return { organisation: organisation.trim(), date: dates[0]?.iso };
  }
  return undefined;
}

function signatureOrganisation(lines: string[]): string | undefined {
  if (lines.length === 0) return undefined;
  return lines.map((line) => line.replace(/^the\s+/i, '')).join(', ');
}

/** Cap on a list of signatories used as the organisation: the full list stays in the text. */
const MAX_SIGNATORIES_CHARS = 300;

/** A "Signatories" list at the end: its entries, numbering and bullets removed. */
function signatoryList(lines: string[]): string | undefined {
  // The list is everything after a line that mentions signatories, and nothing but short entries.
  const heading = lines.findIndex((line, index) => {
    if (!/\bsignator(y|ies)\b/i.test(line) || line.length > 200) return false;
    const rest = lines.slice(index + 1).filter((entry) => !/\bsignator(y|ies)\b/i.test(entry));
    return rest.length >= 2 && rest.every((entry) => entry.length <= 200 && !/[.!?]$/.test(entry));
  });
  if (heading === -1) return undefined;
  const names = lines
    .slice(heading + 1)
    .filter((line) => !/\bsignator(y|ies)\b/i.test(line))
    .map((line) => line.replace(/^(\d{1,3}[.)]|[•▪●◦*–-])\s+/u, '').replace(/[,;]$/, '').trim())
    .filter((line) => line !== '');
  if (names.length === 0) return undefined;
  let joined = '';
  let included = 0;
  for (const name of names) {
    const next = joined ? `${joined}; ${name}` : name;
    if (next.length > MAX_SIGNATORIES_CHARS) break;
    joined = next;
    included++;
  }
  if (included === 0) return undefined;
  return included < names.length ? `${joined}; and ${names.length - included} more` : joined;
}

/** "The CIPOML calls on …", "The ICOR supports …": an acronym speaking for itself, at least twice or at the end. */
const ACRONYM_SPEAKS = /\bThe (\p{Lu}{3,8}) (calls|supports|condemns|demands|declares|appeals|salutes|stands|urges|reaffirms|denounces|welcomes|expresses)\b/gu;

function acronymSpeaker(text: string): string | undefined {
  const found = [...text.matchAll(ACRONYM_SPEAKS)].map((match) => match[1]!);
  const distinct = new Set(found);
  return distinct.size === 1 ? found[0] : undefined;
}

/** "as of July 10th, 2021": the text's own present, to the month (the statement may be from days later). */
function currentDate(text: string): string | undefined {
  const match = /\b(?:as of|as at|today,?)\s+(?:the\s+)?([^\n]{6,30})/i.exec(text);
  if (!match) return undefined;
  const date = findDates(match[1]!)[0];
  if (!date || date.index !== 0) return undefined;
  return date.iso.slice(0, 7);
}
