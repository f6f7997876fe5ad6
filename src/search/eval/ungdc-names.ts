import { readSpeakers } from '../../corpus/ungdc.js';
import { tokenize } from '../tokenize.js';
import { DEMONYMS } from './ungdc-demonyms.js';
import type { CorpusStatistics } from './ungdc-topics.js';

/**
 * How the evaluation questions name a speaker: the organisation the ingest
 * gave the speech (the country as the UN called it that year), the other
 * names speakers.csv uses for the same country in the same period ("USSR",
 * "United States", "Viet Nam"), and its adjectives (ungdc-demonyms.ts).
 */

/** A speech of the UN corpus as ingested: external id `ISO_session_year` (src/corpus/ungdc.ts). */
export interface UngdcSpeech {
  statementId: number;
  externalId: string;
  iso: string;
  year: number;
  organisation: string;
  title: string;
}

const SPEECH_ID = /^([A-Z]{2,4})_(\d{1,2})_(\d{4})$/;

/** "IRN_39_1984" → { iso: 'IRN', year: 1984 } (the European Union's speeches are "EU_66_2011"). */
export function parseSpeechId(externalId: string): { iso: string; year: number } | undefined {
  const match = SPEECH_ID.exec(externalId);
  return match ? { iso: match[1]!, year: Number(match[3]) } : undefined;
}

/** A name speakers.csv must give a country this many times in a period to count as one of its names (typos like "Phlippines" occur once or twice). */
export const MIN_NAME_USES = 3;
/** … and the speeches must use it in this many statements: a name people write ("USSR", "UAE"), not a typo of the table ("Lybia", in 2). */
export const MIN_NAME_STATEMENTS = 8;

/** Another name of a speaker, and the years speakers.csv uses it in. */
export interface CountryAlias {
  name: string;
  from: number;
  to: number;
}

/**
 * Other names of each speaker, keyed `ISO|organisation`: names speakers.csv
 * gives that country at least MIN_NAME_USES times in the years the corpus
 * calls it `organisation` — so "USSR" names Soviet speeches and "Russia" the
 * Russian Federation's, never the other way round — with the span of years it
 * gives them in ("Bolivarian Republic of Venezuela" from 2000: no 1954 speech
 * gets it). Left out: names the corpus gives some speaker (the anachronistic
 * "Russian Federation" on Soviet rows, "Swaziland" on a Swedish row), inverted
 * index forms ("Iran, Islamic Republic of"), annotated ones ("Holy
 * See/Vatican") and spellings of the organisation itself ("Cote d'Ivoire").
 * See also usedAliases.
 */
export function countryAliases(speakersCsv: string, speeches: readonly UngdcSpeech[]): Map<string, CountryAlias[]> {
  const organisationByIsoYear = new Map(speeches.map((speech) => [`${speech.iso}|${speech.year}`, speech.organisation]));
  const corpusNames = new Set(speeches.map((speech) => comparable(speech.organisation)));
  const uses = new Map<string, Map<string, number[]>>();
  for (const [key, rows] of readSpeakers(speakersCsv).speakers) {
    const parsed = parseSpeechId(key);
    if (!parsed) continue;
    const organisation = organisationByIsoYear.get(`${parsed.iso}|${parsed.year}`);
    if (organisation === undefined) continue;
    for (const name of new Set(rows.map((row) => tidyCountryName(row.country)))) {
      if (name === '' || /[,/(]/.test(name) || corpusNames.has(comparable(name))) continue;
      const group = `${parsed.iso}|${organisation}`;
      const byName = uses.get(group) ?? new Map<string, number[]>();
      byName.set(name, [...(byName.get(name) ?? []), parsed.year]);
      uses.set(group, byName);
    }
  }
  const aliases = new Map<string, CountryAlias[]>();
  for (const [group, byName] of uses) {
    const names = [...byName]
      .filter(([, years]) => years.length >= MIN_NAME_USES)
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .map(([name, years]) => ({ name, from: Math.min(...years), to: Math.max(...years) }));
    if (names.length > 0) aliases.set(group, names);
  }
  return aliases;
}

/** The other names `speech`'s speaker had in its year. */
export function aliasesOf(speech: UngdcSpeech, aliases: ReadonlyMap<string, readonly CountryAlias[]>): string[] {
  return (aliases.get(`${speech.iso}|${speech.organisation}`) ?? []).filter((alias) => alias.from <= speech.year && speech.year <= alias.to).map((alias) => alias.name);
}

/** The aliases the speeches themselves use, in at least MIN_NAME_STATEMENTS statements. */
export async function usedAliases(aliases: ReadonlyMap<string, readonly CountryAlias[]>, stats: CorpusStatistics): Promise<Map<string, CountryAlias[]>> {
  const used = new Map<string, CountryAlias[]>();
  for (const [group, names] of aliases) {
    const kept: CountryAlias[] = [];
    for (const alias of names) {
      if ((await stats.phraseDocuments(tokenize(alias.name).map((token) => token.folded))) >= MIN_NAME_STATEMENTS) kept.push(alias);
    }
    if (kept.length > 0) used.set(group, kept);
  }
  return used;
}

function tidyCountryName(name: string): string {
  return name.replace(/\s+/g, ' ').replace(/[‘’]/g, "'").trim();
}

/** Case, diacritics, apostrophes and spacing aside. */
function comparable(name: string): string {
  return tidyCountryName(name).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * The adjectives that name `speech`'s speaker unambiguously in its year: none
 * when another organisation speaking that year shares it ("Congolese" from
 * 1997, when both Congos spoke).
 */
export function adjectivesFor(speech: UngdcSpeech, organisationsByYear: ReadonlyMap<number, ReadonlySet<string>>): string[] {
  const sameYear = organisationsByYear.get(speech.year) ?? new Set<string>();
  return (DEMONYMS[speech.organisation] ?? []).filter((adjective) => ![...sameYear].some((other) => other !== speech.organisation && (DEMONYMS[other] ?? []).includes(adjective)));
}

/** Every name of a country in every period (organisations, aliases, adjectives), for keeping them out of topics. */
export function allNamesOfCountry(iso: string, speeches: readonly UngdcSpeech[], aliases: ReadonlyMap<string, readonly CountryAlias[]>): string[] {
  const organisations = new Set(speeches.filter((speech) => speech.iso === iso).map((speech) => speech.organisation));
  return [...organisations].flatMap((organisation) => [organisation, ...(aliases.get(`${iso}|${organisation}`) ?? []).map((alias) => alias.name), ...(DEMONYMS[organisation] ?? [])]);
}

/**
 * A country name as it stands in a sentence: "the United States of America",
 * "the Philippines", "the USSR", but "Iran", "Saint Vincent and the Grenadines".
 */
export function withArticle(name: string): string {
  if (/^the\b/i.test(name)) return name.replace(/^The\b/, 'the');
  const needsArticle =
    /\b(?:Republic|Republics|Union|Kingdom|Federation|States|Islands|Emirates|Confederation|See|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|Vatican)$/.test(name) ||
    /^(?:United|Republic|Union|Kingdom|Federation|Federal|Federated|Democratic|Islamic|Principality|Commonwealth|State|Sultanate|Grand Duchy|Independent State|Plurinational|Bolivarian|Socialist|Co-operative|Lao People)\b/.test(name) ||
    /^[A-Z]{2,5}$/.test(name);
  return needsArticle ? `the ${name}` : name;
}

/** "Iran" → "Iran's", "the Philippines" → "the Philippines'". */
export function possessive(phrase: string): string {
  return /s$/.test(phrase) && !/^[A-Z]{2,5}$/.test(phrase.replace(/^the /, '')) ? `${phrase}'` : `${phrase}'s`;
}
