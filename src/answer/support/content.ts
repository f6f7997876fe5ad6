import { stem, stemsMatch } from '../terms.js';
import { contentWords, NEGATIONS, sameNameForm, supports, type SourceEvidence, type SourceSentence } from './evidence.js';
import { dateSupported, datesOf, type DatePoint } from './numbers.js';
import { tokensOf, type Token } from './tokens.js';

/**
 * Is what a sentence says — beyond its names, numbers and dates — said by
 * what it cites? Lexical evidence only, so what it can see is what changes
 * words: a summary of something else (the instructions, another statement,
 * nothing), a generalisation the source doesn't make, a negation dropped from
 * the sentence it restates. What it can't see is a claim made of the
 * source's own words with their sense reversed.
 */

/**
 * Share of a sentence's content words that must be words of the cited
 * passages. Chosen on the labelled sets of docs/benchmarks.md: 0.5 kept every
 * faithful sentence but showed 6–15% of unfaithful ones, 0.75 keeps 96–99% and
 * shows 3–9%, above 0.8 faithful paraphrases start to go (89–93%).
 */
export const MIN_CONTENT_SHARE = 0.75;
/** …and at least this many of them (or all, when it has fewer). */
export const MIN_CONTENT_MATCHES = 2;
/** Words a sentence must share with another source, and not with the cited ones, before that source can be the better one. */
const MIN_WORDS_ELSEWHERE = 2;
/** Content words of a frame around a quotation that need no support of their own. */
const MAX_QUOTE_FRAME_WORDS = 2;
/**
 * A sentence citing several statements draws them together in words of its
 * own ("both present Taliban rule as a threat to women"): a lower share of its
 * words must be theirs, while each must still carry its part (MIN_JOINT_SHARE).
 */
const MIN_SYNTHESIS_SHARE = 0.6;
/** A claim about several sources at once: the share of its content words each of them must have. */
const MIN_JOINT_SHARE = 0.35;
/** A sweeping word or a negation is judged in the source sentences sharing at least this many content words with the claim. */
const MIN_ALIGNED_WORDS = 2;

/**
 * Words that turn a summary into a generalisation or a ranking ("all the
 * statements agree", "the largest alliance", "supported by most Afghans",
 * "fully supported"): the source sentence the claim restates must use them.
 */
const SWEEPING_CLASSES = [
  'all every each everyone everybody everything entire entirely whole wholly universally unanimous unanimously consensus',
  'only merely just solely exclusively alone sole',
  'most mostly majority widely',
  'always',
  'fully completely totally',
  'largest biggest greatest',
  'strongest weakest smallest best worst highest lowest first last main leading foremost undisputed',
  'inevitable inevitably certainly',
].map((words) => new Set(words.split(' ')));
/** A sweeping word, with the words that say the same in a source ("only" for "merely"). */
const SWEEPING_WORDS = new Map(SWEEPING_CLASSES.flatMap((words) => [...words].map((word) => [word, words] as const)));

/**
 * A prediction ("predicts the regime will collapse") must restate a source
 * sentence about the future. A bare "will" is not enough to call it one: a
 * summary says "it will not forget" where the source does too.
 */
const FUTURE_CLAIMS = new Set(['predict', 'predicts', 'predicted', 'forecast', 'forecasts', 'foresee', 'foresees', 'expect', 'expects', 'expected']);
const FUTURE_MARKERS = new Set(
  'will would may might could can cannot shall future soon coming expect expects expected threat threatens threaten danger risk possible inevitable begin going'.split(' '),
);

/** Words that make a claim about several sources at once: each must support it. */
const JOINT_WORDS = new Set(['both', 'all', 'each', 'alike', 'agree', 'agrees', 'share', 'shared', 'likewise', 'similarly', 'too', 'either']);

export type ContentFailure = { reason: 'instructions' | 'overlap' | 'other-source' | 'joint' | 'sweeping' | 'date' | 'reported' | 'future' | 'negation'; detail: string };

export function contentFailure(
  text: string,
  tokens: readonly Token[],
  evidence: readonly SourceEvidence[],
  uncited: readonly SourceEvidence[],
  context: { instructions: string; ownNames: ReadonlySet<string>; statementDates: readonly DatePoint[] },
): ContentFailure | undefined {
  const { instructions, ownNames, statementDates } = context;
  const content = contentWords(tokens, ownNames);
  // Only names, numbers and dates, all checked already ("The resolution is dated 10 September 2021"): nothing else to support.
  if (content.length === 0) return undefined;
  // A quotation was verified word for word before this check: what needs support is what the sentence says around it.
  const own = contentWords(tokens.filter((token) => !token.quoted), ownNames);
  const quoting = own.length < content.length;
  // "It likens capitalism to '…'", "By their own account, '…'": a short frame around a quotation attributes it; it claims nothing more.
  if (!(quoting && own.length <= MAX_QUOTE_FRAME_WORDS)) {
    const overlap = overlapFailure(own, evidence, instructions, evidence.length > 1 ? MIN_SYNTHESIS_SHARE : MIN_CONTENT_SHARE);
    if (overlap) return overlap;
    const elsewhere = betterSource(own, evidence, uncited);
    if (elsewhere) return elsewhere;
  }
  if (evidence.length > 1 && tokens.some((token) => !token.quoted && JOINT_WORDS.has(token.folded))) {
    // Each source must carry a fair part of it, and more than a word ("Both ICOR and CIPOML call the Taliban fascist").
    for (const [i, one] of evidence.entries()) {
      const found = content.filter(([wanted, token]) => supports(one, wanted, token)).length;
      if (found < Math.min(MIN_CONTENT_MATCHES, content.length) || found / content.length < MIN_JOINT_SHARE) return { reason: 'joint', detail: `cited source ${i + 1} of ${evidence.length} has ${found}/${content.length} of its content words` };
    }
  }
  const aligned = alignedSentences(content, evidence);
  const sweeping = tokens.find((token) => {
    const same = SWEEPING_WORDS.get(token.folded);
    // "the First Front" is a name, not a ranking.
    return !token.quoted && !(token.capitalised && !token.initial) && same !== undefined && !aligned.some((sentence) => [...same].some((word) => sentence.words.has(word)));
  });
  if (sweeping) return { reason: 'sweeping', detail: sweeping.text };
  const undated = datesOf(text).find((date) => !aligned.some((sentence) => dateSupported(date, sentence.dates)) && !dateSupported(date, statementDates));
  if (undated) return { reason: 'date', detail: `${JSON.stringify(undated)} is not a date of the sentences it restates` };
  const reported = reportedSpeaker(content, aligned[0], tokens, ownNames);
  if (reported) return { reason: 'reported', detail: `the sentence it restates is what ${reported} says` };
  const future = tokens.find((token) => !token.quoted && FUTURE_CLAIMS.has(token.folded));
  if (future && !aligned.some((sentence) => [...FUTURE_MARKERS].some((marker) => sentence.words.has(marker)))) return { reason: 'future', detail: `"${future.text}": no sentence it restates speaks of what will come` };
  // A claim built on a verified quotation says what the quotation says; the negation test is for paraphrase.
  const best = aligned[0];
  const negated = !quoting && best && content.find(([wanted]) => best.negatedStems.has(wanted));
  if (negated && !tokens.some((token) => NEGATION_WORDS.has(token.folded))) return { reason: 'negation', detail: `the sentence it restates negates "${negated[1].text}"` };
  return undefined;
}

/**
 * The claim restates what the source reports someone else saying ("Taliban
 * claimed Iran and Russia gave their blessings") without that someone: most
 * of the words it shares with the sentence are in the reported part, and it
 * names neither the speaker nor (as the source's own speaker) leaves it out.
 */
function reportedSpeaker(content: readonly [string, Token][], best: SourceSentence | undefined, tokens: readonly Token[], ownNames: ReadonlySet<string>): string | undefined {
  if (!best) return undefined;
  const shared = content.filter(([wanted]) => best.stems.has(wanted)).map(([wanted]) => wanted);
  for (const { speaker, stems } of best.reported) {
    if (ownNames.has(speaker) || tokens.some((token) => sameNameForm(token.folded, speaker))) continue;
    const inReport = shared.filter((wanted) => stems.has(wanted)).length;
    if (shared.length > 0 && inReport / shared.length >= MIN_REPORTED_SHARE) return speaker;
  }
  return undefined;
}

/** Share of the words a claim shares with a sentence that must lie in its reported part for the claim to be that report. */
const MIN_REPORTED_SHARE = 0.6;

/** Negations and words that negate by themselves ("refuse", "without", "unlike"): a claim with one restates a negation faithfully enough. */
const NEGATION_WORDS = new Set([
  ...NEGATIONS,
  ...`without instead rather than unlike opposite
  refuse refuses refused refusing reject rejects rejected rejecting deny denies denied denying oppose opposes opposed opposing fail fails failed lack lacks`.split(/\s+/),
]);

function overlapFailure(content: readonly [string, Token][], evidence: readonly SourceEvidence[], instructions: string, minShare: number): ContentFailure | undefined {
  const found = content.filter(([wanted, token]) => evidence.some((e) => supports(e, wanted, token)));
  const share = found.length / content.length;
  const fromInstructions = stemsOfInstructions(instructions);
  const instructionShare = content.filter(([wanted]) => fromInstructions.has(wanted)).length / content.length;
  if (instructionShare >= minShare && instructionShare > share) return { reason: 'instructions', detail: `${Math.round(instructionShare * 100)}% of its words are the instructions'` };
  // Three content words or fewer: one may be the summary's own ("its list is given as of …").
  const needed = Math.max(Math.min(MIN_CONTENT_MATCHES, content.length), content.length <= 3 ? content.length - 1 : Math.ceil(minShare * content.length));
  if (found.length < needed) {
    const missing = content.filter(([wanted]) => !found.some(([stemFound]) => stemFound === wanted)).map(([, token]) => token.text);
    return { reason: 'overlap', detail: `${found.length}/${content.length} content words in the cited text; not: ${missing.slice(0, 6).join(', ')}` };
  }
  return undefined;
}

/**
 * A sentence another source the model was given says better: several of its
 * words are that source's and none of the cited ones', and that source has
 * more of the sentence than what it cites — the words of one statement, cited
 * to another ("JAKNA says Western imperialists planned to unleash the war by
 * playing Russia and Ukraine off against each other").
 */
function betterSource(content: readonly [string, Token][], evidence: readonly SourceEvidence[], uncited: readonly SourceEvidence[]): ContentFailure | undefined {
  const citedHas = content.filter(([wanted, token]) => evidence.some((e) => supports(e, wanted, token)));
  for (const other of uncited) {
    const onlyThere = content.filter(([wanted, token]) => supports(other, wanted, token) && !citedHas.some(([found]) => found === wanted));
    if (onlyThere.length < MIN_WORDS_ELSEWHERE) continue;
    const otherHas = content.filter(([wanted, token]) => supports(other, wanted, token)).length;
    if (otherHas > citedHas.length) return { reason: 'other-source', detail: `another source has ${otherHas}/${content.length} of its words, the cited ${citedHas.length}; only there: ${onlyThere.map(([, t]) => t.text).join(', ')}` };
  }
  return undefined;
}

/** The cited sentences the claim restates, most shared content words first. */
function alignedSentences(content: readonly [string, Token][], evidence: readonly SourceEvidence[]): SourceSentence[] {
  const scored: { sentence: SourceSentence; shared: number }[] = [];
  for (const e of evidence) {
    for (const sentence of e.sentences) {
      let shared = 0;
      for (const [wanted] of content) if (sentence.stems.has(wanted) || [...sentence.stems].some((s) => stemsMatch(s, wanted))) shared++;
      if (shared >= Math.min(MIN_ALIGNED_WORDS, content.length)) scored.push({ sentence, shared });
    }
  }
  return scored.sort((a, b) => b.shared - a.shared).map((entry) => entry.sentence);
}

/** Cached content stems of the instructions (the same few texts all the time). */
const instructionStems = new Map<string, Set<string>>();
const MAX_INSTRUCTION_TEXTS = 8;

function stemsOfInstructions(instructions: string): Set<string> {
  let stems = instructionStems.get(instructions);
  if (!stems) {
    stems = new Set(tokensOf(instructions).map((token) => stem(token.folded)));
    if (instructionStems.size >= MAX_INSTRUCTION_TEXTS) instructionStems.clear();
    instructionStems.set(instructions, stems);
  }
  return stems;
}
