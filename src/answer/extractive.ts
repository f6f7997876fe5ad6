import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../search/highlight.js';
import { messagesFor } from './messages.js';
import { splitSentences } from './sentences.js';
import { citedSource, type NumberedSource, type SourcePassage } from './sources.js';
import { contentStems, stem, stemsMatch, words } from './terms.js';
import type { CitedSource } from './types.js';

/** How many quotes an extractive answer shows: enough to answer, short enough to read. */
const MAX_QUOTES = 4;
const MAX_QUOTES_PER_STATEMENT = 2;
const MAX_TOTAL_QUOTE_CHARS = 1_400;
const MIN_SENTENCE_WORDS = 5;
const LIST_ITEM = /^\s*(?:\d{1,3}[.)]|[-*•+–])\s/;
/** Longer sentences are cut to their best run of clauses (still verbatim). */
const MAX_QUOTE_WORDS = 55;
/** A second quote from a statement already quoted counts for this much (diversity across statements). */
const SAME_STATEMENT_FACTOR = 0.5;
/** Share of a candidate's matched terms already covered by chosen quotes above which it is redundant. */
const MAX_REDUNDANCY = 0.9;
/**
 * A quote must match two of the question's terms, or half of them; with no
 * such quote the corpus is taken not to answer the question: "climate change policy" must not be
 * answered with a sentence about a "changed strategic orientation", while
 * "what does ICOR say about the Taliban, briefly?" still finds ICOR on the Taliban.
 */
const MIN_MATCHED_TERMS = 2;
const MIN_MATCHED_SHARE = 0.5;

/**
 * The line above a statement's verbatim quotes: "ICOR, 2021-09-10 [1]:", the
 * organisation (else the title, else the slug) bold. Plain text (see
 * AnswerResult.text): the bold is the highlight markers, which each surface renders.
 */
export function quotedSourceHeading(source: NumberedSource, n: number): string {
  const { organisation, title, date, slug } = source.statement;
  return `${HIGHLIGHT_OPEN}${organisation || title || slug}${HIGHLIGHT_CLOSE}${date ? `, ${date}` : ''} [${n}]:`;
}

interface Candidate {
  source: NumberedSource;
  passage: SourcePassage;
  /** The verbatim quote: an exact substring of `passage.text`. */
  quote: string;
  /** The whole sentence the quote comes from (longer when the quote is a cut). */
  sentence: string;
  matched: Set<string>;
  score: number;
}

export interface ExtractiveAnswer {
  text: string;
  sources: CitedSource[];
}

/**
 * Answer without a model: the sentences of the retrieved passages that best
 * cover the question's terms, across as many statements as possible, each a
 * verbatim quote under its organisation and citation. Undefined when no
 * sentence shares a content word with the question.
 */
export function extractiveAnswer(question: string, sources: readonly NumberedSource[], language: string, why: 'no-model' | 'fallback'): ExtractiveAnswer | undefined {
  const quoted = verbatimQuotes(question, sources, language);
  if (quoted.length === 0) return undefined;
  const m = messagesFor(language);
  const blocks: string[] = [why === 'no-model' ? m.extractiveIntro : m.fallbackIntro];
  const cited: CitedSource[] = [];
  quoted.forEach((entry, index) => {
    const n = index + 1;
    blocks.push(quotedBlock(entry, n));
    cited.push(quotedCitation(entry, n));
  });
  return { text: blocks.join('\n\n'), sources: cited };
}

/** One statement's verbatim quotes, in passage order: `quote` exact text of its passage, `shown` as displayed (a cut marked "…"). */
export interface QuotedSource {
  source: NumberedSource;
  quotes: { passage: SourcePassage; quote: string; shown: string }[];
}

/**
 * The sentences of the sources that best cover the question's terms, across as
 * many statements as possible, grouped by statement (best statement first).
 * Empty when no sentence matches the question closely enough to quote.
 * `maxQuotes` lowers the number of quotes (default MAX_QUOTES).
 */
export function verbatimQuotes(question: string, sources: readonly NumberedSource[], language: string, maxQuotes = MAX_QUOTES): QuotedSource[] {
  const terms = contentStems(question, language);
  if (terms.length === 0) return [];
  const candidates = collectCandidates(terms, sources).filter((c) => c.matched.size >= MIN_MATCHED_TERMS || c.matched.size / terms.length >= MIN_MATCHED_SHARE);
  const chosen = chooseQuotes(candidates, Math.min(maxQuotes, MAX_QUOTES));
  // Keep each statement's quotes together, best statement first.
  const order: NumberedSource[] = [];
  for (const candidate of chosen) if (!order.includes(candidate.source)) order.push(candidate.source);
  return order.map((source) => ({
    source,
    quotes: chosen
      .filter((c) => c.source === source)
      .sort((a, b) => a.passage.ordinal - b.passage.ordinal)
      .map((c) => ({ passage: c.passage, quote: c.quote, shown: displayQuote(c) })),
  }));
}

/** A statement's quotes under its heading, as answer text: "**ICOR**, 2021-09-10 [n]:" then "> …" lines. */
export function quotedBlock(entry: QuotedSource, n: number): string {
  return `${quotedSourceHeading(entry.source, n)}\n${entry.quotes.map((q) => `> ${q.shown}`).join('\n>\n')}`;
}

/** The cited source for a statement's quotes, numbered `n`, each passage with the quotes taken from it. */
export function quotedCitation(entry: QuotedSource, n: number): CitedSource {
  const passages = new Map<number, { passageId: number; text: string; quotes: string[] }>();
  for (const q of entry.quotes) {
    const found = passages.get(q.passage.id) ?? { passageId: q.passage.id, text: q.passage.text, quotes: [] };
    found.quotes.push(q.quote);
    passages.set(q.passage.id, found);
  }
  return citedSource(n, entry.source, [...passages.values()]);
}

function collectCandidates(terms: readonly string[], sources: readonly NumberedSource[]): Candidate[] {
  const raw: { source: NumberedSource; passage: SourcePassage; quote: string; sentence: string; stems: string[] }[] = [];
  for (const source of sources) {
    for (const passage of source.passages) {
      if (!passage.primary) continue;
      for (const span of splitSentences(passage.text)) {
        const sentence = passage.text.slice(span.start, span.end);
        // "27. KSRD …", "• Liga Comunista …": signatory lists and bullets are not statements.
        if (LIST_ITEM.test(sentence)) continue;
        const quote = trimToBestClauses(sentence, terms);
        const sentenceWords = words(quote);
        if (sentenceWords.length < MIN_SENTENCE_WORDS) continue;
        raw.push({ source, passage, quote, sentence, stems: sentenceWords.map(stem) });
      }
    }
  }
  // Terms rare among the candidates say more about relevance than terms every sentence has.
  const weight = new Map<string, number>();
  for (const term of terms) {
    const df = raw.filter((c) => c.stems.some((s) => stemsMatch(s, term))).length;
    weight.set(term, Math.log(1 + (raw.length + 1) / (df + 0.5)));
  }
  const totalWeight = [...weight.values()].reduce((a, b) => a + b, 0);
  return raw.flatMap(({ source, passage, quote, sentence, stems }) => {
    // A question naming the organisation ("what does ICOR say …") is answered by
    // any sentence of ICOR's about the rest; the name alone answers nothing.
    const byOrganisation = organisationTerms(source, terms);
    const own = terms.filter((term) => !byOrganisation.has(term) && stems.some((s) => stemsMatch(s, term)));
    if (own.length === 0) return [];
    const matched = new Set([...own, ...byOrganisation]);
    const coverage = [...matched].reduce((sum, term) => sum + weight.get(term)!, 0) / totalWeight;
    const lengthFactor = stems.length > 40 ? 0.75 : stems.length < 8 ? 0.85 : 1;
    const rankFactor = 1 / (1 + 0.1 * passage.rank);
    return [{ source, passage, quote, sentence, matched, score: coverage * lengthFactor * rankFactor }];
  });
}

function organisationTerms(source: NumberedSource, terms: readonly string[]): Set<string> {
  const stems = words(source.statement.organisation).map(stem);
  return new Set(terms.filter((term) => stems.some((s) => stemsMatch(s, term))));
}

/** A cut quote shows where it was cut, outside the verbatim words: "… the cut …". */
function displayQuote(candidate: Candidate): string {
  const { quote, sentence } = candidate;
  if (quote === sentence) return quote;
  return `${sentence.startsWith(quote) ? '' : '… '}${quote}${sentence.endsWith(quote) ? '' : ' …'}`;
}

/** Greedy: best score first, favouring statements not yet quoted and terms not yet covered. */
function chooseQuotes(candidates: Candidate[], maxQuotes: number): Candidate[] {
  const chosen: Candidate[] = [];
  const covered = new Set<string>();
  let chars = 0;
  const remaining = [...candidates];
  while (chosen.length < maxQuotes && remaining.length > 0) {
    let best: { candidate: Candidate; value: number; index: number } | undefined;
    remaining.forEach((candidate, index) => {
      const fromSame = chosen.filter((c) => c.source === candidate.source).length;
      if (fromSame >= MAX_QUOTES_PER_STATEMENT) return;
      const alreadyCovered = [...candidate.matched].filter((t) => covered.has(t)).length / candidate.matched.size;
      if (chosen.length > 0 && alreadyCovered > MAX_REDUNDANCY && fromSame > 0) return;
      const value = candidate.score * (fromSame > 0 ? SAME_STATEMENT_FACTOR : 1) * (1 - 0.3 * alreadyCovered);
      if (!best || value > best.value) best = { candidate, value, index };
    });
    if (!best) break;
    const { candidate, index } = best;
    remaining.splice(index, 1);
    if (chosen.length > 0 && chars + candidate.quote.length > MAX_TOTAL_QUOTE_CHARS) continue;
    // A quote far weaker than the best one is noise, not an answer.
    if (chosen.length > 0 && candidate.score < chosen[0]!.score * 0.25) break;
    chosen.push(candidate);
    chars += candidate.quote.length;
    for (const term of candidate.matched) covered.add(term);
  }
  return chosen;
}

/**
 * A sentence within the word limit is quoted whole; a longer one is cut to the
 * run of clauses (split at , ; :) that covers the most question terms. The cut
 * stays an exact substring of the passage.
 */
export function trimToBestClauses(sentence: string, terms: readonly string[]): string {
  if (words(sentence).length <= MAX_QUOTE_WORDS) return sentence;
  const clauses: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of sentence.matchAll(/[,;:]\s+/g)) {
    clauses.push({ start, end: match.index + 1 });
    start = match.index + match[0].length;
  }
  clauses.push({ start, end: sentence.length });
  let best = { start: 0, end: 0, score: -1 };
  for (let i = 0; i < clauses.length; i++) {
    for (let j = i; j < clauses.length; j++) {
      const text = sentence.slice(clauses[i]!.start, clauses[j]!.end);
      const stems = words(text).map(stem);
      if (stems.length > MAX_QUOTE_WORDS) break;
      const score = terms.filter((term) => stems.some((s) => stemsMatch(s, term))).length * 1000 + stems.length;
      if (score > best.score) best = { start: clauses[i]!.start, end: clauses[j]!.end, score };
    }
  }
  if (best.score < 0) {
    // One clause alone is too long: its first MAX_QUOTE_WORDS words.
    const cut = [...sentence.matchAll(/\S+/g)][MAX_QUOTE_WORDS - 1];
    return sentence.slice(0, cut ? cut.index + cut[0].length : sentence.length);
  }
  return sentence.slice(best.start, best.end).replace(/[,;:]$/, '');
}
