import type { OrganisationMention } from './organisations.js';
import type { QuestionWord } from './words.js';

/**
 * Who spoke is not who is spoken about: in "What did Iran say about Iraq?"
 * Iran is the speaker and Iraq the topic; in "What do the statements say about
 * Iran?" nobody is. Read from the question's shape — the words around a name —
 * never from a list of questions:
 *
 * - the subject of a question about saying: "did/does/has Iran say…", "Did Iran
 *   condemn…", "Was sagte Iran…";
 * - a name owning words for a position or those who state it: "Iran's
 *   position", "the French delegation", "the Soviet position";
 * - "according to X", "statements by/from X", "the position of X";
 * - a heading: "Iran on nuclear testing", "ICOR about the Taliban".
 *
 * Names joined by "and", "or" or commas share a role: "What do ICOR and CIPOML
 * say about NATO?" has two speakers.
 */

export type Role = 'speaker' | 'topic';

/** Words that put a question's subject after them: "What did Iran say". */
const AUXILIARIES = new Set(['did', 'does', 'do', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'should', 'might', 'may', 'is', 'are', 'was', 'were']);
/** Articles and determiners skipped when looking around a name. */
export const ARTICLES = new Set(['the', 'a', 'an', 'der', 'die', 'das', 'den', 'dem', 'le', 'la', 'les', 'l', 'el', 'los', 'las', 'il', 'lo']);
/** Verbs of saying and of taking a position, in the forms a question uses them. */
const SPEECH_VERBS = new Set(
  `say says said saying think thinks thought believe believes write writes wrote written claim claims claimed argue argues argued state states stated declare declares
  declared propose proposes proposed want wants wanted demand demands demanded call calls called condemn condemns condemned support supports supported oppose opposes
  opposed reject rejects rejected describe describes described view views viewed see sees saw feel feels felt talk talks talked speak speaks spoke spoken address addresses
  addressed discuss discusses discussed mention mentions mentioned stress stresses stressed emphasise emphasised emphasize emphasized warn warns warned accuse accuses
  accused urge urges urged respond responds responded react reacts reacted praise praises praised criticise criticised criticize criticized denounce denounces
  denounced welcome welcomes welcomed insist insists insisted suggest suggests suggested announce announces announced note notes noted express expresses expressed
  raise raises raised characterise characterize portray portrays regard regards consider considers tell tells told explain explains explained
  admit admits admitted deny denies denied promise promises promised pledge pledges pledged ask asks asked`.split(/\s+/),
);
/**
 * Verbs that come before their subject in a question of a language that
 * inverts them ("Was sagte Iran …", "Que dit l'Iran …", "¿Qué dijo Irán …").
 * English never does ("Who condemned Iran?" asks about Iran).
 */
const INVERTED_SPEECH_VERBS = new Set(
  `sagt sagte sagen sagten meint meinte erklärt erklärte fordert forderte dit disent disait déclare déclarent pense pensent dice dicen dijo decía declara piensa
  сказал сказала сказали говорит говорил говорила говорили заявил заявила заявили заявляет считает думает`.split(/\s+/),
);
/** Nouns for a position or a text: "Iran's position", "the Soviet view" (a bare name before one is a topic: "the Afghanistan resolution"). */
const POSITION_NOUNS = new Set(
  `position positions view views stance stances statement statements speech speeches remarks words attitude policy response reaction proposal proposals appeal
  resolution resolutions message declaration demands call calls line argument arguments case`.split(/\s+/),
);
/** Nouns for those who state a position: "the French delegation", "the Iran delegation". */
const PEOPLE_NOUNS = new Set(
  `delegation delegations government governments representative representatives president minister ministers leaders leadership side authorities delegate
  delegates officials diplomats spokesman spokesperson ambassador foreign prime`.split(/\s+/),
);
const SPEAKER_NOUNS = new Set([...POSITION_NOUNS, ...PEOPLE_NOUNS]);
/** "statements by Iran", "a speech from Iran", "the position taken by Iran": words before by/from that make the name a speaker. */
const SAID_BY = new Set([...SPEAKER_NOUNS, 'said', 'written', 'made', 'given', 'delivered', 'issued', 'published', 'taken', 'expressed', 'adopted', 'signed']);
/** Words that make a name at the start of a question a heading: "Iran on …". */
const HEADING_PREPOSITIONS = new Set(['on', 'about', 'regarding', 'concerning', 're']);
const JOINERS = new Set(['and', 'or', 'both', 'as', 'well', 'either', 'nor', 'und', 'et', 'y']);
/** Question words and fillers that may open a question before a heading name. */
const OPENERS = new Set(['what', 'how', 'did', 'does', 'do', 'so', 'and', 'now']);

export function rolesOf(mentions: readonly OrganisationMention[], words: readonly QuestionWord[], text: string): Role[] {
  const roles: Role[] = mentions.map(() => 'topic');
  for (const group of joinedGroups(mentions, words, text)) {
    const first = mentions[group[0]!]!;
    const last = mentions[group.at(-1)!]!;
    if (isSpeaker(first.from, last, words)) for (const i of group) roles[i] = 'speaker';
  }
  return roles;
}

/** The mentions joined by "and", "or" or commas, as groups of indices. */
function joinedGroups(mentions: readonly OrganisationMention[], words: readonly QuestionWord[], text: string): number[][] {
  const groups: number[][] = [];
  mentions.forEach((mention, i) => {
    const previous = mentions[i - 1];
    const joined = previous !== undefined && joinedTo(previous, mention, words, text);
    if (joined) groups.at(-1)!.push(i);
    else groups.push([i]);
  });
  return groups;
}

/** Only "and", "or" or commas between two names, and an article opening the second ("Iran and the Soviet Union"). */
function joinedTo(previous: OrganisationMention, mention: OrganisationMention, words: readonly QuestionWord[], text: string): boolean {
  let from = mention.from;
  if (from > previous.to && ARTICLES.has(words[from - 1]!.folded)) from--;
  if (!words.slice(previous.to, from).every((word) => JOINERS.has(word.folded))) return false;
  const between = text.slice(words[previous.to - 1]!.end, words[from]!.start);
  return /^[\s,&]*$/.test(between.replace(/\b(?:and|or|both|as well as|either|nor|und|et|y)\b/gi, ''));
}

function isSpeaker(from: number, last: OrganisationMention, words: readonly QuestionWord[]): boolean {
  const before = wordBefore(words, from);
  const beforeThat = before === undefined ? undefined : wordBefore(words, before);
  const after = words[last.to];
  const lastWord = words[last.to - 1]!;
  const folded = (i: number | undefined) => (i === undefined ? undefined : words[i]!.folded);

  // "What did Iran say", "Has JAKNA said", "Did Iran condemn"
  if (AUXILIARIES.has(folded(before) ?? '') && speechVerbWithin(words, last.to, 3)) return true;
  // "Was sagte Iran", "Que dit l'Iran": the verb before its subject
  if (before !== undefined && before <= 2 && INVERTED_SPEECH_VERBS.has(words[before]!.folded)) return true;
  // "Iran condemned …" opening a sentence
  if (before === undefined && after !== undefined && SPEECH_VERBS.has(after.folded) && !['is', 'are'].includes(after.folded)) return true;
  // "Iran's position", "the Soviet view", "the French delegation", "the Iran delegation"
  if (after !== undefined && (lastWord.possessive || last.kind === 'demonym') && SPEAKER_NOUNS.has(after.folded)) return true;
  if (after !== undefined && PEOPLE_NOUNS.has(after.folded)) return true;
  // "according to X"
  if (folded(before) === 'to' && folded(beforeThat) === 'according') return true;
  // "statements by Iran", "the position of Iran"
  if ((folded(before) === 'by' || folded(before) === 'from') && SAID_BY.has(folded(beforeThat) ?? '')) return true;
  if (folded(before) === 'of' && POSITION_NOUNS.has(folded(beforeThat) ?? '')) return true;
  // "Iran on nuclear testing", "What about ICOR on the Taliban"
  if (after !== undefined && HEADING_PREPOSITIONS.has(after.folded) && (before === undefined || words.slice(0, from).every((word) => OPENERS.has(word.folded) || ARTICLES.has(word.folded)))) return true;
  return false;
}

/** The word before index `i`, skipping articles ("did the French delegation": "did"). */
function wordBefore(words: readonly QuestionWord[], i: number): number | undefined {
  let j = i - 1;
  while (j >= 0 && ARTICLES.has(words[j]!.folded)) j--;
  return j >= 0 ? j : undefined;
}

function speechVerbWithin(words: readonly QuestionWord[], from: number, span: number): boolean {
  for (let i = from; i < words.length && i < from + span; i++) if (SPEECH_VERBS.has(words[i]!.folded)) return true;
  return false;
}
