import { DISCOURSE_WORDS, FUNCTION_WORDS, isName, type Token } from './tokens.js';
import { PASSIVE_AUXILIARIES, PRONOUNS, SELF_REFERENCES, SPEAKING_PASSIVES, verbFamily, type VerbFamily } from './verbs.js';

/**
 * Who a text says holds a position: the subject of an attributing verb
 * ("ICOR condemns …", "the Taliban claimed …", "Zelensky is quoted as …")
 * and whoever follows "according to". Read from word order alone — close
 * enough for the short sentences of an answer and the declarative prose of
 * statements, and erring towards finding no speaker rather than a wrong one.
 */

/** How far before an attributing verb its speaker may stand: "ICOR in its resolution strongly condemns". */
export const SPEAKER_WINDOW_TOKENS = 4;

const COORDINATORS = new Set(['and', 'or', 'but', 'then', 'also']);

/** Words that end the subject of a verb: what comes before them belongs to another clause. */
const CLAUSE_BREAKS = new Set(['that', 'which', 'who', 'whom', 'whose', 'because', 'since', 'while', 'whereas', 'although', 'though', 'if', 'when', 'where', 'but', 'as']);

/** A word that may name who speaks: a name, or any capitalised word opening a sentence ("Taliban claimed …"). */
export function mayNameSpeaker(token: Token): boolean {
  return isName(token) || (token.initial && token.capitalised && token.text.length > 1 && !FUNCTION_WORDS.has(token.folded) && !DISCOURSE_WORDS.has(token.folded));
}

/**
 * The names standing as the subject of the verb at `verbAt`: a few words
 * before it, not across a clause break or punctuation. A pronoun or a word for
 * the statement itself ("it", "the resolution") is the subject: the cited
 * statement speaks, unless a name is written right before it ("ICOR's
 * resolution"). A passive verb has no speaker before it ("after the
 * withdrawal was announced"), except "X is quoted".
 */
export function speakersBefore(tokens: readonly Token[], verbAt: number, isSpeaker: (token: Token) => boolean = mayNameSpeaker): Token[] {
  const verb = tokens[verbAt]!;
  if (PASSIVE_AUXILIARIES.has(tokens[verbAt - 1]?.folded ?? '') && !SPEAKING_PASSIVES.has(verb.folded)) return [];
  // "rejects the plans of the USA and calls for peace": the second verb shares the first one's subject.
  if (COORDINATORS.has(tokens[verbAt - 1]?.folded ?? '')) return [];
  const speakers: Token[] = [];
  let from = verbAt - 1;
  if (PASSIVE_AUXILIARIES.has(tokens[from]?.folded ?? '')) from--;
  for (let i = from; i >= 0 && i >= verbAt - SPEAKER_WINDOW_TOKENS; i--) {
    const token = tokens[i]!;
    if (tokens[i + 1]!.punctuationBefore) break;
    if (CLAUSE_BREAKS.has(token.folded) || verbFamily(token.folded)) break;
    if (PRONOUNS.has(token.folded)) break;
    if (SELF_REFERENCES.has(token.folded)) {
      const owner = tokens[i - 1];
      if (owner && !token.punctuationBefore && isSpeaker(owner)) speakers.push(owner);
      break;
    }
    if (isSpeaker(token)) speakers.push(token);
    if (token.initial) break;
  }
  return speakers;
}

/** The names after "according to", up to the end of the phrase. */
export function speakersAfter(tokens: readonly Token[], from: number, isSpeaker: (token: Token) => boolean = mayNameSpeaker): Token[] {
  const speakers: Token[] = [];
  for (let i = from; i < tokens.length && i < from + SPEAKER_WINDOW_TOKENS; i++) {
    const token = tokens[i]!;
    if (i > from && token.punctuationBefore) break;
    if (CLAUSE_BREAKS.has(token.folded) || verbFamily(token.folded) || PRONOUNS.has(token.folded)) break;
    if (!SELF_REFERENCES.has(token.folded) && isSpeaker(token)) speakers.push(token);
  }
  return speakers;
}

export interface Attribution {
  family: VerbFamily;
  speakers: Token[];
  /** Where the verb (or "according") stands among the tokens. */
  at: number;
}

/** Every attributing verb of the text with its speakers ("according to X" as 'assert'), outside quotations. */
export function attributions(tokens: readonly Token[], isSpeaker: (token: Token) => boolean = mayNameSpeaker): Attribution[] {
  const found: Attribution[] = [];
  tokens.forEach((token, i) => {
    if (token.quoted) return;
    const family = verbFamily(token.folded);
    if (family) found.push({ family, speakers: speakersBefore(tokens, i, isSpeaker), at: i });
    else if (token.folded === 'according' && tokens[i + 1]?.folded === 'to') found.push({ family: 'assert', speakers: speakersAfter(tokens, i + 2, isSpeaker), at: i });
  });
  return found.filter((attribution) => attribution.speakers.length > 0);
}

/** Who the text shows saying or demanding something, with the kinds of verb used. */
export function holdersIn(tokens: readonly Token[]): Map<string, Set<VerbFamily>> {
  const holders = new Map<string, Set<VerbFamily>>();
  for (const { family, speakers } of attributions(tokens)) {
    for (const speaker of speakers) {
      const families = holders.get(speaker.folded) ?? new Set<VerbFamily>();
      families.add(family);
      holders.set(speaker.folded, families);
    }
  }
  return holders;
}
