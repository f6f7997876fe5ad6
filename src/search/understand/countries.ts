import { createRequire } from 'node:module';
import { nameWords } from './words.js';

/**
 * Other names for a country the corpus holds statements of: its common and
 * official names, spellings ("Côte d'Ivoire", "Ivory Coast", "DRC"), its
 * demonym ("Iranian", "Nigerien" for Niger, "Nigerian" for Nigeria) and its
 * name in other languages ("Иран", "ایران"), from the world-countries data
 * set (mledoze/countries, ODbL). Historical states it doesn't know are in
 * historical-names.ts.
 */
export interface CountryForms {
  /** ISO 3166 alpha-3: one country, whatever the name its statements were filed under. */
  code: string;
  names: string[];
  demonyms: string[];
  /** Two-letter codes ("US", "UK"): matched only in capitals, as "us" is a pronoun. */
  codes: string[];
}

interface CountryEntry {
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: Record<string, { m: string; f: string }>;
  translations: Record<string, { common: string; official: string }>;
}

/** Official-name prefixes that leave the name people use ("Republic of Turkey" → Turkey). */
const STATE_FORMS = /^(?:the\s+)?(?:(?:federal|democratic|islamic|socialist|people's|united|plurinational|bolivarian|independent|federated)\s+)*(?:republic|kingdom|state|states|federation|commonwealth|union|emirate|principality|sultanate|grand duchy)\s+of\s+(?:the\s+)?/i;

let index: Map<string, CountryEntry> | undefined;

/** Every name form of every country, folded, to the country. Loaded once, when first needed. */
function countryIndex(): Map<string, CountryEntry> {
  if (!index) {
    const entries = createRequire(import.meta.url)('world-countries/countries.json') as CountryEntry[];
    index = new Map();
    // A country's own names first, then the shortened official ones: "Congo" is the Republic of the Congo's name, not "Democratic Republic of the Congo" shortened.
    for (const names of [primaryNames, shortenedNames]) {
      for (const entry of entries) {
        for (const name of names(entry)) {
          const key = nameWords(name).join(' ');
          if (key.length > 2 && !index.has(key)) index.set(key, entry);
        }
      }
    }
  }
  return index;
}

function primaryNames(entry: CountryEntry): string[] {
  return [entry.name.common, entry.name.official, ...entry.altSpellings.filter((spelling) => spelling.length > 2)];
}

function shortenedNames(entry: CountryEntry): string[] {
  return primaryNames(entry)
    .map((name) => name.replace(STATE_FORMS, ''))
    .filter((name) => name !== '');
}

function namesOf(entry: CountryEntry): string[] {
  return [...primaryNames(entry), ...shortenedNames(entry)];
}

/**
 * The forms of the country an organisation name denotes ("Iran (Islamic
 * Republic of)", "Turkey", "Federal Republic of Germany"), or undefined when it
 * is no country the data set knows.
 */
export function countryForms(organisation: string): CountryForms | undefined {
  const entry = lookup(organisation);
  if (!entry) return undefined;
  const demonyms = Object.values(entry.demonyms ?? {}).flatMap((d) => [d.m, d.f]);
  const translated = Object.values(entry.translations).flatMap((t) => [t.common, t.official]);
  return {
    code: entry.cca3,
    names: unique([...namesOf(entry), ...translated]),
    demonyms: unique(demonyms.filter(Boolean)),
    codes: entry.altSpellings.filter((spelling) => /^[A-Z]{2}$/.test(spelling)),
  };
}

function lookup(organisation: string): CountryEntry | undefined {
  const countries = countryIndex();
  const plain = organisation.trim();
  // "Iran (Islamic Republic of)" is "Islamic Republic of Iran", or just "Iran".
  const inverted = /^(.*?)\s*\(([^)]*\bof)\)$/i.exec(plain);
  const forms = [plain, plain.replace(/\s*\([^)]*\)\s*/g, ' ').trim(), ...(inverted ? [`${inverted[2]} ${inverted[1]}`] : []), plain.replace(STATE_FORMS, '')];
  for (const form of forms) {
    const entry = countries.get(nameWords(form).join(' '));
    if (entry) return entry;
  }
  return undefined;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
