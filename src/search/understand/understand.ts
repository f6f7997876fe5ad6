import { QUOTED_PHRASE } from '../fts-query.js';
import { findPeriod, malformedDates, type Period } from './periods.js';
import type { OrganisationDirectory, OrganisationMention } from './organisations.js';
import { ARTICLES, rolesOf } from './roles.js';
import { questionWords } from './words.js';

/**
 * What a question says about who and when, read before it is searched: the
 * organisations it names as speakers (they become a filter, and stop being
 * keywords), those it names as topics (they stay keywords), and the period it
 * names (a filter; its words go too). The rest of the question is what to
 * search for.
 */
export interface Understanding {
  /**
   * Organisations named as who spoke, exact names as ingested, each once; with
   * a period, also the other names the same state's statements are filed
   * under ("Burma in 2005" is Myanmar's speech).
   */
  speakers: string[];
  /** The speakers as separate voices (each a name or a state's names), for sharing an answer's sources between them. */
  voices: string[][];
  /** How each speaker was named ("the Soviet", "ICOR"), with what it stood for. */
  speakerMentions: NamedOrganisations[];
  /** Organisations named as what was spoken about: kept as keywords. */
  topics: NamedOrganisations[];
  period?: Pick<Period, 'from' | 'to' | 'text'>;
  /**
   * Date-shaped text that is no date ("2021-13", "2021-02-30"), as written,
   * where a period would have been read: it gave none, and the user is told so.
   */
  invalidDates?: string[];
  /** The question without the words that only named speakers and the period. */
  keywords: string;
}

export interface NamedOrganisations {
  /** As written in the question. */
  text: string;
  organisations: string[];
}

/** "Iran's position", "the French delegation": after a speaker, words that go with the name. */
const SPEAKER_TRAILERS = new Set(['position', 'positions', 'view', 'views', 'stance', 'delegation', 'delegations', 'government', 'representative', 'representatives', 'side', 'statement', 'statements', 'speech', 'speeches', 'remarks']);

export function understandQuestion(question: string, directory: OrganisationDirectory, now: Date): Understanding {
  const words = questionWords(question);
  const mentions = directory.find(words);
  const roles = rolesOf(mentions, words, question);
  const cut: [number, number][] = [];
  const speakerMentions: (NamedOrganisations & { sameState: string[] })[] = [];
  const topics: NamedOrganisations[] = [];
  mentions.forEach((mention, i) => {
    const named = { text: question.slice(words[mention.from]!.start, words[mention.to - 1]!.end), organisations: mention.organisations, sameState: mention.sameState };
    if (roles[i] === 'topic') return void topics.push(named);
    speakerMentions.push(named);
    cut.push(speakerSpan(mention, words, question));
  });
  // "Sepsis mortality has fallen from 2009 to 2014": a period inside a claim is what it is about, not when it was said.
  const asks = asksAboutStatements(question, words, speakerMentions.length > 0);
  const found = findPeriod(question, now);
  const period = found && asks ? found : undefined;
  if (period) cut.push(...period.spans);
  // Read only where a period would be: in a claim, "2021-13" is part of what it claims.
  const invalidDates = asks ? [...new Set(malformedDates(question).map(([start, end]) => question.slice(start, end)))] : [];
  const voices = speakerMentions.map((named) => (period ? named.sameState : named.organisations));
  return {
    speakers: [...new Set(voices.flat())],
    voices,
    speakerMentions: speakerMentions.map(({ text, organisations }) => ({ text, organisations })),
    topics,
    ...(period ? { period: { ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}), text: period.text } } : {}),
    ...(invalidDates.length > 0 ? { invalidDates } : {}),
    keywords: speakerMentions.length > 0 || period ? withoutFrame(without(question, cut)) : question,
  };
}

/** Words that open a question. */
const QUESTION_OPENERS = new Set(['what', 'how', 'who', 'whom', 'whose', 'when', 'where', 'which', 'why', 'did', 'does', 'do', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'can', 'could', 'would', 'will', 'should', 'in', 'during', 'since', 'between', 'from', 'before', 'after', 'show', 'find', 'list', 'give', 'tell']);
/** Words about saying: a sentence with one asks about what was said. */
const ABOUT_SAYING = new Set('say says said saying speak speaks spoke spoken talk talks talked discuss discussed discussing mention mentioned address addressed statement statements speech speeches declare declared tell told write wrote written debate debated view views position positions'.split(' '));
/** Longer than this, a sentence without a question or a word about saying reads as a claim, not a query. */
const MAX_QUERY_FRAGMENT_WORDS = 8;

/**
 * Is the text a question about statements — so a period in it is when they
 * were made? A question ("…?", "What …", "In 1984, …"), one naming a speaker
 * or a word about saying, or a short query ("apartheid in 1985", "Iran on
 * Cyprus, 1974"). A longer declarative sentence is a claim, and its period
 * is part of what it claims ("Incidence of sepsis has fallen from 2009 to 2014").
 */
function asksAboutStatements(question: string, words: ReturnType<typeof questionWords>, hasSpeaker: boolean): boolean {
  if (hasSpeaker || /\?\s*$/.test(question)) return true;
  if (words.length > 0 && QUESTION_OPENERS.has(words[0]!.folded)) return true;
  if (words.some((word) => ABOUT_SAYING.has(word.folded))) return true;
  return words.length <= MAX_QUERY_FRAGMENT_WORDS;
}

/**
 * The characters that named a speaker: an article before the name ("the Soviet
 * Union" leaves no "the" in the topic), the name, its possessive, and a word
 * for its position or delegation after it.
 */
function speakerSpan(mention: OrganisationMention, words: ReturnType<typeof questionWords>, question: string): [number, number] {
  const article = words[mention.from - 1];
  const start = article && ARTICLES.has(article.folded) ? article.start : words[mention.from]!.start;
  const last = words[mention.to - 1]!;
  let end = last.possessive ? question.slice(last.end).match(/^['’]s?/u)![0].length + last.end : last.end;
  const next = words[mention.to];
  if (next && SPEAKER_TRAILERS.has(next.folded)) end = next.possessive ? next.end + question.slice(next.end).match(/^['’]s?/u)![0].length : next.end;
  return [start, end];
}

/**
 * Words that frame a question about who said what ("statements by …", "what
 * did … say", "… position on …"): once the speaker and period are filters
 * they are no topic, and a statement need not use them.
 */
const FRAME_WORDS = new Set(
  `what how who whom which when where why did does do has have had is are was were will would can could should
  say says said saying tell tells told speak speaks spoke spoken talk talks talked discuss discussed mention mentioned address addressed
  statement statements speech speeches remarks position positions view views stance stances opinion opinions
  delegation delegations government representative representatives leaders`.split(/\s+/),
);

/** The keywords without the frame words, whole words only; the rest as written, a "quoted phrase" whole, in its quotes. */
function withoutFrame(keywords: string): string {
  const phrases = [...keywords.matchAll(QUOTED_PHRASE)].map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[0] }));
  const kept: string[] = [];
  const keptPhrases = new Set<(typeof phrases)[number]>();
  for (const word of questionWords(keywords)) {
    const phrase = phrases.find((quoted) => word.start >= quoted.start && word.end <= quoted.end);
    if (!phrase) {
      if (!FRAME_WORDS.has(word.folded)) kept.push(word.text);
    } else if (!keptPhrases.has(phrase)) {
      keptPhrases.add(phrase);
      kept.push(phrase.text);
    }
  }
  return kept.join(' ');
}

function without(text: string, spans: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    out += `${text.slice(at, start)} `;
    at = end;
  }
  out += text.slice(at);
  return out.replace(/\s+([,.;:?!])/g, '$1').replace(/\s{2,}/g, ' ').trim();
}
