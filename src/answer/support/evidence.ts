import type { NumberedSource } from '../sources.js';
import { stem, stemsMatch } from '../terms.js';
import { quantitiesOf, type Quantities } from './numbers.js';
import { canonicalPhrases, DISCOURSE_WORDS, fold, FUNCTION_WORDS, isName, tokensOf, type Token } from './tokens.js';
import { SELF_REFERENCES, verbFamily, type VerbFamily } from './verbs.js';
import { urlsIn, normaliseUrl } from './links.js';

/**
 * What one statement, as the model was given it, can support: its words (for
 * names), its stems (for content), its numbers and dates, who it says holds a
 * position, and its links. Built once per source and answer (the sources are
 * numbered afresh for each question) and kept while the source object lives.
 */
export interface SourceEvidence {
  words: Set<string>;
  /** Words by their first four letters, to match "Afghans" to "Afghanistan". */
  wordsByPrefix: Map<string, string[]>;
  stems: Set<string>;
  stemsByPrefix: Map<string, string[]>;
  quantities: Quantities;
  /** Names the text shows holding a position ("Taliban claimed …"), with the kinds of verb used. */
  holders: Map<string, Set<VerbFamily>>;
  urls: Set<string>;
  /** The words of the statement's organisation (its name as ingested). */
  organisationWords: Set<string>;
}

/** Words a name in a sentence shares with its source's word at least this much of the shorter one ("Ukraine" / "Ukrainian"). */
const MIN_SHARED_PREFIX_RATIO = 0.8;
const MIN_SHARED_PREFIX_CHARS = 4;
/** How far before an attributing verb its speaker may stand: "ICOR in its resolution strongly condemns". */
export const HOLDER_WINDOW_TOKENS = 4;

const LIST_NUMBER = /^[ \t]*\d{1,3}[.)][ \t]/gm;

const cache = new WeakMap<NumberedSource, SourceEvidence>();

export function evidenceOf(source: NumberedSource): SourceEvidence {
  let evidence = cache.get(source);
  if (!evidence) {
    evidence = buildEvidence(source);
    cache.set(source, evidence);
  }
  return evidence;
}

function buildEvidence(source: NumberedSource): SourceEvidence {
  const { organisation, title, date, url } = source.statement;
  const passageText = canonicalPhrases(source.passages.map((passage) => passage.text).join('\n\n'));
  const passageTokens = tokensOf(passageText);
  const metadataTokens = tokensOf(canonicalPhrases(`${organisation}\n${title}`));
  const words = new Set([...passageTokens, ...metadataTokens].map((token) => token.folded));
  const stems = new Set([...words].map(stem));
  // "25. TKP-ML …": the numbers of a list of signatories are not quantities the statement states, but the last one counts the list.
  const quantities = quantitiesOf(`${passageText.replace(LIST_NUMBER, ' ')}\n${title}`);
  const listNumbers = [...passageText.matchAll(LIST_NUMBER)].map((match) => Number.parseInt(match[0], 10));
  if (listNumbers.length > 1) quantities.values.add(Math.max(...listNumbers));
  if (date) for (const value of quantitiesOf(date).values) quantities.values.add(value);
  if (date) quantities.dates.push(...quantitiesOf(date).dates);
  const urls = new Set(urlsIn(source.passages.map((passage) => passage.text).join('\n')).map((found) => normaliseUrl(found.url)));
  if (url) urls.add(normaliseUrl(url));
  return {
    words,
    wordsByPrefix: indexByPrefix(words, MIN_SHARED_PREFIX_CHARS),
    stems,
    stemsByPrefix: indexByPrefix(stems, 5),
    quantities,
    holders: holdersIn(passageTokens),
    urls,
    organisationWords: new Set(tokensOf(canonicalPhrases(organisation)).map((token) => token.folded)),
  };
}

function indexByPrefix(words: Iterable<string>, length: number): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const word of words) {
    if (word.length < length) continue;
    const key = word.slice(0, length);
    const list = index.get(key);
    if (list) list.push(word);
    else index.set(key, [word]);
  }
  return index;
}

/** Does a name (folded) occur among `words`, as itself or as another form of the same name ("Afghan", "Afghans", "Afghanistan")? */
export function hasName(folded: string, words: Set<string>, byPrefix: Map<string, string[]>): boolean {
  if (words.has(folded)) return true;
  if (folded.length < MIN_SHARED_PREFIX_CHARS) return false;
  return (byPrefix.get(folded.slice(0, MIN_SHARED_PREFIX_CHARS)) ?? []).some((word) => sameNameForm(folded, word));
}

export function sameNameForm(a: string, b: string): boolean {
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  return shared >= MIN_SHARED_PREFIX_CHARS && shared >= MIN_SHARED_PREFIX_RATIO * Math.min(a.length, b.length);
}

/** Is a content stem in the evidence, as itself or a form of it ("invasion" / "invasions")? */
export function hasStem(evidence: SourceEvidence, wanted: string): boolean {
  if (evidence.stems.has(wanted)) return true;
  if (wanted.length < 5) return false;
  return (evidence.stemsByPrefix.get(wanted.slice(0, 5)) ?? []).some((candidate) => stemsMatch(candidate, wanted));
}

/**
 * Who the text shows saying or demanding something: the names just before an
 * attributing verb ("Taliban claimed", "the Bolshevik revolutionaries once
 * proclaimed") and after "according to".
 */
export function holdersIn(tokens: readonly Token[]): Map<string, Set<VerbFamily>> {
  const holders = new Map<string, Set<VerbFamily>>();
  const add = (token: Token, family: VerbFamily) => {
    const families = holders.get(token.folded) ?? new Set<VerbFamily>();
    families.add(family);
    holders.set(token.folded, families);
  };
  tokens.forEach((token, i) => {
    const family = verbFamily(token.folded);
    if (family) for (const holder of speakersBefore(tokens, i)) add(holder, family);
    if (token.folded === 'according' && tokens[i + 1]?.folded === 'to') for (const holder of speakersAfter(tokens, i + 2)) add(holder, 'assert');
  });
  return holders;
}

/** A word that may name who speaks: a name, or any capitalised word opening a sentence ("Taliban claimed …"). */
export function mayNameSpeaker(token: Token): boolean {
  return isName(token) || (token.initial && token.capitalised && token.text.length > 1 && !FUNCTION_WORDS.has(token.folded) && !DISCOURSE_WORDS.has(token.folded));
}

/** The names standing as the subject of the verb at `verbAt`: within a few words before it, not across "that" or a clause break. */
export function speakersBefore(tokens: readonly Token[], verbAt: number, isSpeaker: (token: Token) => boolean = mayNameSpeaker): Token[] {
  const speakers: Token[] = [];
  for (let i = verbAt - 1; i >= 0 && i >= verbAt - HOLDER_WINDOW_TOKENS; i--) {
    const token = tokens[i]!;
    if (tokens[i + 1]!.punctuationBefore) break;
    if (CLAUSE_BREAKS.has(token.folded) || verbFamily(token.folded)) break;
    if (SELF_REFERENCES.has(token.folded)) continue;
    if (isSpeaker(token)) speakers.push(token);
    if (token.initial) break;
  }
  return speakers;
}

/** The names after "according to", up to the end of the phrase. */
export function speakersAfter(tokens: readonly Token[], from: number, isSpeaker: (token: Token) => boolean = mayNameSpeaker): Token[] {
  const speakers: Token[] = [];
  for (let i = from; i < tokens.length && i < from + HOLDER_WINDOW_TOKENS; i++) {
    const token = tokens[i]!;
    if (i > from && token.punctuationBefore) break;
    if (CLAUSE_BREAKS.has(token.folded) || verbFamily(token.folded)) break;
    if (!SELF_REFERENCES.has(token.folded) && isSpeaker(token)) speakers.push(token);
  }
  return speakers;
}

/** Words that end the subject of a verb: what comes before them belongs to another clause. */
const CLAUSE_BREAKS = new Set(['that', 'which', 'who', 'whom', 'whose', 'because', 'since', 'while', 'whereas', 'although', 'though', 'if', 'when', 'where', 'but', 'as']);

export { fold };
