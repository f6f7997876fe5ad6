import { LruMap } from '../../lru-map.js';
import { splitSentences } from '../sentences.js';
import type { NumberedSource } from '../sources.js';
import { stem, stemsMatch } from '../terms.js';
import { normaliseUrl, urlsIn } from './links.js';
import { datesOf, quantitiesOf, type DatePoint, type Quantities } from './numbers.js';
import { attributions, holdersIn } from './speakers.js';
import { canonicalPhrases, DISCOURSE_WORDS, FUNCTION_WORDS, tokensOf, type Token } from './tokens.js';
import { isReportingWord, SELF_REFERENCES, type VerbFamily } from './verbs.js';

/**
 * What one statement, as the model was given it, can support: its words (for
 * names), its stems (for content), its sentences (to align a claim with), its
 * numbers and dates, who it says holds a position, and its links. Built once
 * per source object (the sources are numbered afresh for each question) and
 * kept while that object lives.
 */
export interface SourceEvidence {
  words: Set<string>;
  /** Words by their first four letters, to match "Afghans" to "Afghanistan". */
  wordsByPrefix: Map<string, string[]>;
  stems: Set<string>;
  stemsByPrefix: Map<string, string[]>;
  sentences: SourceSentence[];
  quantities: Quantities;
  /** Names the text shows holding a position ("Taliban claimed …"), with the kinds of verb used. */
  holders: Map<string, Set<VerbFamily>>;
  urls: Set<string>;
  /** The words of the statement's organisation (its name as ingested). */
  organisationWords: Set<string>;
}

/** One sentence of a source, for finding the sentence a claim restates. */
export interface SourceSentence {
  stems: Set<string>;
  words: Set<string>;
  /** The content stems a negation in the sentence governs: "is not the end of …" → end. */
  negatedStems: Set<string>;
  /** What the sentence reports others saying ("Taliban claimed Iran and Russia …"): the speaker and the content words of what they said. */
  reported: { speaker: string; stems: Set<string> }[];
  /** The dates the sentence gives. */
  dates: DatePoint[];
}

/** Words a name shares with another form of it, at least this much of the shorter ("Ukraine" / "Ukrainian"). */
const MIN_SHARED_PREFIX_RATIO = 0.8;
const MIN_SHARED_PREFIX_CHARS = 4;
/** "25. TKP-ML …" and "• Iskra Group …": lines of a list, counted rather than read as numbers. */
const NUMBERED_ITEM = /^[ \t]*\d{1,3}[.)][ \t]/gm;
const BULLETED_ITEM = /^[ \t]*[•*–-][ \t]+\S/gm;
/** Words that turn a statement into its opposite: a claim that drops one from the sentence it restates reverses it. */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'cannot', 'cant', 'dont', 'doesnt', 'didnt', 'wont', 'isnt', 'arent', 'wasnt', 'werent', 'nor', 'neither', 'nothing', 'nobody', 'none']);

const cache = new WeakMap<NumberedSource, SourceEvidence>();

export function evidenceOf(source: NumberedSource): SourceEvidence {
  let evidence = cache.get(source);
  if (!evidence) {
    evidence = buildEvidence(source);
    cache.set(source, evidence);
  }
  return evidence;
}

/** What one text (a passage, a title) offers, before it is merged with the rest of its statement. */
interface TextEvidence {
  words: string[];
  quantities: Quantities;
  /** The numbers of its numbered list items, and how many bulleted items it has. */
  numbered: number[];
  bulleted: number;
  sentences: SourceSentence[];
  holders: Map<string, Set<VerbFamily>>;
  urls: string[];
}

/**
 * Passages come back for question after question, each time in a new source
 * object: what a passage offers is remembered by its text (the same words give
 * the same evidence, whichever statement or test they belong to).
 */
const MAX_REMEMBERED_TEXTS = 20_000;
const byText = new LruMap<string, TextEvidence>(MAX_REMEMBERED_TEXTS);

function textEvidence(raw: string): TextEvidence {
  let evidence = byText.get(raw);
  if (evidence) return evidence;
  const text = canonicalPhrases(raw);
  const tokens = tokensOf(text);
  evidence = {
    words: tokens.map((token) => token.folded),
    // The numbers of a list are not quantities the statement states, but how many items it has is.
    quantities: quantitiesOf(text.replace(NUMBERED_ITEM, ' ')),
    numbered: [...text.matchAll(NUMBERED_ITEM)].map((match) => Number.parseInt(match[0], 10)),
    bulleted: [...text.matchAll(BULLETED_ITEM)].length,
    sentences: sentencesOf(text),
    holders: holdersIn(tokens),
    urls: urlsIn(raw).map((found) => normaliseUrl(found.url)),
  };
  byText.set(raw, evidence);
  return evidence;
}

function buildEvidence(source: NumberedSource): SourceEvidence {
  const { organisation, title, date, url } = source.statement;
  // The title is the statement's own words too ("The people of Afghanistan can only liberate themselves!").
  const parts = [title, ...source.passages.map((passage) => passage.text)].map(textEvidence);
  const organisationWords = new Set(tokensOf(canonicalPhrases(organisation)).map((token) => token.folded));
  const words = new Set([...parts.flatMap((part) => part.words), ...organisationWords]);
  const quantities: Quantities = { values: new Set(parts.flatMap((part) => [...part.quantities.values])), vague: new Set(parts.flatMap((part) => [...part.quantities.vague])), dates: parts.flatMap((part) => part.quantities.dates) };
  const numbered = parts.flatMap((part) => part.numbered);
  if (numbered.length > 1) quantities.values.add(Math.max(...numbered));
  const bulleted = parts.reduce((sum, part) => sum + part.bulleted, 0);
  if (bulleted > 1) quantities.values.add(bulleted);
  if (date) {
    const stated = quantitiesOf(date);
    for (const value of stated.values) quantities.values.add(value);
    quantities.dates.push(...stated.dates);
  }
  const urls = new Set(parts.flatMap((part) => part.urls));
  if (url) urls.add(normaliseUrl(url));
  const holders = new Map<string, Set<VerbFamily>>();
  for (const part of parts) for (const [holder, families] of part.holders) holders.set(holder, new Set([...(holders.get(holder) ?? []), ...families]));
  const stems = new Set([...words].map(stem));
  return {
    words,
    wordsByPrefix: nameIndex(words),
    stems,
    stemsByPrefix: indexByPrefix(stems, 5),
    sentences: parts.flatMap((part) => part.sentences),
    quantities,
    holders,
    urls,
    organisationWords,
  };
}

/** How many words after a negation it governs ("not the end", "not much better than"). */
const NEGATION_REACH_TOKENS = 3;

function sentencesOf(text: string): SourceSentence[] {
  return splitSentences(text).map(({ start, end }) => {
    const tokens = tokensOf(text.slice(start, end));
    const negatedStems = new Set<string>();
    tokens.forEach((token, i) => {
      if (!NEGATIONS.has(token.folded)) return;
      for (const [wanted] of contentWords(tokens.slice(i + 1, i + 1 + NEGATION_REACH_TOKENS))) negatedStems.add(wanted);
    });
    return {
      stems: new Set(contentWords(tokens).map(([wanted]) => wanted)),
      words: new Set(tokens.map((token) => token.folded)),
      negatedStems,
      reported: attributions(tokens).flatMap(({ speakers, at }) => {
        const said = new Set(contentWords(tokens.slice(at + 1)).map(([wanted]) => wanted));
        return speakers.map((speaker) => ({ speaker: speaker.folded, stems: said }));
      }),
      dates: datesOf(text.slice(start, end)),
    };
  });
}

/** The content words of a text as [stem, token]: not function, framing or reporting words, not numbers. */
export function contentWords(tokens: readonly Token[], skip: ReadonlySet<string> = new Set()): [string, Token][] {
  const content = new Map<string, Token>();
  for (const token of tokens) {
    const word = token.folded;
    if (word.length < 2 || /^\d/.test(word) || FUNCTION_WORDS.has(word) || DISCOURSE_WORDS.has(word) || isReportingWord(word) || SELF_REFERENCES.has(word) || NEGATIONS.has(word) || skip.has(word)) continue;
    if (!content.has(stem(word))) content.set(stem(word), token);
  }
  return [...content];
}

/** Words by their first MIN_SHARED_PREFIX_CHARS letters, for `hasName`. */
export function nameIndex(words: Iterable<string>): Map<string, string[]> {
  return indexByPrefix(words, MIN_SHARED_PREFIX_CHARS);
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
export function hasName(folded: string, words: ReadonlySet<string>, byPrefix: ReadonlyMap<string, string[]>): boolean {
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

/** Is a token of a sentence in the evidence: its stem, or (a name) another form of it? */
export function supports(evidence: SourceEvidence, wanted: string, token: Token): boolean {
  return hasStem(evidence, wanted) || (token.capitalised && hasName(token.folded, evidence.words, evidence.wordsByPrefix));
}
