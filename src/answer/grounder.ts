import { findMarkers, formatMarkers, stripMarkers, type MarkerMatch } from './citations.js';
import { isConnective } from './connective.js';
import { messagesFor } from './messages.js';
import { plainFromModelMarkdown } from './model-markdown.js';
import { findQuotations, verifyQuotation, type Quotation } from './quotations.js';
import { citedSource, type NumberedSource } from './sources.js';
import { checkSupport, type SupportVerdict } from './support/check.js';
import { evidenceOf } from './support/evidence.js';
import { normaliseUrl, resolveLinks } from './support/links.js';
import { takeUnit, leadingWhitespace, type Unit } from './units.js';
import type { CitedSource } from './types.js';

/**
 * Grounding, enforced in code on the model's streamed text, one unit (sentence
 * or block quote) at a time:
 *
 * - The model's Markdown becomes plain text (model-markdown.ts): the answer
 *   carries no formatting of the model's.
 * - A citation marker naming no source is removed; a unit whose markers all
 *   named none is dropped (it claimed a source and has none).
 * - A link is kept only when a source the unit cites carries it; others are
 *   removed, a masked link keeping its words.
 * - A quotation must be in the source its sentence cites (the marker after the
 *   quotation, else the one before it); a unit holding a quotation that isn't
 *   there is dropped whole, since un-quoting it would still put the words in
 *   the organisation's mouth.
 * - A unit without a valid citation is dropped, unless it is connective text:
 *   short, no quotation, no number, no name (no capitalised word after the
 *   first) — "Here is what the sources say:", "In short, both agree." A claim
 *   about someone names them or something, so it can't pass as connective.
 * - A cited sentence must be supported by what it cites (support/check.ts):
 *   its names, numbers and dates are there, whoever it says holds a position
 *   holds it there, and its words are mostly the cited passages' words — not
 *   the instructions'. One that isn't is dropped like an uncited one.
 * - A block quote is attributed by a marker inside it, or by the line
 *   introducing it ("ICOR [2]:").
 * - Accepted markers are renumbered 1, 2, … in order of first citation, as
 *   they are accepted, so partial and final text number alike.
 *
 * The final text notes how many units were left out.
 */

/** The answer protocol's "the sources don't answer this" reply (see prompt.ts). */
export const NOT_IN_SOURCES = 'NOT_IN_SOURCES';
/** A "Sources:" list written by the model repeats ours; everything from it on is dropped. */
const SOURCES_HEADING = /^\W*(?:sources|references|quellen|fuentes|références|citations)\W*$/iu;
const LIST_PREFIX = /^\s*(?:[-*•+]|\d{1,3}[.)]|#{1,6})\s+/;

type Separator = '' | ' ' | '\n' | '\n\n';

export interface Dropped {
  uncited: number;
  badQuote: number;
  unsupported: number;
}

/** What the grounder needs besides the sources: the question and the model's instructions (for the support check). */
export interface GroundingContext {
  language: string;
  question: string;
  instructions: string;
  /** Told why each cited sentence was dropped as unsupported (logs, the benchmark). */
  onUnsupported?: (sentence: string, verdict: Extract<SupportVerdict, { supported: false }>) => void;
}

export interface GroundedAnswer {
  /** The verified text, markers renumbered, with a note when units were left out. */
  text: string;
  sources: CitedSource[];
  /** Units dropped: uncited claims, unverifiable quotations, sentences their sources don't support. */
  dropped: Dropped;
  /** The model said the sources don't answer the question (and cited nothing). */
  notInSources: boolean;
}

export class AnswerGrounder {
  private buffer = '';
  private out = '';
  private pendingSeparator: Separator = '';
  private readonly display = new Map<number, number>();
  private readonly quotes = new Map<number, Map<number, string[]>>();
  private readonly byNumber: Map<number, NumberedSource>;
  private previous: { cites: number[]; introduces: boolean } = { cites: [], introduces: false };
  private stopped = false;
  private sentinelSeen = false;
  readonly dropped: Dropped = { uncited: 0, badQuote: 0, unsupported: 0 };

  constructor(
    private readonly sources: readonly NumberedSource[],
    private readonly context: GroundingContext,
  ) {
    this.byNumber = new Map(sources.map((source) => [source.n, source]));
  }

  /** The verified text so far (no trailing note). */
  get verifiedText(): string {
    return this.out;
  }

  /** At least one valid citation has been accepted. */
  get hasCitation(): boolean {
    return this.display.size > 0;
  }

  /** Feed streamed text; true when the verified text grew. */
  push(delta: string): boolean {
    this.buffer += delta;
    return this.drain(false);
  }

  /**
   * The stream ended. `truncated` (finish_reason "length"): the last unit may
   * stop mid-sentence and is kept only if it ends like a sentence.
   */
  end(truncated = false): boolean {
    const grew = this.drain(false);
    // What is left is the last unit; cut off by the token limit, it may be half a claim.
    if (truncated && !/[.!?…:][*_"'”’»)\]]*$/.test(stripMarkers(this.buffer).trimEnd())) this.buffer = '';
    return this.drain(true) || grew;
  }

  /** The answer as it stands: final once `end()` was called. */
  result(): GroundedAnswer {
    const droppedCount = this.dropped.uncited + this.dropped.badQuote + this.dropped.unsupported;
    const note = droppedCount > 0 && this.hasCitation ? `\n\n${messagesFor(this.context.language).removed(droppedCount)}` : '';
    return {
      text: `${this.out}${note}`,
      sources: this.citedSources(),
      dropped: { ...this.dropped },
      notInSources: this.sentinelSeen && !this.hasCitation,
    };
  }

  private drain(final: boolean): boolean {
    const before = this.out;
    if (this.out === '' && !this.sentinelSeen) {
      const head = this.buffer.trimStart();
      if (!final && head.length < NOT_IN_SOURCES.length && NOT_IN_SOURCES.startsWith(head)) return false;
    }
    for (;;) {
      const lead = leadingWhitespace(this.buffer);
      if (lead !== '' && lead.length < this.buffer.length) {
        this.noteSeparator(lead);
        this.buffer = this.buffer.slice(lead.length);
      }
      const taken = takeUnit(this.buffer, final);
      if (!taken) break;
      this.buffer = this.buffer.slice(taken.consumed);
      this.judge(taken.unit);
    }
    if (final) this.buffer = '';
    return this.out !== before;
  }

  private judge(raw: Unit): void {
    if (this.stopped) return;
    if (raw.text.includes(NOT_IN_SOURCES)) {
      // The protocol's reply opens with it; a sentence that only mentions it repeats the instructions.
      if (/^\W*NOT_IN_SOURCES/.test(raw.text)) this.sentinelSeen = true;
      else this.dropped.uncited++;
      return this.skip(raw);
    }
    const unit: Unit = { ...raw, text: plainFromModelMarkdown(raw.text) };
    if (unit.kind === 'sentence' && SOURCES_HEADING.test(stripMarkers(unit.text))) {
      this.stopped = true;
      return;
    }
    const written = findMarkers(unit.text);
    const cites = unique(written.flatMap((marker) => marker.numbers.filter((n) => this.byNumber.has(n))));
    if (written.length > 0 && cites.length === 0) {
      // "Further evidence is in source [7]." claimed a source; without one it is an uncited claim.
      this.dropped.uncited++;
      return this.skip(unit);
    }
    const introduced = unit.kind === 'block-quote' && cites.length === 0 && this.previous.introduces ? this.previous.cites : [];
    const linkSources = [...cites, ...introduced].map((n) => evidenceOf(this.byNumber.get(n)!).urls);
    const text = resolveLinks(unit.text, (url) => linkSources.some((urls) => urls.has(normaliseUrl(url)))).text;
    const markers = findMarkers(text);
    const body = unit.kind === 'block-quote' ? blockQuoteBody(text) : text.replace(LIST_PREFIX, '');
    const quotations: { quotation: Quotation; candidates: number[] }[] =
      unit.kind === 'block-quote'
        ? [{ quotation: { start: 0, end: body.length, text: body }, candidates: cites.length > 0 ? cites : introduced }]
        : findQuotations(body).map((quotation) => ({ quotation, candidates: this.citesFor(quotation, findMarkers(body)) }));

    const verified: { n: number; passageId: number; fragments: string[] }[] = [];
    for (const { quotation, candidates } of quotations) {
      const match = candidates.map((n) => ({ n, match: verifyQuotation(quotation.text, this.byNumber.get(n)!) })).find((entry) => entry.match);
      if (!match?.match) {
        this.dropped.badQuote++;
        return this.skip(unit);
      }
      verified.push({ n: match.n, passageId: match.match.passage.id, fragments: match.match.fragments });
    }
    const attributed = cites.length > 0 ? cites : unit.kind === 'block-quote' && verified.length > 0 ? unique(verified.map((v) => v.n)) : [];
    if (attributed.length === 0 && !(isConnective(body) && quotations.length === 0)) {
      this.dropped.uncited++;
      return this.skip(unit);
    }
    // A block quote is the source's own words (verified above); a sentence is the model's, and must be supported by what it cites.
    if (unit.kind === 'sentence' && attributed.length > 0) {
      const verdict = checkSupport(body, attributed.map((n) => this.byNumber.get(n)!), { question: this.context.question, instructions: this.context.instructions, sources: this.sources, language: this.context.language });
      if (!verdict.supported) {
        this.dropped.unsupported++;
        this.context.onUnsupported?.(body, verdict);
        return this.skip(unit);
      }
    }
    for (const n of attributed) if (!this.display.has(n)) this.display.set(n, this.display.size + 1);
    for (const { n, passageId, fragments } of verified) {
      const byPassage = this.quotes.get(n) ?? new Map<number, string[]>();
      const list = byPassage.get(passageId) ?? [];
      for (const fragment of fragments) if (!list.includes(fragment)) list.push(fragment);
      byPassage.set(passageId, list);
      this.quotes.set(n, byPassage);
    }
    this.accept(this.renumber(text, markers), unit.separator);
    const plain = stripMarkers(body).trimEnd();
    this.previous = { cites: attributed, introduces: plain.endsWith(':') };
  }

  /** The sources a quotation is checked against: the first marker group inside or after it with a valid number, else the last before it. */
  private citesFor(quotation: Quotation, markers: MarkerMatch[]): number[] {
    const valid = (marker: MarkerMatch) => marker.numbers.filter((n) => this.byNumber.has(n));
    const after = markers.find((marker) => marker.index > quotation.start && valid(marker).length > 0);
    if (after) return valid(after);
    const before = markers.filter((marker) => marker.index + marker.length <= quotation.start && valid(marker).length > 0).at(-1);
    return before ? valid(before) : [];
  }

  /** Markers in display numbers; a marker naming no source disappears with the space before it. */
  private renumber(text: string, markers: MarkerMatch[]): string {
    let result = '';
    let at = 0;
    for (const marker of markers) {
      const shown = marker.numbers.filter((n) => this.byNumber.has(n)).map((n) => this.display.get(n)!);
      let head = text.slice(at, marker.index);
      if (shown.length === 0) head = head.replace(/[ \t]+$/, '');
      result += head + formatMarkers(unique(shown));
      at = marker.index + marker.length;
    }
    result += text.slice(at);
    return result.replace(/(\[\d+\])(?:\s*\1)+/g, '$1');
  }

  private accept(text: string, separator: string): void {
    if (this.out !== '') this.out += this.pendingSeparator || ' ';
    this.out += text;
    this.pendingSeparator = '';
    this.noteSeparator(separator);
  }

  private skip(unit: Unit): void {
    this.previous = { cites: [], introduces: false };
    this.noteSeparator(unit.separator);
  }

  /** Keep the strongest break seen since the last accepted unit (a dropped paragraph still ends one). */
  private noteSeparator(whitespace: string): void {
    const breaks = (whitespace.match(/\n/g) ?? []).length;
    const kind: Separator = breaks >= 2 ? '\n\n' : breaks === 1 ? '\n' : whitespace === '' ? '' : ' ';
    const strength = (s: Separator) => ['', ' ', '\n', '\n\n'].indexOf(s);
    if (strength(kind) > strength(this.pendingSeparator)) this.pendingSeparator = kind;
  }

  private citedSources(): CitedSource[] {
    return [...this.display.entries()]
      .sort((a, b) => a[1] - b[1])
      .map(([n, shown]) => {
        const source = this.byNumber.get(n)!;
        const quoted = this.quotes.get(n) ?? new Map<number, string[]>();
        const passages = source.passages
          .filter((p) => quoted.has(p.id) || (p.primary && quoted.size === 0))
          .sort((a, b) => (quoted.size === 0 ? a.rank - b.rank : a.ordinal - b.ordinal))
          .map((p) => ({ passageId: p.id, text: p.text, quotes: quoted.get(p.id) ?? [] }));
        return citedSource(shown, source, passages);
      });
  }
}

/** The words of a block quote without its ">" marks, one line per line. */
function blockQuoteBody(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^[ \t]*>[ \t]?/, ''))
    .join('\n');
}

function unique(numbers: number[]): number[] {
  return [...new Set(numbers)];
}
