import { isCountryName } from './country-names.js';
import { isPersonName, readPersonWithRole } from './signatory-person.js';

/** One entry of a list of signatories, read from its line. */
export interface ParsedSignatory {
  name: string;
  /** The short form the list gives before the name ("MLPD", "CPI (ML) Red Star"), or null. */
  abbreviation: string | null;
  /** The country the entry states apart from its name (", France", "(Belarus)"), as written, or null. */
  country: string | null;
  /** What a person signs for, or the network an organisation names beside its country ("Iskra Group", "LCFI"), or null. */
  affiliation: string | null;
  kind: 'organisation' | 'person';
}

const DASH = '[-–—]';

/**
 * Read one entry of a signatory list: "ORC Organisation Révolutionnaire du
 * Congo (…), Democratic Republic of the Congo", "Iskra Group: Askar Aysin
 * (Kazakhstan)", "Liga Comunista (Brazil – LCFI)". A country is taken only
 * when it is set apart (after a comma or dash, in brackets) and is a country's
 * name: "… Front of Nepal" keeps Nepal in its name. Undefined when nothing
 * like a name is left.
 */
export function parseSignatoryEntry(entry: string): ParsedSignatory | undefined {
  let rest = tidy(entry);
  let country: string | null = null;
  let affiliation: string | null = null;

  const bracketed = /^(.*\S)\s*\(([^()]+)\)$/u.exec(rest);
  const separated = new RegExp(`^(.*\\S)\\s*(?:,|\\s${DASH}|(?<=[!?]))\\s+([^,()–—]+)$`, 'u').exec(rest);
  if (bracketed && isCountryName(bracketed[2]!)) {
    [rest, country] = [bracketed[1]!, bracketed[2]!.trim()];
  } else if (bracketed && /\s[–—-]\s/.test(bracketed[2]!) && isCountryName(bracketed[2]!.split(/\s[–—-]\s/)[0]!)) {
    // "(Great Britain – LCFI)": the country, then the international the group belongs to.
    const [place, ...network] = bracketed[2]!.split(/\s[–—-]\s/);
    [rest, country, affiliation] = [bracketed[1]!, place!.trim(), network.join(' – ').trim()];
  } else if (separated && isCountryName(separated[2]!)) {
    [rest, country] = [separated[1]!, separated[2]!.trim()];
  }
  rest = rest.replace(/[\s,;:–—-]+$/u, '');

  // "John Smith, Professor, University of X", "Jane Doe (Member of Parliament, Ireland)": a person, and what they are.
  const withRole = readPersonWithRole(rest);
  if (withRole) {
    return { name: withRole.name, abbreviation: null, country: country ?? withRole.country, affiliation: withRole.affiliation, kind: 'person' };
  }

  // "Iskra Group: Askar Aysin": a person, and what they sign for.
  const signingFor = /^([^:]+):\s+(.+)$/u.exec(rest);
  if (signingFor && isPersonName(signingFor[2]!)) {
    return { name: signingFor[2]!, abbreviation: null, country, affiliation: signingFor[1]!.trim(), kind: 'person' };
  }

  const { abbreviation, name } = splitAbbreviation(rest);
  if (!/\p{Letter}/u.test(name)) return undefined;
  const kind = !abbreviation && isPersonName(name) ? 'person' : 'organisation';
  return { name, abbreviation, country, affiliation, kind };
}

/** Whitespace collapsed, a trailing comma or a dangling "(" dropped, "(Communist United )" closed up. */
function tidy(entry: string): string {
  return entry
    .replace(/\s+/gu, ' ')
    .replace(/\(\s+/gu, '(')
    .replace(/\s+\)/gu, ')')
    .replace(/[\s,;]*\($/u, '')
    .replace(/[\s,;]+$/u, '')
    .trim();
}

/**
 * "PCPCI Parti Communiste …" → PCPCI and the name. The short form is a first
 * word with two capitals or more ("UPC-Manidem", "UoC", "CPA/ML") — or one the
 * name repeats ("Ranjbaran Hezb-e Ranjbaran-e Iran") — followed by a
 * capitalised name; it takes the bracketed parts after it that are capitals
 * or that the name repeats ("CPSA (ML)", "NCP (Mashal)"), and words the name
 * ends with too ("CPI (ML) Red Star Communist Party of India (…) Red Star").
 */
function splitAbbreviation(text: string): { abbreviation: string | null; name: string } {
  const first = /^(\S+)\s+(?=\S)/u.exec(text);
  if (!first) return { abbreviation: null, name: text };
  const token = first[1]!;
  let rest = text.slice(first[0].length);
  const capitals = (token.match(/\p{Lu}/gu) ?? []).length;
  const shaped = /^[\p{Lu}\d][\p{L}\d/&.-]*$/u.test(token);
  const repeated = new RegExp(`(?:^|\\s)${escapeRegExp(token)}[-\\s]`, 'u').test(`${rest} `);
  if (!shaped || (capitals < 2 && !repeated)) return { abbreviation: null, name: text };

  const parts = [token];
  for (let bracket = /^\(([^()]+)\)\s+/u.exec(rest); bracket; bracket = /^\(([^()]+)\)\s+/u.exec(rest)) {
    const after = rest.slice(bracket[0].length);
    if (!/^[\p{Lu}\d\s/.-]+$/u.test(bracket[1]!) && !after.includes(bracket[0].trim())) break;
    parts.push(bracket[0].trim());
    rest = after;
  }
  const words = rest.split(' ');
  for (let count = Math.min(3, Math.floor(words.length / 2) - 1); count >= 1; count--) {
    const repeatedEnd = words.slice(0, count).join(' ');
    if (rest.endsWith(` ${repeatedEnd}`)) {
      parts.push(repeatedEnd);
      rest = words.slice(count).join(' ');
      break;
    }
  }
  if (!/^[\p{Lu}\d"“«„'(]/u.test(rest)) return { abbreviation: null, name: text };
  return { abbreviation: parts.join(' '), name: rest };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
