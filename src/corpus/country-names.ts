import { createRequire } from 'node:module';

/**
 * Is a piece of text a country's name, as a signatory list states it
 * ("Tunisia", "Democratic Republic of the Congo", "Great Britain",
 * "Deutschland")? From the world-countries data set (mledoze/countries,
 * ODbL): common and official names, alternative spellings and names in the
 * country's own languages. Two-letter codes are left out: "UC" or "RM" in a
 * list are abbreviations, not countries.
 */
export function isCountryName(text: string): boolean {
  const key = foldName(text);
  return key.length > 2 && countryNames().has(key);
}

interface CountryEntry {
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  altSpellings: string[];
}

let names: Set<string> | undefined;

/** Every name form, folded; loaded once, when first needed. */
function countryNames(): Set<string> {
  if (!names) {
    const entries = createRequire(import.meta.url)('world-countries/countries.json') as CountryEntry[];
    names = new Set();
    for (const entry of entries) {
      const native = Object.values(entry.name.native ?? {}).flatMap((name) => [name.common, name.official]);
      for (const name of [entry.name.common, entry.name.official, ...entry.altSpellings, ...native]) {
        if (name.length > 2) names.add(foldName(name));
      }
    }
  }
  return names;
}

/** "Côte d'Ivoire" → "cote d ivoire": case, diacritics and punctuation don't tell two names apart. */
function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Mark}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
    .trim();
}
