import { stripMarkers } from '../citations.js';
import { AnswerGrounder } from '../grounder.js';
import type { NumberedSource } from '../sources.js';
import { takeUnit } from '../units.js';
import type { CitedSource } from '../types.js';
import { CLOSING_LABEL, SECTION_LABELS } from './prompt.js';

/**
 * The model's comparison, checked as /ask's answers are (grounder.ts: every
 * citation names a source, every quotation is in the source it cites, every
 * cited sentence is supported by it) — and per section against that
 * organisation's sources only, so a sentence in one organisation's section
 * citing another's statement names no source there and is dropped.
 */

/** "## A", "**B**", "## Comparison:" — a section's first line as the prompt asks for it, tolerating Markdown around it. */
const HEADER = new RegExp(String.raw`^[ \t]*(?:#{1,6}[ \t]*)?\**[ \t]*(${[...SECTION_LABELS, CLOSING_LABEL].join('|')})[ \t]*\**[ \t]*(?:[:—–-][^\n]*)?$`, 'i');

export interface ModelReply {
  /** By section, in the order asked: the text under "## A", "## B", …; undefined for a section the reply lacks. */
  sections: (string | undefined)[];
  closing?: string;
}

/** The reply split at its section lines. Text before the first is no section's, and is left out. */
export function splitReply(reply: string, count: number): ModelReply {
  const sections: (string | undefined)[] = Array.from({ length: count }, () => undefined);
  let closing: string | undefined;
  let current: number | 'closing' | undefined;
  let lines: string[] = [];
  const flush = () => {
    const text = lines.join('\n').trim();
    if (current === 'closing') closing = text;
    else if (current !== undefined && current < count) sections[current] = text;
    lines = [];
  };
  for (const line of reply.split('\n')) {
    const header = HEADER.exec(line);
    if (!header) {
      lines.push(line);
      continue;
    }
    flush();
    const label = header[1]!;
    current = label.toLowerCase() === CLOSING_LABEL.toLowerCase() ? 'closing' : SECTION_LABELS.indexOf(label.toUpperCase() as (typeof SECTION_LABELS)[number]);
  }
  flush();
  return { sections, ...(closing !== undefined ? { closing } : {}) };
}

export interface GroundedSection {
  /** Verified text, numbered 1… within the section (see ComparisonNumbering). */
  text: string;
  sources: CitedSource[];
  dropped: number;
  /** The model said its sources don't cover the topic. */
  notInSources: boolean;
}

/** What the grounder needs to judge support: the topic and the instructions the model had. */
export interface CompareGroundingContext {
  topic: string;
  instructions: string;
  language: string;
}

/** One section's text grounded against its organisation's sources. */
export function groundSection(text: string, sources: readonly NumberedSource[], context: CompareGroundingContext, truncated = false): GroundedSection {
  const grounder = new AnswerGrounder(sources, { language: context.language, question: context.topic, instructions: context.instructions });
  grounder.push(text);
  grounder.end(truncated);
  const result = grounder.result();
  const { uncited, badQuote, unsupported } = grounder.dropped;
  return { text: grounder.verifiedText, sources: result.sources, dropped: uncited + badQuote + unsupported, notInSources: result.notInSources };
}

/**
 * The closing sentence: the first sentence of the closing text that passes
 * grounding against every side's sources and `bothSides` (it cites a source
 * of each organisation it names, and of two at least). Later sentences are
 * left out, as are those that fail.
 */
export function groundClosing(
  text: string,
  sources: readonly NumberedSource[],
  context: CompareGroundingContext,
  bothSides: (sentence: string, cited: readonly CitedSource[]) => boolean,
): { sentence?: { text: string; sources: CitedSource[] }; dropped: number } {
  let rest = text;
  let dropped = 0;
  let sentence: { text: string; sources: CitedSource[] } | undefined;
  for (let taken = takeUnit(rest, true); taken; taken = takeUnit(rest, true)) {
    rest = rest.slice(taken.consumed);
    if (stripMarkers(taken.unit.text).trim() === '') continue;
    if (sentence) {
      dropped++;
      continue;
    }
    const grounded = groundSection(taken.unit.text, sources, context);
    if (grounded.sources.length > 0 && bothSides(grounded.text, grounded.sources)) sentence = { text: grounded.text, sources: grounded.sources };
    else dropped++;
  }
  return { ...(sentence ? { sentence } : {}), dropped };
}
