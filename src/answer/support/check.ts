import { stripMarkers } from '../citations.js';
import type { NumberedSource } from '../sources.js';
import { stem } from '../terms.js';
import { evidenceOf, hasName, hasStem, sameNameForm, speakersAfter, speakersBefore, type SourceEvidence } from './evidence.js';
import { dateSupported, quantitiesOf, type Quantities } from './numbers.js';
import { canonicalPhrases, DISCOURSE_WORDS, FUNCTION_WORDS, isName, tokensOf, type Token } from './tokens.js';
import { isReportingWord, SELF_REFERENCES, verbFamily, type VerbFamily } from './verbs.js';

/**
 * Is a cited sentence supported by what it cites? Checked in code, on every
 * sentence shown, whatever the model says:
 *
 * - every number and date it states is stated by a cited passage (or the question);
 * - every name (organisation, person, place) occurs in a cited passage, the cited
 *   statement's organisation or title, or the question;
 * - an organisation of another source the model was given does not appear unless
 *   the cited text names it ("CIPOML rejects …" citing ICOR's resolution);
 * - whoever the sentence says holds a position ("X says", "X condemns",
 *   "according to X") is the cited statement's organisation, or is shown holding
 *   a position of that kind in the cited text;
 * - its content words are mostly words of the cited passages (a summary of them,
 *   not of the instructions, and not of nothing).
 *
 * What it cannot see: a claim made of the source's own words that reverses
 * them ("ICOR welcomes the Taliban") or a paraphrase in words the source never
 * uses. docs/benchmarks.md measures both sides on a hand-labelled set.
 */

export type UnsupportedReason = 'number' | 'date' | 'name' | 'other-organisation' | 'attribution' | 'sweeping' | 'instructions' | 'overlap';

export type SupportVerdict = { supported: true } | { supported: false; reason: UnsupportedReason; detail: string };

export interface SupportContext {
  question: string;
  /** The instructions the model was given: a sentence repeating them is not a summary of the sources. */
  instructions: string;
  /** Every source the model was given, cited or not. */
  sources: readonly NumberedSource[];
  /** The answer's language (ISO 639-1). */
  language: string;
}

/** Share of a sentence's content words that must be words of the cited passages. */
export const MIN_CONTENT_SHARE = 0.5;
/** …and at least this many of them (or all, when it has fewer). */
export const MIN_CONTENT_MATCHES = 2;

/** Words every organisation's name may carry; they say nothing about which organisation it is. */
const GENERIC_ORGANISATION_WORDS = new Set(
  `international national conference coordination committee council party parties organisation organisations organization organizations movement movements group groups
  front union league federation association alliance network collective people peoples new revolutionary communist communists socialist democratic workers
  republic state states kingdom islamic federal united government delegation mission`.split(/\s+/),
);

/**
 * Words that turn a summary into a generalisation or a ranking ("all the
 * statements agree", "the largest alliance", "supported by most Afghans",
 * "fully supported"): like a number, the cited text must use them itself.
 */
const SWEEPING_WORDS = new Set(
  `all every everyone everybody everything always never nobody none most mostly majority unanimous unanimously widely universally entire entirely whole wholly
  fully completely totally only solely alone sole exclusively largest biggest greatest strongest weakest smallest best worst highest lowest first last main
  leading foremost consensus undisputed`.split(/\s+/),
);

export function checkSupport(sentence: string, cited: readonly NumberedSource[], context: SupportContext): SupportVerdict {
  const text = canonicalPhrases(stripMarkers(sentence));
  const tokens = tokensOf(text);
  const evidence = cited.map(evidenceOf);
  const question = questionEvidence(context.question);
  // A translated answer can't be compared word for word with its sources: numbers, dates, links and acronyms still can.
  const sameLanguage = cited.every((source) => (source.statement.language ?? 'en').slice(0, 2) === context.language.slice(0, 2));

  const quantities = quantitiesOf(text);
  for (const value of quantities.values) {
    if (!evidence.some((e) => e.quantities.values.has(value)) && !question.quantities.values.has(value)) return unsupported('number', String(value));
  }
  for (const amount of quantities.vague) {
    if (!evidence.some((e) => e.words.has(amount)) && !question.words.has(amount)) return unsupported('number', amount);
  }
  for (const date of quantities.dates) {
    if (!dateSupported(date, [...evidence.flatMap((e) => e.quantities.dates), ...question.quantities.dates])) return unsupported('date', JSON.stringify(date));
  }

  for (const token of tokens) {
    if (token.quoted || !isName(token) || (!sameLanguage && !token.acronym)) continue;
    if (!evidence.some((e) => hasName(token.folded, e.words, e.wordsByPrefix)) && !hasName(token.folded, question.words, question.wordsByPrefix)) return unsupported('name', token.text);
  }

  const intruder = otherOrganisation(tokens, cited, evidence, context.sources);
  if (intruder) return unsupported('other-organisation', intruder);
  const speaker = unsupportedSpeaker(tokens, evidence, context.sources);
  if (speaker) return unsupported('attribution', speaker);
  if (sameLanguage) {
    const sweeping = tokens.find((token) => !token.quoted && SWEEPING_WORDS.has(token.folded) && !evidence.some((e) => e.words.has(token.folded)));
    if (sweeping) return unsupported('sweeping', sweeping.text);
  }

  if (!sameLanguage) return { supported: true };
  return contentVerdict(tokens, evidence, context.instructions);
}

function unsupported(reason: UnsupportedReason, detail: string): SupportVerdict {
  return { supported: false, reason, detail };
}

interface QuestionEvidence {
  words: Set<string>;
  wordsByPrefix: Map<string, string[]>;
  quantities: Quantities;
}

let lastQuestion: { text: string; evidence: QuestionEvidence } | undefined;

function questionEvidence(question: string): QuestionEvidence {
  if (lastQuestion?.text !== question) {
    const text = canonicalPhrases(question);
    const words = new Set(tokensOf(text).map((token) => token.folded));
    const wordsByPrefix = new Map<string, string[]>();
    for (const word of words) if (word.length >= 4) wordsByPrefix.set(word.slice(0, 4), [...(wordsByPrefix.get(word.slice(0, 4)) ?? []), word]);
    lastQuestion = { text: question, evidence: { words, wordsByPrefix, quantities: quantitiesOf(text) } };
  }
  return lastQuestion.evidence;
}

/** The words that tell an organisation's name from others' ("cipoml", "marxist", "anarchists"). */
function distinctiveWords(organisation: string): string[] {
  return tokensOf(canonicalPhrases(organisation))
    .map((token) => token.folded)
    .filter((word) => word.length >= 3 && !FUNCTION_WORDS.has(word) && !GENERIC_ORGANISATION_WORDS.has(word) && !/^\d+$/.test(word));
}

/**
 * A word of the name of an organisation whose statement the model was given
 * but the sentence doesn't cite, which the cited text doesn't use either: the
 * sentence puts that organisation where the cited one should be. The question
 * naming it doesn't excuse it — who holds a position is what citations prove.
 */
function otherOrganisation(tokens: readonly Token[], cited: readonly NumberedSource[], evidence: readonly SourceEvidence[], sources: readonly NumberedSource[]): string | undefined {
  const used = new Set(tokens.filter((token) => !token.quoted).map((token) => token.folded));
  for (const source of sources) {
    if (cited.includes(source)) continue;
    for (const word of distinctiveWords(source.statement.organisation)) {
      if (!used.has(word)) continue;
      if (!evidence.some((e) => e.words.has(word) || e.organisationWords.has(word))) return word;
    }
  }
  return undefined;
}

/**
 * The speaker of each attributing verb ("X condemns", "according to X") must be
 * a cited statement's organisation, or someone the cited text shows saying or
 * demanding something of the same kind.
 */
function unsupportedSpeaker(tokens: readonly Token[], evidence: readonly SourceEvidence[], sources: readonly NumberedSource[]): string | undefined {
  const organisationWords = new Set(sources.flatMap((source) => distinctiveWords(source.statement.organisation)));
  const isSpeaker = (token: Token) =>
    !token.quoted && !SELF_REFERENCES.has(token.folded) && (isName(token) || organisationWords.has(token.folded) || (token.initial && token.capitalised && !FUNCTION_WORDS.has(token.folded) && !DISCOURSE_WORDS.has(token.folded)));
  const speaksFor = (speaker: Token, family: VerbFamily) =>
    evidence.some(
      (e) =>
        [...e.organisationWords].some((word) => sameNameForm(speaker.folded, word)) ||
        [...e.holders].some(([holder, families]) => sameNameForm(speaker.folded, holder) && (family === 'assert' || families.has(family))),
    );
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.quoted) continue;
    const family = verbFamily(token.folded);
    const speakers = family ? speakersBefore(tokens, i, isSpeaker) : token.folded === 'according' && tokens[i + 1]?.folded === 'to' ? speakersAfter(tokens, i + 2, isSpeaker) : [];
    for (const speaker of speakers) if (!speaksFor(speaker, family ?? 'assert')) return speaker.text;
  }
  return undefined;
}

/** Cached content stems of the instructions (the same few texts all the time). */
const instructionStems = new Map<string, Set<string>>();

function stemsOfInstructions(instructions: string): Set<string> {
  let stems = instructionStems.get(instructions);
  if (!stems) {
    stems = new Set(tokensOf(instructions).map((token) => stem(token.folded)));
    if (instructionStems.size > 8) instructionStems.clear();
    instructionStems.set(instructions, stems);
  }
  return stems;
}

/**
 * Most content words must come from the cited passages. Reporting words
 * ("argues", "according") and the cited organisation's own name don't count
 * either way.
 */
function contentVerdict(tokens: readonly Token[], evidence: readonly SourceEvidence[], instructions: string): SupportVerdict {
  const ownNames = new Set(evidence.flatMap((e) => [...e.organisationWords]));
  const content = new Map<string, Token>();
  for (const token of tokens) {
    const word = token.folded;
    if (word.length < 2 || /^\d/.test(word) || FUNCTION_WORDS.has(word) || DISCOURSE_WORDS.has(word) || isReportingWord(word) || SELF_REFERENCES.has(word) || ownNames.has(word)) continue;
    content.set(stem(word), token);
  }
  // Only names, numbers and dates, all checked above ("The resolution is dated 10 September 2021"): nothing else to support.
  if (content.size === 0) return { supported: true };
  const inSources = [...content].filter(([wanted, token]) => evidence.some((e) => hasStem(e, wanted) || (token.capitalised && hasName(token.folded, e.words, e.wordsByPrefix))));
  const share = inSources.length / content.size;
  const fromInstructions = stemsOfInstructions(instructions);
  const instructionShare = [...content.keys()].filter((wanted) => fromInstructions.has(wanted)).length / content.size;
  if (instructionShare >= MIN_CONTENT_SHARE && instructionShare > share) return unsupported('instructions', `${Math.round(instructionShare * 100)}% of its words are the instructions'`);
  if (share < MIN_CONTENT_SHARE || inSources.length < Math.min(MIN_CONTENT_MATCHES, content.size)) {
    const missing = [...content].filter(([wanted]) => !inSources.some(([found]) => found === wanted)).map(([, token]) => token.text);
    return unsupported('overlap', `${inSources.length}/${content.size} content words in the cited text; not: ${missing.slice(0, 6).join(', ')}`);
  }
  return { supported: true };
}
