import { stripMarkers } from '../citations.js';
import { findQuotations } from '../quotations.js';
import type { NumberedSource } from '../sources.js';
import { otherOrganisation, unsupportedSpeaker, wrongAuthor } from './attribution.js';
import { contentFailure } from './content.js';
import { evidenceOf, hasName, nameIndex } from './evidence.js';
import { dateSupported, datesOf, quantitiesOf, type Quantities } from './numbers.js';
import { canonicalPhrases, isName, tokensOf, type Token } from './tokens.js';

/**
 * Is a cited sentence supported by what it cites? Checked in code, on every
 * sentence shown, whatever the model says:
 *
 * - it speaks of the sources, not of the model ("I can only summarise …");
 * - every number and date it states is stated by a cited passage (or the question);
 * - every name (organisation, person, place) occurs in a cited passage, the cited
 *   statement's organisation or title, or the question;
 * - who it says holds a position holds it in what it cites (attribution.ts);
 * - what it says is said there: its content words are mostly the cited
 *   passages' and not the instructions', a joint claim holds for each source, a
 *   sweeping word or a negation of the sentence it restates is kept (content.ts).
 *
 * What it cannot see: a claim made of the source's own words that reverses
 * their sense ("ICOR welcomes the Taliban's return") or a paraphrase in words
 * the source never uses. docs/benchmarks.md measures both sides on
 * hand-labelled sets.
 */

export type UnsupportedReason = 'number' | 'date' | 'name' | 'other-organisation' | 'attribution' | 'instructions' | 'overlap' | 'other-source' | 'joint' | 'sweeping' | 'reported' | 'future' | 'negation';

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

/** Discord mentions, channels, timestamps and emoji, and @everyone/@here: no claim, whatever their digits; the renderer neutralises them. */
const DISCORD_SYNTAX = /<(?:@[!&]?|#)\d+>|<\/[\w -]+:\d+>|<t:-?\d+(?::[tTdDfFR])?>|<a?:\w+:\d+>|@(?:everyone|here)\b/g;

export function checkSupport(sentence: string, cited: readonly NumberedSource[], context: SupportContext): SupportVerdict {
  const text = canonicalPhrases(stripMarkers(sentence).replace(DISCORD_SYNTAX, ' '));
  const tokens = tokensOf(text);
  const evidence = cited.map(evidenceOf);
  const question = questionEvidence(context.question);
  // A translated answer can't be compared word for word with its sources: numbers, dates, links and acronyms still can.
  const sameLanguage = cited.every((source) => (source.statement.language ?? 'en').slice(0, 2) === context.language.slice(0, 2));

  // "I can only summarise the statements provided": the model speaking of itself, not of the sources.
  const self = sameLanguage ? tokens.find((token) => !token.quoted && FIRST_PERSON.has(token.text)) : undefined;
  if (self) return unsupported('instructions', `first person "${self.text}"`);

  // A quotation was verified word for word already ("64. The said Commission …"): its numbers and dates are the source's.
  const unquoted = withoutQuotations(text);
  const quantities = quantitiesOf(unquoted);
  for (const value of quantities.values) {
    // "Two statements say …" citing two: the count of what it cites is the sentence's own fact.
    if (value === cited.length) continue;
    if (!evidence.some((e) => e.quantities.values.has(value)) && !question.quantities.values.has(value)) return unsupported('number', String(value));
  }
  for (const amount of quantities.vague) {
    if (!evidence.some((e) => e.words.has(amount)) && !question.words.has(amount)) return unsupported('number', amount);
  }
  for (const date of quantities.dates) {
    if (!dateSupported(date, [...evidence.flatMap((e) => e.quantities.dates), ...question.quantities.dates])) return unsupported('date', JSON.stringify(date));
  }
  const misdated = wrongStatementDate(unquoted, tokens, cited);
  if (misdated) return unsupported('date', misdated);

  for (const token of tokens) {
    if (token.quoted || !isName(token) || (!sameLanguage && !token.acronym)) continue;
    if (!evidence.some((e) => hasName(token.folded, e.words, e.wordsByPrefix)) && !hasName(token.folded, question.words, question.wordsByPrefix)) return unsupported('name', token.text);
  }

  const intruder = otherOrganisation(tokens, cited, evidence, context.sources);
  if (intruder) return unsupported('other-organisation', intruder);
  const speaker = unsupportedSpeaker(tokens, evidence, context.sources);
  if (speaker) return unsupported('attribution', speaker);
  const author = wrongAuthor(tokens, evidence);
  if (author) return unsupported('attribution', `written by ${author}`);

  if (!sameLanguage) return { supported: true };
  const uncited = context.sources.filter((source) => !cited.includes(source)).map(evidenceOf);
  const statementDates = cited.flatMap((source) => (source.statement.date ? quantitiesOf(source.statement.date).dates : []));
  const failure = contentFailure(unquoted, tokens, evidence, uncited, { instructions: context.instructions, ownNames: new Set(evidence.flatMap((e) => [...e.organisationWords])), statementDates });
  return failure ? unsupported(failure.reason, failure.detail) : { supported: true };
}

/** Verbs that date the statement itself: "adopted on …", "is dated …". */
const DATING_VERBS = new Set(['dated', 'adopted', 'issued', 'published', 'released', 'written', 'passed', 'proclaimed']);

/**
 * "The ICOR adopted its resolution on 15 September 2021" where the resolution
 * is of 10 September (15 September being when its signatories were counted):
 * a date given as the statement's own must be the date it carries.
 */
function wrongStatementDate(text: string, tokens: readonly Token[], cited: readonly NumberedSource[]): string | undefined {
  const own = cited.map((source) => source.statement.date).filter((date): date is string => date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date));
  if (own.length === 0) return undefined;
  const carried = own.flatMap((date) => quantitiesOf(date).dates);
  for (const verb of tokens.filter((token) => !token.quoted && DATING_VERBS.has(token.folded))) {
    // The date the verb gives: in its own clause ("is dated 10 September 2021 and had 34 signatories as of 15 September 2021").
    const clause = text.slice(verb.index).split(/[;,]|\band\b|\bbut\b|\bwhile\b/)[0]!;
    const stated = datesOf(clause).find((date) => date.day !== undefined && !dateSupported(date, carried));
    if (stated) return `${JSON.stringify(stated)} is not the statement's date (${own.join(', ')})`;
  }
  return undefined;
}

/** The text with its quotations blanked out (offsets kept). */
function withoutQuotations(text: string): string {
  let out = text;
  for (const quotation of findQuotations(text)) out = out.slice(0, quotation.start) + ' '.repeat(quotation.end - quotation.start) + out.slice(quotation.end);
  return out;
}

/** The model's "I", "me", "my": an answer about the statements has no first person singular outside quotations. */
const FIRST_PERSON = new Set(['I', 'me', 'my', 'Me', 'My', 'myself']);

function unsupported(reason: UnsupportedReason, detail: string): SupportVerdict {
  return { supported: false, reason, detail };
}

interface QuestionEvidence {
  words: Set<string>;
  wordsByPrefix: Map<string, string[]>;
  quantities: Quantities;
}

let lastQuestion: { text: string; evidence: QuestionEvidence } | undefined;

/** The question's names and numbers (a sentence may repeat them); the last question's are kept, as a whole answer has one. */
function questionEvidence(question: string): QuestionEvidence {
  if (lastQuestion?.text !== question) {
    const text = canonicalPhrases(question);
    const words = new Set(tokensOf(text).map((token) => token.folded));
    lastQuestion = { text: question, evidence: { words, wordsByPrefix: nameIndex(words), quantities: quantitiesOf(text) } };
  }
  return lastQuestion.evidence;
}
