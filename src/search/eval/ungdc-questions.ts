import { porterStem } from '../porter.js';
import { tokenize } from '../tokenize.js';
import { mulberry32 } from './metrics.js';
import { adjectivesFor, aliasesOf, allNamesOfCountry, countryAliases, possessive, usedAliases, withArticle, type CountryAlias, type UngdcSpeech } from './ungdc-names.js';
import { renderTemplate, templatesOf, CATEGORIES, type QuestionCategory, type Slots } from './ungdc-templates.js';
import { chooseTopic, type CorpusStatistics, type Topic } from './ungdc-topics.js';

/**
 * The UN evaluation set (issue 9): questions about the General Debate
 * speeches, written from data — the speakers as ingested, speakers.csv's other
 * names for them, the adjectives of ungdc-demonyms.ts, and topics from each
 * speech's own words (ungdc-topics.ts) — never from the bot's output. Seeded:
 * the same corpus and seed give the same questions, in the same order.
 */

export type Half = 'development' | 'held-back';

export interface UngdcQuestion {
  /** `category:externalId` of the speech it was written from. */
  id: string;
  category: QuestionCategory;
  /** Template id, e.g. "country-topic-year/3". */
  template: string;
  half: Half;
  text: string;
  topic: string;
  topicKind: Topic['kind'];
  /** How the question names the speaker: the corpus's organisation, another name from speakers.csv, an adjective, or not at all. */
  named: 'corpus' | 'speakers' | 'adjective' | 'none';
  /** The speech the question was written from (for topic-year questions, only its year is expected). */
  speech: { statementId: number; externalId: string; organisation: string; year: number };
}

/** What the generator reads: the speeches, their text, and corpus counts (ungdc-corpus.ts reads them from a database). */
export interface UngdcSource {
  speeches: readonly UngdcSpeech[];
  text(statementId: number): Promise<string>;
  stats: CorpusStatistics;
  /** speakers.csv, for other names of a country; without it questions use the corpus's names only. */
  speakersCsv?: string;
}

export const DEFAULT_QUESTIONS_PER_CATEGORY = 400;
export const DEFAULT_SEED = 9;
/** Share of country-named questions that use another name from speakers.csv (when it has one) rather than the corpus's. */
const OTHER_NAME_SHARE = 0.5;

/**
 * The fixed split into halves: by the speaker's country code (a hash of it),
 * so every question about one country is in the same half, and a change that
 * helps the development half by knowing its countries doesn't help the
 * held-back half.
 */
export function questionHalf(iso: string): Half {
  let hash = 0x811c9dc5; // FNV-1a
  for (const char of iso) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash % 2 === 0 ? 'development' : 'held-back';
}

/**
 * `perCategory` questions of each category. Speeches are drawn without
 * replacement in a seeded order; one without a usable topic (or, for
 * questions expecting one speech, sharing its speaker and year with another)
 * is passed over.
 */
export async function generateUngdcQuestions(source: UngdcSource, { perCategory = DEFAULT_QUESTIONS_PER_CATEGORY, seed = DEFAULT_SEED }: { perCategory?: number; seed?: number } = {}): Promise<UngdcQuestion[]> {
  const aliases = source.speakersCsv ? await usedAliases(countryAliases(source.speakersCsv, source.speeches), source.stats) : new Map<string, CountryAlias[]>();
  const organisationsByYear = new Map<number, Set<string>>();
  const speechesPerOrganisationYear = new Map<string, number>();
  const speechesPerCountry = new Map<string, number>();
  for (const speech of source.speeches) {
    organisationsByYear.set(speech.year, (organisationsByYear.get(speech.year) ?? new Set()).add(speech.organisation));
    const key = `${speech.organisation}|${speech.year}`;
    speechesPerOrganisationYear.set(key, (speechesPerOrganisationYear.get(key) ?? 0) + 1);
    speechesPerCountry.set(speech.iso, (speechesPerCountry.get(speech.iso) ?? 0) + 1);
  }
  const excludedByCountry = new Map<string, Set<string>>();
  const excludedStems = (speech: UngdcSpeech): Set<string> => {
    let names = excludedByCountry.get(speech.iso);
    if (!names) excludedByCountry.set(speech.iso, (names = stemsOf(allNamesOfCountry(speech.iso, source.speeches, aliases))));
    return new Set([...names, ...stemsOf([speech.title])]);
  };
  const onlySpeechOfYear = (speech: UngdcSpeech) => speechesPerOrganisationYear.get(`${speech.organisation}|${speech.year}`) === 1;
  const eligible: Record<QuestionCategory, (speech: UngdcSpeech) => boolean> = {
    'country-topic-year': onlySpeechOfYear,
    'adjective-topic-year': (speech) => onlySpeechOfYear(speech) && adjectivesFor(speech, organisationsByYear).length > 0,
    'country-topic': () => true,
    'country-topic-decade': () => true,
    'topic-year': () => true,
  };

  const questions: UngdcQuestion[] = [];
  for (const [index, category] of CATEGORIES.entries()) {
    const random = mulberry32(seed * 31 + index);
    const templates = templatesOf(category);
    let made = 0;
    for (const speech of shuffled(source.speeches.filter(eligible[category]), random)) {
      if (made >= perCategory) break;
      const topic = await chooseTopic(await source.text(speech.statementId), { iso: speech.iso, excludedStems: excludedStems(speech), speeches: speechesPerCountry.get(speech.iso) ?? 0 }, source.stats, random);
      if (!topic) continue;
      const template = templates[Math.floor(random() * templates.length)]!;
      const { slots, named } = slotsFor(category, speech, topic, random, aliases, organisationsByYear);
      questions.push({
        id: `${category}:${speech.externalId}`,
        category,
        template: template.id,
        half: questionHalf(speech.iso),
        text: renderTemplate(template.pattern, slots),
        topic: topic.text,
        topicKind: topic.kind,
        named,
        speech: { statementId: speech.statementId, externalId: speech.externalId, organisation: speech.organisation, year: speech.year },
      });
      made++;
    }
  }
  return questions;
}

function slotsFor(
  category: QuestionCategory,
  speech: UngdcSpeech,
  topic: Topic,
  random: () => number,
  aliases: ReadonlyMap<string, readonly CountryAlias[]>,
  organisationsByYear: ReadonlyMap<number, ReadonlySet<string>>,
): { slots: Slots; named: UngdcQuestion['named'] } {
  const base = { topic: topic.text, year: speech.year, decade: Math.floor(speech.year / 10) * 10 };
  if (category === 'topic-year') return { slots: base, named: 'none' };
  if (category === 'adjective-topic-year') return { slots: { ...base, adjective: pick(adjectivesFor(speech, organisationsByYear), random) }, named: 'adjective' };
  const otherNames = aliasesOf(speech, aliases);
  const useOther = otherNames.length > 0 && random() < OTHER_NAME_SHARE;
  const country = withArticle(useOther ? pick(otherNames, random) : speech.organisation);
  return { slots: { ...base, country, countryPossessive: possessive(country) }, named: useOther ? 'speakers' : 'corpus' };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Fisher–Yates with the seeded generator. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The stems of every word of `texts`, as the index stems them. */
function stemsOf(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((text) => tokenize(text).map((token) => porterStem(token.folded))));
}
