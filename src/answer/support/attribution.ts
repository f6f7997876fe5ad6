import type { NumberedSource } from '../sources.js';
import { hasName, sameNameForm, type SourceEvidence } from './evidence.js';
import { attributions, mayNameSpeaker, SPEAKER_WINDOW_TOKENS } from './speakers.js';
import { canonicalPhrases, FUNCTION_WORDS, tokensOf, type Token } from './tokens.js';
import { AUTHORSHIP_VERBS, PASSIVE_AUXILIARIES, SELF_REFERENCES, type VerbFamily } from './verbs.js';

/**
 * Who a sentence says holds a position must be who holds it in what it cites.
 * Three ways a model gets this wrong, each checked here:
 * - it names another organisation whose statement it was given ("CIPOML
 *   rejects …" citing ICOR's resolution);
 * - it makes someone the cited text merely mentions the speaker ("Germany
 *   calls for …" where ICOR only criticises Germany);
 * - it credits the statement to another author ("written by the MLOA", one of
 *   its signatories).
 */

/** Words every organisation's name may carry; they say nothing about which organisation it is. */
const GENERIC_ORGANISATION_WORDS = new Set(
  `international national conference coordination committee council party parties organisation organisations organization organizations movement movements group groups
  front union league federation association alliance network collective people peoples new revolutionary communist communists socialist democratic workers
  republic state states kingdom islamic federal united government delegation mission`.split(/\s+/),
);

/** The words that tell an organisation's name from others' ("cipoml", "marxist", "anarchists"). */
export function distinctiveWords(organisation: string): string[] {
  return tokensOf(canonicalPhrases(organisation))
    .map((token) => token.folded)
    .filter((word) => word.length >= 3 && !FUNCTION_WORDS.has(word) && !GENERIC_ORGANISATION_WORDS.has(word) && !/^\d+$/.test(word));
}

/**
 * A word of the name of an organisation whose statement the model was given
 * but the sentence doesn't cite, which the cited text doesn't use either. The
 * question naming it doesn't excuse it: who holds a position is what the
 * citation must prove.
 */
export function otherOrganisation(tokens: readonly Token[], cited: readonly NumberedSource[], evidence: readonly SourceEvidence[], sources: readonly NumberedSource[]): string | undefined {
  const used = new Set(tokens.filter((token) => !token.quoted).map((token) => token.folded));
  for (const source of sources) {
    if (cited.includes(source)) continue;
    for (const word of distinctiveWords(source.statement.organisation)) {
      if (!used.has(word)) continue;
      const named = evidence.some((e) => hasName(word, e.words, e.wordsByPrefix) || [...e.organisationWords].some((own) => sameNameForm(word, own)));
      if (!named) return word;
    }
  }
  return undefined;
}

/**
 * The speaker of each attributing verb ("X condemns", "according to X", "X is
 * quoted as …") must be a cited statement's organisation, or someone the
 * cited text shows saying or demanding something of the same kind ("says"
 * accepts any kind).
 */
export function unsupportedSpeaker(tokens: readonly Token[], evidence: readonly SourceEvidence[], sources: readonly NumberedSource[]): string | undefined {
  const organisationWords = new Set(sources.flatMap((source) => distinctiveWords(source.statement.organisation)));
  const isSpeaker = (token: Token) => !token.quoted && !SELF_REFERENCES.has(token.folded) && (mayNameSpeaker(token) || organisationWords.has(token.folded));
  const quotations = quotationsIn(tokens);
  for (const { family, speakers, at } of attributions(tokens, isSpeaker)) {
    const quotation = quotationOf(at, quotations);
    for (const speaker of speakers) {
      if (!speaksIn(speaker, family, evidence)) return speaker.text;
      if (quotation && !evidence.some((e) => isOwnOrganisation(speaker, e)) && !saysQuotation(speaker, quotation.words, evidence)) return `${speaker.text} (not with that quotation)`;
    }
  }
  return undefined;
}

interface QuotedRun {
  start: number;
  end: number;
  words: string[];
}

/** The quotations of a sentence as runs of quoted words, with where they stand among the tokens. */
function quotationsIn(tokens: readonly Token[]): QuotedRun[] {
  const runs: QuotedRun[] = [];
  tokens.forEach((token, i) => {
    if (!token.quoted) return;
    const last = runs.at(-1);
    if (last && last.end === i) {
      last.end = i + 1;
      last.words.push(token.folded);
    } else runs.push({ start: i, end: i + 1, words: [token.folded] });
  });
  return runs;
}

/** The quotation a verb introduces: the first right after it ("proclaimed 'Peace …'"), else one right before it and its speaker ("'Peace …' the Bolsheviks proclaimed"). */
function quotationOf(verbAt: number, quotations: readonly QuotedRun[]): QuotedRun | undefined {
  return (
    quotations.find((run) => run.start > verbAt && run.start - verbAt <= QUOTE_REACH_TOKENS) ??
    quotations.filter((run) => run.end <= verbAt && verbAt - run.end <= QUOTE_REACH_TOKENS + SPEAKER_WINDOW_TOKENS).at(-1)
  );
}

/** How far after its verb a quotation may start and still be what the verb reports. */
const QUOTE_REACH_TOKENS = 3;

/**
 * Someone the text quotes said that quotation: the source sentence holding it
 * names them too. "The appeal recalls that the Bolsheviks proclaimed
 * 'Proletarians of all countries, unite!'" fails: the Bolsheviks proclaimed
 * another slogan, in another sentence.
 */
function saysQuotation(speaker: Token, words: readonly string[], evidence: readonly SourceEvidence[]): boolean {
  const holding = evidence.flatMap((e) => e.sentences).filter((sentence) => words.every((word) => sentence.words.has(word)));
  return holding.length === 0 || holding.some((sentence) => [...sentence.words].some((word) => sameNameForm(speaker.folded, word)));
}

function speaksIn(speaker: Token, family: VerbFamily, evidence: readonly SourceEvidence[]): boolean {
  return evidence.some((e) => isOwnOrganisation(speaker, e) || [...e.holders].some(([holder, families]) => sameNameForm(speaker.folded, holder) && (family === 'assert' || families.has(family))));
}

function isOwnOrganisation(token: Token, evidence: SourceEvidence): boolean {
  return [...evidence.organisationWords].some((word) => sameNameForm(token.folded, word));
}

/**
 * "The resolution was written by X", "it was issued by X": of the statement
 * itself (a word for it earlier, a passive verb), the names after "by" must
 * be its organisation. "the new communism authored by Bob Avakian" is not
 * about who wrote the statement.
 */
export function wrongAuthor(tokens: readonly Token[], evidence: readonly SourceEvidence[]): string | undefined {
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i]!.quoted || !AUTHORSHIP_VERBS.has(tokens[i]!.folded) || tokens[i + 1]!.folded !== 'by' || !PASSIVE_AUXILIARIES.has(tokens[i - 1]!.folded)) continue;
    if (!tokens.slice(0, i).some((token) => !token.quoted && SELF_REFERENCES.has(token.folded))) continue;
    for (let j = i + 2; j < tokens.length && j < i + 8; j++) {
      const token = tokens[j]!;
      if (j > i + 2 && token.punctuationBefore) break;
      if (token.capitalised && !FUNCTION_WORDS.has(token.folded) && !evidence.some((e) => isOwnOrganisation(token, e))) return token.text;
    }
  }
  return undefined;
}
