import { quotedBlock, quotedCitation, verbatimQuotes } from '../extractive.js';
import { describeSearch } from '../messages.js';
import type { ComparedVoice } from './organisations.js';
import type { ComparisonNumbering } from './numbering.js';
import type { VoiceSources } from './retrieval.js';
import type { ComparisonSection } from './types.js';

/** Quotes a side shows without a model: its best two, so five sides fit one reply. */
export const SECTION_QUOTES = 2;

/**
 * A side in verbatim quotes: its statements' sentences that best match the
 * topic, each under its statement's heading and number. Undefined when none
 * matches closely enough to quote.
 */
export function verbatimSection(side: VoiceSources, words: string, language: string, numbering: ComparisonNumbering): string | undefined {
  const quoted = verbatimQuotes(words, side.sources, language, SECTION_QUOTES);
  if (quoted.length === 0) return undefined;
  return quoted.map((entry) => quotedBlock(entry, numbering.add(quotedCitation(entry, 0)))).join('\n\n');
}

/** What a side was searched for, as its "not covered" section tells it. */
export interface SectionSearch {
  query: string;
  from?: string;
  to?: string;
  /** "Searched in Russian only; the statements are in English." when the topic is in another language than the statements (messages.ts). */
  languageNote?: string;
}

/** "No statement by Iraq in the corpus covers this." and what was searched, so the reader can judge the miss. */
export function notCoveredSection(voice: ComparedVoice, searched: SectionSearch, hits: number, language: string): string {
  const filters = { organisations: voice.names, ...(searched.from ? { from: searched.from } : {}), ...(searched.to ? { to: searched.to } : {}) };
  // Passages were found but no sentence of them matched the topic closely enough to quote (or the model judged them off it).
  const found = hits > 0 ? ' None of them is on the topic.' : '';
  const note = searched.languageNote ? `\n${searched.languageNote}` : '';
  return `No statement by ${voice.name} in the corpus covers this.\n${describeSearch({ query: searched.query, filters, hits }, language)}${found}${note}`;
}

/** A side's section without the model's words: its verbatim sentences, else that nothing by it covers the topic. */
export function quotedSection(side: VoiceSources, words: string, language: string, numbering: ComparisonNumbering, searched: SectionSearch): ComparisonSection {
  const base = { organisation: side.voice.name, organisations: side.voice.names, hits: side.hits };
  const text = side.hits > 0 ? verbatimSection(side, words, language, numbering) : undefined;
  return text ? { ...base, text, kind: 'verbatim' } : { ...base, text: notCoveredSection(side.voice, searched, side.hits, language), kind: 'none' };
}
