import type { Understood } from '../../search/retriever.js';
import type { CitedSource } from '../types.js';

/**
 * `/compare`'s public types: what a comparison is asked for and what it gives
 * back, shaped like an AnswerResult (plain text with [n] markers, numbered
 * CitedSources) so every surface renders its sections and buttons the same way.
 */

export interface CompareRequest {
  /** What to compare them on; may itself name the organisations ("Iran and Iraq on the war"). */
  topic: string;
  /** As typed or picked (a name, abbreviation, a country's other names): 2–5 of them, or none to read them from the topic. Options win. */
  organisations?: string[];
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive. */
  from?: string;
  to?: string;
  /** BCP-47 or ISO 639-1, e.g. Discord's locale. */
  language?: string;
  signal?: AbortSignal;
}

/** One organisation compared: who, and what it says (or that nothing by it covers the topic). */
export interface ComparisonSection {
  /** The organisation's name as the corpus writes it (its first name, for a state filed under several). */
  organisation: string;
  /** Every name its statements are filed under, all searched. */
  organisations: string[];
  /**
   * Plain text as in AnswerResult.text: [n] markers numbered across the whole
   * comparison, "> " verbatim quote lines, bold between the highlight markers.
   */
  text: string;
  /**
   * `llm`: its position in the model's words, every sentence checked against its own sources;
   * `verbatim`: its best sentences, quoted (no model, the model failed, or no sentence of the model's held);
   * `none`: no statement by it covers the topic (the text says so, and what was searched).
   */
  kind: 'llm' | 'verbatim' | 'none';
  /** Passages found for it. */
  hits: number;
}

/**
 * - `llm`: sections (and perhaps a closing sentence) written by the model, grounded.
 * - `extractive`: no model configured; every section is verbatim quotes.
 * - `fallback`: the model failed (see `fallbackReason`); verbatim quotes instead.
 */
export type ComparisonMode = 'llm' | 'extractive' | 'fallback';

export interface ComparisonResult {
  mode: ComparisonMode;
  fallbackReason?: string;
  /** The topic as asked. */
  topic: string;
  /** The words searched for (the topic without the organisations and period it named), and the FTS query each organisation ran. */
  searched: { words: string; query: string; from?: string; to?: string };
  sections: ComparisonSection[];
  /** With a model: one sentence on where they agree or differ, citing a source of each organisation it names. */
  closing?: string;
  /** Every cited statement, numbered 1… in order of first citation across the sections. */
  sources: CitedSource[];
  /** Sentences of the model's left out: uncited, misquoted, unsupported, or citing another organisation's source. */
  dropped: number;
  /** Who and when the topic named, when it was read for them. */
  understood?: Understood;
  timings: { retrievalMs: number; totalMs: number };
  usage?: { promptTokens: number; completionTokens: number };
}

export interface Comparer {
  /** Throws the UserFacingError compare() would for who and what is asked (unknown organisations, too few, no topic), without searching. */
  check(request: CompareRequest): Promise<void>;
  compare(request: CompareRequest): Promise<ComparisonResult>;
}
