import { porterStem } from '../porter.js';
import { isStopWord } from '../stop-words.js';
import { tokenize, type Token } from '../tokenize.js';

/**
 * Topics for evaluation questions, taken from the words a speech actually
 * uses: a word or a two-word phrase the speech repeats (tf) that most other
 * speeches don't (document frequency over the corpus's statement text), never
 * a name of the speaker's own country. What the question asks about is then
 * certainly in the expected speech, in its own words — not in the bot's.
 */

/** What topic choice needs from the corpus: statement counts over statement text, as the index stems it. */
export interface CorpusStatistics {
  statements: number;
  /** Statements whose text holds a word of this stem. */
  stemDocuments(stem: string): Promise<number>;
  /** Statements whose text holds these (folded) words as a phrase. */
  phraseDocuments(words: readonly string[]): Promise<number>;
  /** Of the statements holding the phrase (or word), those by the country `iso`. */
  countryDocuments(words: readonly string[], iso: string): Promise<number>;
}

export interface TopicCandidate {
  /** As the question writes it: "apartheid", "nuclear weapons", "Namibia", "self-determination". */
  text: string;
  /** Folded words, as tokenize() folds them. */
  words: string[];
  /** Times the speech uses it. */
  count: number;
}

export interface Topic extends TopicCandidate {
  kind: 'word' | 'phrase';
  /** Statements of the corpus using it. */
  documents: number;
}

/** A single word must recur this often in the speech, a phrase this often. */
export const MIN_WORD_COUNT = 3;
export const MIN_PHRASE_COUNT = 2;
/** "Not in most speeches": at most this share of the corpus's statements use the topic … */
export const MAX_DOCUMENT_SHARE = 0.4;
/** … and at least this share (or 2 statements), so a one-off spelling or a typo is no topic. */
export const MIN_DOCUMENT_SHARE = 0.003;
/** A candidate used mostly by the speaker's own country (its capital, its leaders, "Cypriot") is a name of it. */
export const MAX_OWN_COUNTRY_SHARE = 0.5;
/** Of the best-scoring candidates, one of this many is drawn, so topics vary beyond each speech's single top word. */
export const TOP_CANDIDATES = 5;
/** Share of questions whose topic is a two-word phrase (when the speech has one). */
export const PHRASE_SHARE = 0.5;
/** Candidates whose corpus counts are looked up, most used first (bounds the work per speech). */
const WORDS_LOOKED_UP = 40;
const PHRASES_LOOKED_UP = 15;
/** A phrase whose rarer word is in more than this share of statements is nearly always too common, and slow to count: skipped. */
const MAX_PHRASE_WORD_SHARE = 0.6;
/** Noun-like: at least this share of uses end a phrase (see topicCandidates). */
const MIN_PHRASE_END_SHARE = 0.5;
/** Proper when at least this share of uses inside a sentence are capitalised. */
const MIN_CAPITALISED_SHARE = 0.8;

interface Use {
  count: number;
  endsPhrase: number;
  /** Uses where what comes before marks a noun phrase's start ("the", "of", an adjective) … */
  opened: number;
  /** … or marks something else ("to", "we", a modal, a name's first part). */
  notOpened: number;
  /** Uses right after "the": a name written "the Paris Agreement" keeps its article. */
  afterThe: number;
  /** Uses by the word that stands before it when that word modifies it ("debt" of "debt burden"). */
  modifiers: Map<string, number>;
  inSentence: number;
  capitalisedInSentence: number;
  allCaps: number;
  forms: Map<string, number>;
}

/** Words before a noun phrase: articles, possessives, prepositions (not "to", which comes before verbs as often). */
const OPENERS = new Set(
  `the a an of on in for with about against from by between among towards toward within without over under into through during after
   before at our their its his her my your this these those such no any every each some all both another other whose`.split(/\s+/),
);
/** Before a verb, not a noun: "must consolidate", "cannot accept". */
const VERB_MARKERS = new Set(['must', 'cannot', 'need', 'let', 'ought', 'not', 'never', 'always', 'often', 'still', 'already', 'also', 'to']);
/** Coordinators say nothing either way ("poverty and climate change"). */
const NEUTRAL = new Set(['and', 'or']);
/** Words that pass as nouns by where they stand but name no topic: adverbs and connectives ("the road ahead", "per cent"). */
const NO_TOPIC = new Set(
  `ahead rather instead together however therefore thus indeed hence moreover furthermore nevertheless nonetheless whereas thereby whether
   around behind next contrary spite despite thing things kind one ones two three four five six seven eight nine ten hundred thousand cent percent per etc today tomorrow yesterday
   regard regards respect order course view behalf account addition accordance light terms basis`.split(/\s+/),
);
/** Endings of adjectives, which make no topic alone or at the end of a phrase ("atmosphere favourable"); "-ive" is left out: "initiative", "objective". */
const ADJECTIVE_ENDING = /(?:ous|ful|less|able|ible|ical)$/;

/**
 * Words and two-word phrases the speech uses often enough and that read as
 * nouns, without `excludedStems` (names of the speaker, words of the title) —
 * before any corpus counts. Noun-like: usually ending a phrase (punctuation or
 * a function word follows: "apartheid.", not "nuclear" of "nuclear weapons"),
 * and usually opened by an article, a preposition or — for a single word — an
 * adjective, not by "to", a pronoun or a modal (verbs: "to consolidate", "we
 * ask"), nor by a capitalised word (the tail of a name: "Viet Nam", "Bretton
 * Woods institutions"); a single word is no topic when it is mostly the tail of
 * one compound ("burden" of "debt burden"). Pure: the same text gives the same candidates, most used first.
 */
export function topicCandidates(text: string, excludedStems: ReadonlySet<string>): { words: TopicCandidate[]; phrases: TopicCandidate[] } {
  const tokens = tokenize(text);
  const content = tokens.map((token) => isContentWord(token) && !excludedStems.has(porterStem(token.folded)));
  const words = new Map<string, Use>();
  const phrases = new Map<string, Use>();
  for (let i = 0; i < tokens.length; i++) {
    if (!content[i]) continue;
    const token = tokens[i]!;
    const initial = startsSentence(text, tokens, i);
    const before = initial ? 'clause' : describeBefore(tokens[i - 1]!, text.slice(tokens[i - 1]!.end, token.start));
    const afterThe = i > 0 && tokens[i - 1]!.folded === 'the' && /^\s+$/.test(text.slice(tokens[i - 1]!.end, token.start));
    record(words, token.folded, token.text, {
      modifier: before === 'modifier' ? tokens[i - 1]!.folded : undefined,
      endsPhrase: endsPhrase(text, tokens, i),
      opened: before === 'opener' || before === 'modifier' ? true : before === 'clause' || before === 'neutral' ? undefined : false,
      afterThe,
      initial,
      capitalised: isCapitalised(token.text),
      allCaps: isAllCaps(token.text),
    });
    const next = tokens[i + 1];
    if (next && content[i + 1] && next.folded !== token.folded && /^(?:\s+|-)$/.test(text.slice(token.end, next.start))) {
      record(phrases, `${token.folded} ${next.folded}`, text.slice(token.start, next.end).replace(/\s+/g, ' '), {
        modifier: undefined,
        endsPhrase: endsPhrase(text, tokens, i + 1),
        opened: before === 'opener' || before === 'clause' ? true : before === 'neutral' ? undefined : false,
        afterThe,
        initial,
        capitalised: isCapitalised(token.text) && isCapitalised(next.text),
        allCaps: false,
      });
    }
  }
  const nounLike = (use: Use) => use.endsPhrase / use.count >= MIN_PHRASE_END_SHARE && use.opened > 0 && use.opened >= use.notOpened;
  const wordCandidates = [...words]
    .filter(([, use]) => use.count >= MIN_WORD_COUNT && nounLike(use) && !isCompoundTail(use))
    .map(([key, use]) => ({ text: surface(use), words: [key], count: use.count }))
    .filter((candidate) => !endsLikeAdjective(candidate.text));
  const phraseCandidates = [...phrases]
    .filter(([key, use]) => use.count >= MIN_PHRASE_COUNT && nounLike(use) && endsOften(words.get(key.split(' ')[1]!)))
    .map(([key, use]) => ({ text: phraseSurface(use, words), words: key.split(' '), count: use.count }))
    .filter((candidate) => !endsLikeAdjective(candidate.text.split(/[\s-]/).at(-1)!));
  const byUse = (a: TopicCandidate, b: TopicCandidate) => b.count - a.count || a.words.join(' ').localeCompare(b.words.join(' '));
  return { words: wordCandidates.sort(byUse), phrases: phraseCandidates.sort(byUse) };
}

/** A word mostly written after the same modifier is the tail of a compound: "burden" of "debt burden", "change" of "climate change"; the phrase is the topic. */
function isCompoundTail(use: Use): boolean {
  return Math.max(0, ...use.modifiers.values()) * 2 >= use.count;
}

/** A phrase's last word must end phrases of its own too ("global financial" of "global financial and economic crisis" is no topic). */
function endsOften(use: Use | undefined): boolean {
  return use !== undefined && use.endsPhrase / use.count >= MIN_PHRASE_END_SHARE;
}

/** What the token before a word says about the word: after punctuation (a clause starts), an opener, an adjective-like word, a coordinator, or anything else. */
function describeBefore(previous: Token, gap: string): 'clause' | 'opener' | 'modifier' | 'neutral' | 'other' {
  if (/[^\s-]/.test(gap)) return 'clause';
  if (OPENERS.has(previous.folded)) return 'opener';
  if (NEUTRAL.has(previous.folded)) return 'neutral';
  if (VERB_MARKERS.has(previous.folded) || isStopWord(previous.folded) || isCapitalised(previous.text) || /ly$/.test(previous.folded) || !/^\p{L}+$/u.test(previous.text)) return 'other';
  return 'modifier';
}

/**
 * The topic of a question about this speech: a phrase (PHRASE_SHARE of the
 * time, when there is one) or a word, drawn from the TOP_CANDIDATES by
 * tf × log(N / df) among those in MIN_DOCUMENT_SHARE–MAX_DOCUMENT_SHARE of
 * statements and not mostly the speaker's own country's. Undefined when the
 * speech has none.
 */
export async function chooseTopic(
  text: string,
  speaker: { iso: string; excludedStems: ReadonlySet<string>; speeches: number },
  stats: CorpusStatistics,
  random: () => number,
): Promise<Topic | undefined> {
  const candidates = topicCandidates(text, speaker.excludedStems);
  const kinds: ('word' | 'phrase')[] = random() < PHRASE_SHARE ? ['phrase', 'word'] : ['word', 'phrase'];
  for (const kind of kinds) {
    const scored = kind === 'word' ? await scoreWords(candidates.words, speaker, stats) : await scorePhrases(candidates.phrases, speaker, stats);
    if (scored.length === 0) continue;
    return { ...scored[Math.floor(random() * Math.min(TOP_CANDIDATES, scored.length))]!, kind };
  }
  return undefined;
}

type Scored = TopicCandidate & { documents: number; score: number };

async function scoreWords(candidates: readonly TopicCandidate[], speaker: { iso: string; speeches: number }, stats: CorpusStatistics): Promise<Scored[]> {
  const scored: Scored[] = [];
  for (const candidate of candidates.slice(0, WORDS_LOOKED_UP)) {
    const documents = await stats.stemDocuments(porterStem(candidate.words[0]!));
    if (await acceptable(candidate, documents, speaker, stats)) scored.push({ ...candidate, documents, score: candidate.count * Math.log(stats.statements / documents) });
  }
  return best(scored);
}

async function scorePhrases(candidates: readonly TopicCandidate[], speaker: { iso: string; speeches: number }, stats: CorpusStatistics): Promise<Scored[]> {
  const scored: Scored[] = [];
  for (const candidate of candidates.slice(0, PHRASES_LOOKED_UP)) {
    const wordDocuments = await Promise.all(candidate.words.map((word) => stats.stemDocuments(porterStem(word))));
    if (Math.min(...wordDocuments) > MAX_PHRASE_WORD_SHARE * stats.statements) continue;
    const documents = await stats.phraseDocuments(candidate.words);
    if (await acceptable(candidate, documents, speaker, stats)) scored.push({ ...candidate, documents, score: candidate.count * Math.log(stats.statements / documents) });
  }
  return best(scored);
}

async function acceptable(candidate: TopicCandidate, documents: number, speaker: { iso: string; speeches: number }, stats: CorpusStatistics): Promise<boolean> {
  if (documents < Math.max(2, Math.ceil(MIN_DOCUMENT_SHARE * stats.statements)) || documents > MAX_DOCUMENT_SHARE * stats.statements) return false;
  // Only a term in few statements can be mostly one country's: counted when it could be.
  if (documents > speaker.speeches / MAX_OWN_COUNTRY_SHARE) return true;
  return (await stats.countryDocuments(candidate.words, speaker.iso)) / documents < MAX_OWN_COUNTRY_SHARE;
}

function best(scored: Scored[]): Scored[] {
  return scored.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));
}

/** Letters only, three or more, not a function word, an opener or a word that names no topic. */
function isContentWord(token: Token): boolean {
  const word = token.folded;
  return word.length >= 3 && /^\p{L}+$/u.test(token.text) && !isStopWord(word) && !OPENERS.has(word) && !VERB_MARKERS.has(word) && !NO_TOPIC.has(word);
}

/** A lower-case word with an adjective's ending can't end a topic; a capitalised one is a name ("Pacific"). */
function endsLikeAdjective(form: string): boolean {
  return !isCapitalised(form) && ADJECTIVE_ENDING.test(form.toLowerCase());
}

function endsPhrase(text: string, tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next) return true;
  return /[^\s-]/.test(text.slice(tokens[i]!.end, next.start)) || isStopWord(next.folded);
}

/** First word of the text, a paragraph or a sentence: its capital says nothing about the word. */
function startsSentence(text: string, tokens: readonly Token[], i: number): boolean {
  const gap = text.slice(i > 0 ? tokens[i - 1]!.end : 0, tokens[i]!.start);
  return i === 0 || /[.!?:;\n"“(•]/.test(gap);
}

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);
const isAllCaps = (word: string): boolean => word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();

function record(uses: Map<string, Use>, key: string, form: string, use: { modifier: string | undefined; endsPhrase: boolean; opened: boolean | undefined; afterThe: boolean; initial: boolean; capitalised: boolean; allCaps: boolean }): void {
  let counts = uses.get(key);
  if (!counts) uses.set(key, (counts = { count: 0, endsPhrase: 0, opened: 0, notOpened: 0, afterThe: 0, modifiers: new Map(), inSentence: 0, capitalisedInSentence: 0, allCaps: 0, forms: new Map() }));
  counts.count++;
  if (use.endsPhrase) counts.endsPhrase++;
  if (use.opened === true) counts.opened++;
  if (use.opened === false) counts.notOpened++;
  if (use.afterThe) counts.afterThe++;
  if (use.modifier !== undefined) counts.modifiers.set(use.modifier, (counts.modifiers.get(use.modifier) ?? 0) + 1);
  if (!use.initial) {
    counts.inSentence++;
    if (use.capitalised) counts.capitalisedInSentence++;
  }
  if (use.allCaps) counts.allCaps++;
  counts.forms.set(form, (counts.forms.get(form) ?? 0) + 1);
}

function commonestForm(use: Use, accept: (form: string) => boolean = () => true): string {
  return [...use.forms].filter(([form]) => accept(form)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? [...use.forms.keys()][0]!;
}

function isProper(use: Use): boolean {
  return use.inSentence > 0 && use.capitalisedInSentence / use.inSentence >= MIN_CAPITALISED_SHARE;
}

/** A name with the article the speech mostly gives it: "the Commission", "the Middle East", but "Namibia". */
function withItsArticle(form: string, use: Use): string {
  return use.afterThe * 2 >= use.count ? `the ${form}` : form;
}

/** "NATO", "Namibia", "the Commission" as written; any other word in lower case. */
function surface(use: Use): string {
  if (use.allCaps / use.count >= MIN_CAPITALISED_SHARE) return withItsArticle(commonestForm(use, isAllCaps), use);
  if (isProper(use)) return withItsArticle(commonestForm(use, isCapitalised), use);
  return commonestForm(use).toLowerCase();
}

/** "the Middle East" as written; otherwise each word as the speech writes it alone ("Palestinian people"). */
function phraseSurface(use: Use, words: ReadonlyMap<string, Use>): string {
  const form = commonestForm(use);
  if (isProper(use)) return withItsArticle(form, use);
  return form.replace(/\p{L}+/gu, (word) => {
    const alone = words.get(tokenize(word)[0]?.folded ?? '');
    return alone && (isProper(alone) || alone.allCaps / alone.count >= MIN_CAPITALISED_SHARE) ? word : word.toLowerCase();
  });
}
