import { UserFacingError } from '../../errors.js';
import type { Understood } from '../../search/retriever.js';
import type { OrganisationDirectory } from '../../search/understand/organisations.js';
import { understandQuestion } from '../../search/understand/understand.js';
import { questionWords } from '../../search/understand/words.js';

/** A comparison needs two sides, and more than five would not fit one reply. */
export const MIN_COMPARED = 2;
export const MAX_COMPARED = 5;

/** One side of a comparison: the names its statements are filed under (one state may have several). */
export interface ComparedVoice {
  /** Its first name: how its section is headed. */
  name: string;
  names: string[];
}

export interface ComparedPlan {
  voices: ComparedVoice[];
  /** What to search for in each voice's statements. */
  words: string;
  from?: string;
  to?: string;
  understood?: Understood;
}

/**
 * Who is compared and on what. Organisations given as options win, each
 * resolved as a question's speaker is (its name, an abbreviation, a country's
 * other names, or the start of its name, as a cut autocomplete value is);
 * with none given, the topic is read for them ("Iran and Iraq on the war").
 * A period the topic names counts unless from/to were given. Throws a
 * UserFacingError naming what could not be resolved, or when there are not
 * two to five organisations.
 */
export function planComparison(
  topic: string,
  given: readonly string[],
  dates: { from?: string; to?: string },
  directory: OrganisationDirectory,
  corpusNames: readonly string[],
  now: Date,
): ComparedPlan {
  const understanding = understandQuestion(topic, directory, now);
  const typed = given.map((name) => name.trim()).filter(Boolean);
  const explicitDates = Boolean(dates.from || dates.to);
  const period = !explicitDates && understanding.period ? understanding.period : undefined;
  const datesUsed = { ...(dates.from ? { from: dates.from } : {}), ...(dates.to ? { to: dates.to } : {}), ...(period?.from ? { from: period.from } : {}), ...(period?.to ? { to: period.to } : {}) };
  const withPeriod = Boolean(datesUsed.from || datesUsed.to);
  // "… in 2021-13" gave no period: said above the reply, unless dates were given.
  const invalid = !explicitDates && understanding.invalidDates ? { invalidDates: understanding.invalidDates } : undefined;

  if (typed.length > 0) {
    const unknown: string[] = [];
    const voices: ComparedVoice[] = [];
    for (const name of typed) {
      const names = resolveOrganisation(name, directory, corpusNames, withPeriod);
      if (names) voices.push({ name: names[0]!, names });
      else unknown.push(name);
    }
    if (unknown.length > 0) {
      const list = unknown.map((name) => `"${name.slice(0, 100)}"`).join(', ');
      throw new UserFacingError('unknown_organisation', `No organisation in the corpus is called ${list}. Pick from the suggestions, or see /sources for who is in it.`);
    }
    const overridden = understanding.speakers.length > 0 || (understanding.period && explicitDates);
    // The topic's period counts when no dates were given ("… in the 1980s"): said above the reply like a question's.
    const understood: Understood | undefined = overridden
      ? { speakers: understanding.speakerMentions, ...(understanding.period ? { period: understanding.period } : {}), ...invalid, use: 'overridden' }
      : period || invalid ? { speakers: [], ...(period ? { period } : {}), ...invalid, use: 'filter' } : undefined;
    // The topic keeps its words: with the organisations given, a name in it is what they spoke about.
    return { voices: distinctVoices(voices), words: period ? topicWords(understanding.keywords) : topic, ...datesUsed, ...(understood ? { understood } : {}) };
  }

  const voices = understanding.speakerMentions.map((mention, i) => {
    const names = understanding.voices[i] ?? mention.organisations;
    return { name: names[0]!, names };
  });
  const understood: Understood | undefined =
    understanding.speakers.length > 0 || period || invalid ? { speakers: understanding.speakerMentions, ...(period ? { period } : {}), ...invalid, use: 'filter' } : undefined;
  return { voices: distinctVoices(voices), words: topicWords(understanding.keywords), ...datesUsed, ...(understood ? { understood } : {}) };
}

/** Words left between the names once they are taken out ("Iran and Iraq on the war" → "and on the war"): the topic is "the war". */
const LEFT_BETWEEN_NAMES = /^(?:(?:and|or|on|about|over|regarding|concerning|versus|vs\.?|compared|with|to)\s+)+/i;

function topicWords(keywords: string): string {
  return keywords.replace(LEFT_BETWEEN_NAMES, '').replace(/[\s,;:?!.]+$/, '').trim();
}

/** Two to five, or a message saying how to name them. */
export function checkVoiceCount(voices: readonly ComparedVoice[], typed = 0): void {
  if (voices.length < MIN_COMPARED) {
    // "--org Iran --org Iranian" recognised both: as one organisation.
    const found = voices.length !== 1 ? '' : typed >= MIN_COMPARED ? ` Those are all ${voices[0]!.name}.` : ` Only ${voices[0]!.name} was recognised.`;
    throw new UserFacingError('too_few_organisations', `Name ${MIN_COMPARED} to ${MAX_COMPARED} organisations to compare, with the organisation options or in the topic (e.g. "Iran and Iraq on the war").${found}`);
  }
  if (voices.length > MAX_COMPARED) {
    throw new UserFacingError('too_many_organisations', `That names ${voices.length} organisations; a comparison takes at most ${MAX_COMPARED}.`);
  }
}

/**
 * The corpus names one typed organisation stands for: an exact name; else
 * what the question understanding reads in it, when the whole text is one
 * name (a period given: with the other names of the same state); else the one
 * name it begins. Undefined when none, or when it could be several (a
 * shared name like "Korea" must be picked).
 */
export function resolveOrganisation(typed: string, directory: OrganisationDirectory, corpusNames: readonly string[], withPeriod: boolean): string[] | undefined {
  const folded = typed.toLowerCase();
  const exact = corpusNames.find((name) => name.toLowerCase() === folded);
  const words = questionWords(typed);
  // Lower-case typing is fine in an option: there is no sentence around it to confuse "chad" with a word.
  const mentions = directory.find(words.map((word, i) => (i === 0 ? { ...word, capitalised: true } : word)));
  const whole = mentions.length === 1 && mentions[0]!.from === 0 && mentions[0]!.to === words.length ? mentions[0] : undefined;
  if (exact) return withPeriod && whole?.organisations.includes(exact) ? [exact, ...whole.sameState.filter((name) => name !== exact)] : [exact];
  if (whole) {
    if (whole.organisations.length !== 1) {
      throw new UserFacingError('ambiguous_organisation', `"${typed.slice(0, 100)}" could be ${whole.organisations.join(' or ')}: pick one.`);
    }
    return withPeriod ? [whole.organisations[0]!, ...whole.sameState.filter((name) => name !== whole.organisations[0])] : whole.organisations;
  }
  const starting = corpusNames.filter((name) => name.toLowerCase().startsWith(folded));
  return starting.length === 1 ? starting : undefined;
}

/** The same organisation named twice ("Iran", "Iranian") is one side. */
function distinctVoices(voices: readonly ComparedVoice[]): ComparedVoice[] {
  const seen = new Set<string>();
  return voices.filter((voice) => {
    const key = voice.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
